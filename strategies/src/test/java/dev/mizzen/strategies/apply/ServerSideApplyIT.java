package dev.mizzen.strategies.apply;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.app.RawObject;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Server-side apply against a real API server: what stays, what is refused, and what the errors say. */
@ClusterTest(namespacePerMethod = true)
class ServerSideApplyIT {

  @Test
  void aKeyRemovedFromASecretIsGoneAfterTheNextApply(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, ns, "shop", Secret.opaque("credentials").data("a", "alpha").data("b", "beta").build());
    apply(client, ns, "shop", Secret.opaque("credentials").data("a", "alpha").build());

    assertThat(new CoreV1Api(client).readNamespacedSecret("credentials", ns.name()).execute().getData())
        .containsOnlyKeys("a")
        .containsEntry("a", "alpha".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aFieldAnotherManagerOwnsIsLeftAloneAndTheConflictNamesItAndItsManager(ApiClient client, TestNamespace ns)
      throws Exception {
    apply(client, ns, "shop", web(2));
    scaleAs("autoscaler", client, ns, "web", 4);

    assertThatThrownBy(() -> apply(client, ns, "shop", web(2)))
        .isInstanceOfSatisfying(ApplyConflictException.class, e -> {
          assertThat(e.conflicts()).containsExactly(new FieldConflict(".spec.replicas", "autoscaler"));
          assertThat(e.object()).isEqualTo("Deployment/" + ns.name() + "/web");
          assertThat(e).hasMessageContaining(".spec.replicas (owned by autoscaler)")
              .hasMessageContaining("force(true)");
        });
    AppsV1Api apps = new AppsV1Api(client);
    assertThat(apps.readNamespacedDeployment("web", ns.name()).execute().getSpec().getReplicas()).isEqualTo(4);

    ServerSideApply.using(client).force(true).apply(app(ns, "shop", web(2)).objects());
    assertThat(apps.readNamespacedDeployment("web", ns.name()).execute().getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void aWorkloadWithoutReplicasKeepsTheCountAnotherManagerSet(ApiClient client, TestNamespace ns) throws Exception {
    Deployment unscaled = Deployment.named("web").pod(pod()).build();
    apply(client, ns, "shop", unscaled);
    scaleAs("autoscaler", client, ns, "web", 4);

    apply(client, ns, "shop", unscaled);

    assertThat(new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute().getSpec().getReplicas())
        .isEqualTo(4);
  }

  @Test
  void aChangedSelectorIsRefusedWithAnErrorThatSaysSelectorsCannotChange(ApiClient client, TestNamespace ns) {
    apply(client, ns, "shop", web(1));

    // Renaming the App changes app.kubernetes.io/part-of, which is part of the selector.
    assertThatThrownBy(() -> apply(client, ns, "store", web(1)))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("Deployment/" + ns.name() + "/web: HTTP 422")
        .hasMessageContaining("field is immutable")
        .hasMessageContaining("selector cannot change after it is created");
  }

  @Test
  void theApiServersWarningsComeBackWithTheResultAndInTheProgress(ApiClient client, TestNamespace ns)
      throws Exception {
    PatchUtils.patch(V1Namespace.class, () -> new CoreV1Api(client).patchNamespace(ns.name(),
            new V1Patch("{\"metadata\":{\"labels\":{\"pod-security.kubernetes.io/warn\":\"restricted\"}}}"))
            .buildCall(null),
        V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client);
    Deployment privileged = Deployment.named("web").replicas(1).pod(pod()).customize(deployment -> {
      V1Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      container.setSecurityContext(new V1SecurityContext().privileged(true).runAsNonRoot(true)
          .seccompProfile(new V1SeccompProfile().type("RuntimeDefault")));
    }).build();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    ApplyResult result = ServerSideApply.using(client).progress(new PrintStream(progress, true, UTF_8))
        .applyWithWarnings(app(ns, "shop", privileged).objects());

    String web = "Deployment/" + ns.name() + "/web";
    assertThat(result.objects()).extracting(o -> o.getMetadata().getName()).containsExactly("web");
    assertThat(result.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.object()).isEqualTo(web);
      assertThat(warning.text()).startsWith("would violate PodSecurity \"restricted:latest\": ")
          .contains("privileged (container \"web\" must not set securityContext.privileged=true)");
    });
    assertThat(progress.toString(UTF_8)).startsWith("applied " + web + "\n  warning: would violate PodSecurity");
  }

  @Test
  void anApplyWithoutWarningsHasNone(ApiClient client, TestNamespace ns) {
    ApplyResult result = ServerSideApply.using(client).applyWithWarnings(app(ns, "shop", web(1)).objects());

    assertThat(result.warnings()).isEmpty();
    assertThat(result.objects()).singleElement().satisfies(o -> assertThat(o.getKind()).isEqualTo("Deployment"));
  }

  @Test
  void rawObjectsApplyAsTheirModelAndAsDynamicObjects(ApiClient client, TestNamespace ns) throws Exception {
    App app = App.named("shop").namespace(ns.name())
        .add(RawObject.fromYaml("""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
            spec:
              limits:
              - type: Container
                defaultRequest:
                  cpu: 100m
            """))
        .add(RawObject.of(new DynamicKubernetesObject(JsonParser.parseString(
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"settings\"},"
                + " \"data\": {\"mode\": \"fast\"}}").getAsJsonObject())))
        .build();

    ServerSideApply.using(client).apply(app.objects());

    CoreV1Api core = new CoreV1Api(client);
    assertThat(core.readNamespacedLimitRange("defaults", ns.name()).execute().getSpec().getLimits().get(0)
        .getDefaultRequest()).containsEntry("cpu", Quantity.fromString("100m"));
    V1ConfigMap settings = core.readNamespacedConfigMap("settings", ns.name()).execute();
    assertThat(settings.getData()).containsEntry("mode", "fast");
    assertThat(settings.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "shop")
        .containsEntry("app.kubernetes.io/name", "settings");
  }

  private static Deployment web(int replicas) {
    return Deployment.named("web").replicas(replicas).pod(pod()).build();
  }

  private static PodTemplate pod() {
    return PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2")).build();
  }

  private static App app(TestNamespace ns, String name, KubernetesResource resource) {
    return App.named(name).namespace(ns.name()).add(resource).build();
  }

  private static void apply(ApiClient client, TestNamespace ns, String appName, KubernetesResource resource) {
    ServerSideApply.using(client).apply(app(ns, appName, resource).objects());
  }

  /** Sets replicas through the scale subresource, as an autoscaler does, owned by {@code manager}. */
  private static void scaleAs(String manager, ApiClient client, TestNamespace ns, String name, int replicas)
      throws Exception {
    AppsV1Api apps = new AppsV1Api(client);
    PatchUtils.patch(io.kubernetes.client.openapi.models.V1Scale.class,
        () -> apps.patchNamespacedDeploymentScale(name, ns.name(),
                new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}"))
            .fieldManager(manager).buildCall(null),
        V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client);
  }
}
