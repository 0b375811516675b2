package dev.mizzen.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.testkit.cluster.LocalCluster;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Scale;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole shop app, server-side applied to a real control plane. The namespace starts
 * without Pod Security labels; the app's own Namespace object makes it enforce "restricted",
 * so every pod below passed the real admission.
 */
@ClusterTest(podSecurity = "")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopAppIT {

  @Test
  @Order(1)
  void appliesAllNineteenObjectsAndEveryWorkloadBecomesAvailable(
      LocalCluster cluster, ApiClient client, TestNamespace ns) throws Exception {
    cluster.providePersistentVolumes("standard", 1, "10Gi");
    App shop = ShopApp.app(ns.name());

    List<DynamicKubernetesObject> applied = ServerSideApply.using(client).apply(shop.objects());

    assertThat(applied).hasSize(19);
    assertThat(applied).allSatisfy(o -> assertThat(o.getMetadata().getManagedFields())
        .anySatisfy(f -> assertThat(f.getManager()).isEqualTo("mizzen")));
    CoreV1Api core = new CoreV1Api(client);
    assertThat(core.readNamespace(ns.name()).execute().getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");

    AppsV1Api apps = new AppsV1Api(client);
    await(() -> available(() -> apps.readNamespacedDeployment("web", ns.name()).execute().getStatus().getAvailableReplicas(), 3));
    await(() -> available(() -> apps.readNamespacedDeployment("api", ns.name()).execute().getStatus().getAvailableReplicas(), 2));
    await(() -> available(() -> apps.readNamespacedStatefulSet("db", ns.name()).execute().getStatus().getAvailableReplicas(), 1));
    await(() -> available(() -> {
      var status = apps.readNamespacedDaemonSet("node-exporter", ns.name()).execute().getStatus();
      return status.getDesiredNumberScheduled() == 6 ? status.getNumberAvailable() : null;
    }, 6));
    assertThat(new BatchV1Api(client).readNamespacedCronJob("report", ns.name()).execute().getSpec().getSchedule())
        .isEqualTo("0 3 * * *");
  }

  @Test
  @Order(2)
  void webPodsRunOnlyOnNodesTheirRequiredAffinityAdmits(ApiClient client, TestNamespace ns) throws Exception {
    CoreV1Api core = new CoreV1Api(client);
    Set<String> general = core.listNode().labelSelector("node-pool=general").execute().getItems().stream()
        .map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
    List<V1Pod> web = core.listNamespacedPod(ns.name())
        .labelSelector("app.kubernetes.io/name=web").execute().getItems();
    // Only what the scheduler guarantees: the required node affinity. The zone spread
    // (ScheduleAnyway) and the zone preference are soft, so any placement on general nodes is right.
    assertThat(web).hasSize(3).allSatisfy(pod -> assertThat(pod.getSpec().getNodeName()).isIn(general));
    List<V1Pod> exporters = core.listNamespacedPod(ns.name())
        .labelSelector("app.kubernetes.io/name=node-exporter").execute().getItems();
    assertThat(exporters).extracting(p -> p.getSpec().getNodeName()).doesNotHaveDuplicates().hasSize(6);
  }

  @Test
  @Order(3)
  void applyingAgainChangesNothing(ApiClient client, TestNamespace ns) {
    App shop = ShopApp.app(ns.name());
    List<DynamicKubernetesObject> before = ServerSideApply.using(client).dryRun(true).apply(shop.objects());
    List<DynamicKubernetesObject> again = ServerSideApply.using(client).apply(shop.objects());
    for (int i = 0; i < again.size(); i++) {
      assertThat(again.get(i).getMetadata().getResourceVersion())
          .as(again.get(i).getKind() + "/" + again.get(i).getMetadata().getName())
          .isEqualTo(before.get(i).getMetadata().getResourceVersion());
    }
  }

  @Test
  @Order(4)
  void applyingAgainKeepsTheReplicasTheAutoscalerChose(ApiClient client, TestNamespace ns) throws Exception {
    AppsV1Api apps = new AppsV1Api(client);
    // The HPA's path: the scale subresource, written by a field manager other than Mizzen.
    PatchUtils.patch(V1Scale.class,
        () -> apps.patchNamespacedDeploymentScale("web", ns.name(), new V1Patch("{\"spec\":{\"replicas\":5}}"))
            .fieldManager("test-autoscaler").buildCall(null),
        V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client);

    ServerSideApply.using(client).apply(ShopApp.app(ns.name()).objects());

    assertThat(apps.readNamespacedDeployment("web", ns.name()).execute().getSpec().getReplicas()).isEqualTo(5);
  }

  /** A value that reaches {@code expected}; null while the status is not there yet. */
  private static Optional<Integer> available(ThrowingSupplier<Integer> read, int expected) {
    try {
      Integer value = read.get();
      return value != null && value == expected ? Optional.of(value) : Optional.empty();
    } catch (ApiException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not available within 90 s");
      }
      Thread.sleep(250);
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws ApiException;
  }
}
