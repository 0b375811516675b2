package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.pod.PodTemplate;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MizzenAssertionsTest {

  @Test
  void theExampleOfTheDocsHolds() {
    App shop = Shop.app();
    HorizontalPodAutoscaler webAutoscaler = HorizontalPodAutoscaler.named("web")
        .scaling(ScaleTarget.deployment("web")).minReplicas(3).maxReplicas(10).cpuUtilization(70).build();

    assertThat(shop).deployment("web").container("web").readiness().isHttpGet("/ready");
    assertThat(shop).deployment("web")
        .runsAsNonRoot().hasResources().hasProbes().hasPinnedImages()
        .isSpreadOver("topology.kubernetes.io/zone")
        .toleratesTaint("dedicated", "web", "NoSchedule");
    assertThat(shop).horizontalPodAutoscaler("web").scales("Deployment", "web").hasReplicas(3, 10);
    assertThat(shop).service("web").selectsPodsOf(Shop.web()).onPort("http");
    assertThat(shop).podDisruptionBudget("web").compatibleWith(Shop.web(), webAutoscaler);
    assertThat(shop).networkPolicies()
        .allow("web", "api", 9090)
        .deny("db", "api", "http")
        .allow(Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop"), "api", 9090)
        .allow("shop/web", "Deployment/api", 9090);
  }

  @Test
  void aDslValueAndItsRenderingAreAssertedAlike() {
    List<KubernetesObject> rendered = Shop.app().objects();
    // Every DSL overload renders; the same failure comes from the DSL value and the rendered object.
    assertThatThrownBy(() -> assertThat(Shop.api()).hasReplicas(1))
        .hasMessage("Deployment/api: spec.replicas: expected 1, but was 2");
    assertThatThrownBy(() -> assertThat(Shop.api().render()).hasReplicas(1))
        .hasMessage("Deployment/api: spec.replicas: expected 1, but was 2");
    assertThatThrownBy(() -> assertThat(rendered).deployment("api").hasReplicas(1))
        .hasMessage("Deployment/shop/api: spec.replicas: expected 1, but was 2");

    assertThat(Shop.nodeExporter()).toleratesEveryTaint();
    assertThat(Shop.nodeExporter().render()).toleratesEveryTaint();
    assertThat(Shop.report().render()).hasSchedule("0 3 * * *");
    assertThat(Shop.db().render()).hasServiceName("db");
    assertThat(Shop.web().pod().containers().get(0)).hasImage("ghcr.io/acme/web:1.4.2");
    assertThat(Shop.web().pod().containers().get(0).readiness().orElseThrow()).isHttpGet("/ready", "http");
    assertThat(rendered.get(0)).hasLabel("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void aPodTemplateIsNamedByWhatItIs() {
    V1PodTemplateSpec template = Shop.web().render().getSpec().getTemplate();
    assertThat(template).runsAsNonRoot().isSpreadOver("kubernetes.io/hostname");
    assertThatThrownBy(() -> assertThat(template).hasServiceAccount("api"))
        .hasMessage("PodTemplate: spec.serviceAccountName: expected \"api\", but was \"web\"");
    assertThatThrownBy(() -> assertThat(template.getSpec()).hasServiceAccount("api"))
        .hasMessage("PodSpec: serviceAccountName: expected \"api\", but was \"web\"");
  }
}
