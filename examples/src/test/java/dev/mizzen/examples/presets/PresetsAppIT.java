package dev.mizzen.examples.presets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.testkit.cluster.LocalCluster;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The presets' example app, server-side applied to a real control plane: the API server accepts
 * every object, Pod Security "restricted" admits every pod (the app's Namespace enforces it), and
 * the real kube-scheduler places the pods where the explainer says: hello one per zone, the API's
 * two replicas in two zones, the model server on a GPU node.
 */
@ClusterTest(podSecurity = "")
class PresetsAppIT {

  @Test
  void everyObjectIsAcceptedAndThePodsLandWhereThePresetsSay(LocalCluster cluster, ApiClient client, TestNamespace ns)
      throws Exception {
    cluster.providePersistentVolumes("rook-ceph-block", 1, "20Gi");
    cluster.providePersistentVolumes("rook-ceph-block", 1, "50Gi");

    List<DynamicKubernetesObject> applied = ServerSideApply.using(client).apply(PresetsApp.app(ns.name()).objects());

    assertThat(applied).hasSize(17);
    CoreV1Api core = new CoreV1Api(client);
    assertThat(core.readNamespace(ns.name()).execute().getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    AppsV1Api apps = new AppsV1Api(client);
    awaitAvailable(() -> apps.readNamespacedDeployment("hello", ns.name()).execute().getStatus().getAvailableReplicas(), 3);
    awaitAvailable(() -> apps.readNamespacedDeployment("api", ns.name()).execute().getStatus().getAvailableReplicas(), 2);
    awaitAvailable(() -> apps.readNamespacedDeployment("llm", ns.name()).execute().getStatus().getAvailableReplicas(), 1);
    awaitAvailable(() -> apps.readNamespacedStatefulSet("db", ns.name()).execute().getStatus().getAvailableReplicas(), 1);

    Map<String, String> zones = core.listNode().execute().getItems().stream().collect(Collectors.toMap(
        n -> n.getMetadata().getName(), n -> n.getMetadata().getLabels().get("topology.kubernetes.io/zone")));
    Function<String, List<String>> nodesOf = component -> {
      try {
        return core.listNamespacedPod(ns.name()).labelSelector("app.kubernetes.io/name=" + component).execute()
            .getItems().stream().map(V1Pod::getSpec).map(spec -> spec.getNodeName()).toList();
      } catch (ApiException e) {
        throw new IllegalStateException(e);
      }
    };
    // Hard constraints only: the zone spread (DoNotSchedule), the GPU pool (required affinity).
    assertThat(nodesOf.apply("hello")).hasSize(3).allMatch(node -> node.startsWith("general-"))
        .extracting(zones::get).containsExactlyInAnyOrder("zone-a", "zone-b", "zone-c");
    assertThat(nodesOf.apply("api")).hasSize(2).extracting(zones::get).doesNotHaveDuplicates();
    assertThat(nodesOf.apply("llm")).singleElement().satisfies(node -> assertThat(node).startsWith("gpu-"));
  }

  private static void awaitAvailable(ThrowingSupplier<Integer> read, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        Integer value = read.get();
        if (value != null && value == expected) {
          return;
        }
      } catch (ApiException | NullPointerException e) {
        // not there yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + expected + " available within 90 s");
      }
      Thread.sleep(250);
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws ApiException;
  }
}
