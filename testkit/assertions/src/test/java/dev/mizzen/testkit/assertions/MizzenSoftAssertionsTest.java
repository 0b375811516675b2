package dev.mizzen.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.util.List;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class MizzenSoftAssertionsTest {

  @Test
  void collectsFailuresThroughEveryNavigationStep() {
    MizzenSoftAssertions softly = new MizzenSoftAssertions();
    softly.assertThat(Shop.app()).deployment("web").hasReplicas(5).hasStrategy("Recreate")
        .container("web").hasImage("ghcr.io/acme/web:2.0.0").hasPinnedImage()
        .readiness().isTcpSocket("http");
    softly.assertThat(Shop.app()).service("web").hasType("NodePort").selectsPodsOf(Shop.web()).onPort("http");
    softly.assertThat(Shop.app()).networkPolicies().allow("db", "api", 9090).allow("web", "api", 9090);
    softly.assertThat(Shop.web()).container("web").liveness().isHttpGet("/live");

    Assertions.assertThat(firstLines(softly)).containsExactly(
        "Deployment/shop/web: spec.replicas: expected 5, but was unset (the API server's default is 1)",
        "Deployment/shop/web: spec.strategy.type: expected \"Recreate\", but was \"RollingUpdate\"",
        "Deployment/shop/web: spec.template.spec.containers[web].image: expected \"ghcr.io/acme/web:2.0.0\","
            + " but was \"ghcr.io/acme/web:1.4.2\"",
        "Deployment/shop/web: spec.template.spec.containers[web].readinessProbe: expected a tcpSocket probe on port"
            + " http, but was an httpGet probe on path \"/ready\" port http",
        "Service/shop/web: spec.type: expected \"NodePort\", but was \"ClusterIP\"",
        "App/shop: expected StatefulSet/shop/db to reach Deployment/shop/api on TCP 9090, but it is denied:"
            + " ingress of Deployment/shop/api is isolated by [NetworkPolicy/shop/api] and no rule allows it;"
            + " NetworkPolicy/shop/api: spec.ingress[0]: from does not match StatefulSet/shop/db");
    assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (6 failures)");
  }

  @Test
  void reportsAFailedNavigationOnceAndSkipsWhatHangsOffIt() {
    MizzenSoftAssertions softly = new MizzenSoftAssertions();
    softly.assertThat(Shop.app()).deployment("worker").hasReplicas(2).container("worker").hasImage("w:1")
        .readiness().isHttpGet("/ready");
    softly.assertThat(Shop.app()).deployment("api").container("sidecar").runsAsNonRoot().liveness().isExec("true");
    softly.assertThat(Shop.app()).deployment("db").hasReplicas(1);
    softly.assertThat(Shop.app()).statefulSet("db").container("db").startup().hasPeriod(java.time.Duration.ofSeconds(1));
    softly.assertThat(Shop.app()).deployment("api").hasReplicas(2);

    Assertions.assertThat(firstLines(softly)).containsExactly(
        "App/shop: expected a Deployment named \"worker\", but found [web, api]",
        "Deployment/shop/api: spec.template.spec.containers[sidecar]: expected a container named \"sidecar\","
            + " but found [api]",
        "App/shop: expected a Deployment named \"db\", but found [web, api]",
        "StatefulSet/shop/db: spec.template.spec.containers[db].startupProbe: expected a startup probe,"
            + " but there is none");
  }

  @Test
  void aNullValueFailsOnceToo() {
    MizzenSoftAssertions softly = new MizzenSoftAssertions();
    softly.assertThat((V1Deployment) null).container("web").hasImage("web:1").readiness().isHttpGet("/");
    softly.assertThat((java.util.List<io.kubernetes.client.common.KubernetesObject>) null).deployment("web").hasReplicas(1);
    Assertions.assertThat(firstLines(softly)).containsExactly(
        "(null): expected a value, but was null",
        "objects: expected a value, but was null");
    assertThatThrownBy(() -> MizzenAssertions.assertThat((V1Deployment) null).container("web"))
        .hasMessage("(null): expected a value, but was null");
  }

  @Test
  void podWideChecksAreSoftToo() {
    Deployment bare = Deployment.named("batch").pod(PodTemplate.container(
        Container.named("a").image("a"))).build();
    MizzenSoftAssertions softly = new MizzenSoftAssertions();
    softly.assertThat(bare).hasPinnedImages().hasProbes().isSpreadOver("kubernetes.io/hostname").hasReplicas(1);
    Assertions.assertThat(softly.errorsCollected()).hasSize(3);
    // AssertJ appends where each soft failure happened: the test's line, not the assertion library's.
    Assertions.assertThat(softly.errorsCollected()).allSatisfy(error -> Assertions.assertThat(error.getMessage().lines())
        .last().asString().startsWith("at MizzenSoftAssertionsTest.podWideChecksAreSoftToo(MizzenSoftAssertionsTest.java:"));
    Assertions.assertThat(firstLines(softly).get(0)).isEqualTo("Deployment/batch: spec.template.spec.containers[a].image: expected a pinned image (a tag other"
            + " than latest, or a digest), but was \"a\" (no tag, which means latest)");
  }

  @Test
  void assertSoftlyFailsOnceWithEveryFailure() {
    assertThatThrownBy(() -> MizzenSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(Shop.app()).deployment("api").hasReplicas(4);
      softly.assertThat(Shop.app()).configMap("web-config").hasEntry("LOG_FORMAT", "text");
      softly.assertThat(Shop.app()).deployment("api").hasReplicas(2);
    }))
        .hasMessageContaining("Multiple Failures (2 failures)")
        .hasMessageContaining("Deployment/shop/api: spec.replicas: expected 4, but was 2")
        .hasMessageContaining("ConfigMap/shop/web-config: data[LOG_FORMAT]: expected \"text\", but was \"json\"");

    MizzenSoftAssertions.assertSoftly(softly -> softly.assertThat(Shop.app()).deployment("api").hasReplicas(2));
  }

  @Test
  void descriptionsPrefixTheMessage() {
    assertThatThrownBy(() -> MizzenAssertions.assertThat(Shop.api()).as("the api tier").hasReplicas(5))
        .hasMessage("[the api tier] Deployment/api: spec.replicas: expected 5, but was 2");
  }

  @Test
  void theAssertsAlsoWorkAsAssertJSoftProxies() {
    // AssertJ's own soft assertions can proxy any Mizzen assert; navigation from such a proxy is
    // not soft (use MizzenSoftAssertions for that).
    SoftAssertions softly = new SoftAssertions();
    V1Deployment web = Shop.web().render();
    softly.proxy(DeploymentAssert.class, V1Deployment.class, web).hasReplicas(5).hasStrategy("Recreate").hasReplicas(1);
    softly.assertThat(web.getSpec().getReplicas()).isNull();
    Assertions.assertThat(firstLines(softly)).containsExactly(
        "Deployment/web: spec.replicas: expected 5, but was unset (the API server's default is 1)",
        "Deployment/web: spec.strategy.type: expected \"Recreate\", but was \"RollingUpdate\"");
  }

  /** Each collected failure's message without the line AssertJ appends to say where the soft assertion was made. */
  private static List<String> firstLines(AbstractSoftAssertions softly) {
    return softly.errorsCollected().stream().map(e -> e.getMessage().lines().findFirst().orElse("")).toList();
  }
}
