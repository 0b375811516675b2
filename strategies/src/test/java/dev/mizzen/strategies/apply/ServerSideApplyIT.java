package dev.mizzen.strategies.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.PatchUtils;
import org.junit.jupiter.api.Test;

/** Server-side apply against a real API server: what stays, what is refused, and what the errors say. */
@ClusterTest(namespacePerMethod = true)
class ServerSideApplyIT {

  @Test
  void aKeyRemovedFromASecretIsGoneAfterTheNextApply(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, ns, "shop", Secret.opaque("credentials").entry("a", "alpha").entry("b", "beta").build());
    apply(client, ns, "shop", Secret.opaque("credentials").entry("a", "alpha").build());

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
