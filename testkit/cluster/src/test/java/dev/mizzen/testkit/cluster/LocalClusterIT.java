package dev.mizzen.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@ClusterTest(podSecurity = "restricted")
class LocalClusterIT {

  @Test
  void standardFleetIsThreeZonesTimesTwoPoolsAllReady(ApiClient client) throws ApiException {
    List<V1Node> nodes = new CoreV1Api(client).listNode().execute().getItems();
    assertThat(nodes).extracting(n -> n.getMetadata().getName()).containsExactlyInAnyOrder(
        "general-zone-a-1", "general-zone-b-1", "general-zone-c-1", "gpu-zone-a-1", "gpu-zone-b-1", "gpu-zone-c-1");
    V1Node gpu = nodes.stream().filter(n -> n.getMetadata().getName().equals("gpu-zone-b-1")).findFirst().orElseThrow();
    assertThat(gpu.getMetadata().getLabels())
        .containsEntry("topology.kubernetes.io/zone", "zone-b")
        .containsEntry("node-pool", "gpu");
    assertThat(gpu.getSpec().getTaints()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
      assertThat(t.getValue()).isEqualTo("present");
      assertThat(t.getEffect()).isEqualTo("NoSchedule");
    });
    assertThat(gpu.getStatus().getAllocatable().get("nvidia.com/gpu").getNumber().intValue()).isEqualTo(4);
  }

  @Test
  void readyPodsMakeADeploymentAvailable(ApiClient client, TestNamespace ns) throws Exception {
    AppsV1Api apps = new AppsV1Api(client);
    apps.createNamespacedDeployment(ns.name(), ClusterObjects.deployment("ok", 3, PodBehaviour.ready(), 600)).execute();
    V1Deployment deployment = await(Duration.ofSeconds(60), () -> read(apps, ns, "ok")
        .filter(d -> d.getStatus() != null && Integer.valueOf(3).equals(d.getStatus().getAvailableReplicas())));
    assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(3);
  }

  @Test
  void neverReadyPodsHitTheProgressDeadline(ApiClient client, TestNamespace ns) throws Exception {
    AppsV1Api apps = new AppsV1Api(client);
    apps.createNamespacedDeployment(ns.name(), ClusterObjects.deployment("stuck", 2, PodBehaviour.neverReady(), 5)).execute();
    V1Deployment deployment = await(Duration.ofSeconds(90), () -> read(apps, ns, "stuck")
        .filter(d -> condition(d, "Progressing").map(c -> "ProgressDeadlineExceeded".equals(c.getReason())).orElse(false)));
    assertThat(deployment.getStatus().getAvailableReplicas()).isNull();
    assertThat(condition(deployment, "Available")).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
  }

  @Test
  void aRolloutToNeverReadyPodsHitsItsDeadlineWhileTheOldPodsKeepServing(ApiClient client, TestNamespace ns)
      throws Exception {
    AppsV1Api apps = new AppsV1Api(client);
    V1Deployment stable = ClusterObjects.deployment("shop", 3, PodBehaviour.ready(), 6);
    stable.getSpec().strategy(new io.kubernetes.client.openapi.models.V1DeploymentStrategy().type("RollingUpdate")
        .rollingUpdate(new io.kubernetes.client.openapi.models.V1RollingUpdateDeployment()
            .maxSurge(new io.kubernetes.client.custom.IntOrString(1))
            .maxUnavailable(new io.kubernetes.client.custom.IntOrString(0))));
    apps.createNamespacedDeployment(ns.name(), stable).execute();
    await(Duration.ofSeconds(60), () -> read(apps, ns, "shop")
        .filter(d -> d.getStatus() != null && Integer.valueOf(3).equals(d.getStatus().getAvailableReplicas())));

    V1Deployment next = read(apps, ns, "shop").orElseThrow();
    next.getSpec().getTemplate().getMetadata().putLabelsItem(PodBehaviour.LABEL, "never-ready");
    next.getSpec().getTemplate().getSpec().getContainers().get(0).image("registry.example/shop:2.0.0");
    apps.replaceNamespacedDeployment("shop", ns.name(), next).execute();

    V1Deployment stuck = await(Duration.ofSeconds(90), () -> read(apps, ns, "shop")
        .filter(d -> condition(d, "Progressing").map(c -> "ProgressDeadlineExceeded".equals(c.getReason())).orElse(false)));
    assertThat(stuck.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(stuck.getStatus().getUpdatedReplicas()).isEqualTo(1);
    List<V1Pod> pods = new CoreV1Api(client).listNamespacedPod(ns.name()).labelSelector("app=shop").execute().getItems();
    assertThat(pods.stream().filter(p -> p.getSpec().getContainers().get(0).getImage().endsWith(":1.0.0")))
        .as("the stable pods").hasSize(3)
        .allSatisfy(p -> assertThat(p.getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
  }

  @Test
  void readyAfterADelayIsNotReadyBeforeIt(ApiClient client, TestNamespace ns) throws Exception {
    AppsV1Api apps = new AppsV1Api(client);
    long start = System.nanoTime();
    apps.createNamespacedDeployment(ns.name(),
        ClusterObjects.deployment("slow", 1, PodBehaviour.readyAfter(Duration.ofSeconds(4)), 600)).execute();
    CoreV1Api core = new CoreV1Api(client);
    V1Pod pending = await(Duration.ofSeconds(30), () -> pods(core, ns, "app=slow").stream().findFirst());
    assertThat(isReady(pending)).as("ready at once").isFalse();
    await(Duration.ofSeconds(60), () -> pods(core, ns, "app=slow").stream().filter(LocalClusterIT::isReady).findFirst());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void failingPodsEndInPhaseFailed(ApiClient client, TestNamespace ns) throws Exception {
    new AppsV1Api(client).createNamespacedDeployment(ns.name(),
        ClusterObjects.deployment("broken", 1, PodBehaviour.fail(), 600)).execute();
    CoreV1Api core = new CoreV1Api(client);
    V1Pod failed = await(Duration.ofSeconds(60), () -> pods(core, ns, "app=broken").stream()
        .filter(p -> p.getStatus() != null && "Failed".equals(p.getStatus().getPhase())).findFirst());
    assertThat(failed.getStatus().getContainerStatuses().get(0).getState().getTerminated().getExitCode()).isEqualTo(1);
  }

  private static List<V1Pod> pods(CoreV1Api core, TestNamespace ns, String selector) {
    try {
      return core.listNamespacedPod(ns.name()).labelSelector(selector).execute().getItems();
    } catch (ApiException e) {
      return List.of();
    }
  }

  private static boolean isReady(V1Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Test
  void crashLoopingPodsShowARisingRestartCount(ApiClient client, TestNamespace ns) throws Exception {
    AppsV1Api apps = new AppsV1Api(client);
    apps.createNamespacedDeployment(ns.name(), ClusterObjects.deployment("crashy", 1, PodBehaviour.crashLoop(), 600)).execute();
    CoreV1Api core = new CoreV1Api(client);
    int first = await(Duration.ofSeconds(60), () -> restartCount(core, ns)).intValue();
    int later = await(Duration.ofSeconds(60), () -> restartCount(core, ns).filter(count -> count >= first + 2)).intValue();
    assertThat(later).isGreaterThan(first);
    V1Pod pod = core.listNamespacedPod(ns.name()).labelSelector("app=crashy").execute().getItems().get(0);
    assertThat(pod.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
    assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
  }

  @Test
  void podSecurityAdmissionRejectsAPrivilegedPodAndNamesTheViolation(ApiClient client, TestNamespace ns) {
    V1Pod pod = new V1Pod().apiVersion("v1").kind("Pod")
        .metadata(new V1ObjectMeta().name("root"))
        .spec(ClusterObjects.restrictedPod("root"));
    V1SecurityContext security = pod.getSpec().getContainers().get(0).getSecurityContext();
    security.setPrivileged(true);
    security.setAllowPrivilegeEscalation(null); // false with privileged is a validation error (422), not admission
    assertThatThrownBy(() -> new CoreV1Api(client).createNamespacedPod(ns.name(), pod).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(403);
          assertThat(e.getResponseBody()).contains("violates PodSecurity \\\"restricted:").contains("privileged");
        });
  }

  @Test
  void withTheSchedulerStoppedPodsWaitAndAfterItsRestartTheyRun(LocalCluster cluster, ApiClient client,
      TestNamespace ns) throws Exception {
    cluster.stop(Component.KUBE_SCHEDULER);
    try {
      assertThat(cluster.isRunning(Component.KUBE_SCHEDULER)).isFalse();
      V1Pod pod = new V1Pod().apiVersion("v1").kind("Pod").metadata(new V1ObjectMeta().name("waits").namespace(ns.name()))
          .spec(ClusterObjects.restrictedPod("waits").overhead(null));
      // overhead(null): client-java's models start with an empty `overhead: {}`, which the API
      // server refuses for a pod without a RuntimeClass.
      CoreV1Api core = new CoreV1Api(client);
      core.createNamespacedPod(ns.name(), pod).execute();
      Thread.sleep(3_000);
      assertThat(core.readNamespacedPod("waits", ns.name()).execute().getSpec().getNodeName())
          .as("not scheduled while the scheduler is down").isNull();
    } finally {
      cluster.startStopped();
    }
    assertThat(cluster.isRunning(Component.KUBE_SCHEDULER)).isTrue();
    CoreV1Api core = new CoreV1Api(client);
    await(Duration.ofSeconds(60), () -> {
      try {
        V1Pod read = core.readNamespacedPod("waits", ns.name()).execute();
        return Optional.ofNullable(read.getStatus()).map(s -> s.getPhase()).filter("Running"::equals);
      } catch (ApiException e) {
        return Optional.empty();
      }
    });
  }

  @Test
  void aKilledComponentWhosePidWentToAnotherProcessIsStartedAgain(LocalCluster cluster, ApiClient client)
      throws Exception {
    cluster.kill(Component.KUBE_APISERVER);
    // What a busy machine does (pids wrap at 32768 here): another process now has the dead
    // component's pid, started after kwokctl wrote the pid file. kwokctl alone would count the
    // component as running and wait two minutes for an API server it never started.
    Process other = new ProcessBuilder("sleep", "300").start();
    try {
      Path pidFile = cluster.pidFile(Component.KUBE_APISERVER);
      FileTime written = Files.getLastModifiedTime(pidFile);
      Files.writeString(pidFile, Long.toString(other.pid()));
      Files.setLastModifiedTime(pidFile, written);
      assertThat(cluster.isRunning(Component.KUBE_APISERVER)).as("another process is not the API server").isFalse();

      cluster.startStopped();

      assertThat(cluster.isRunning(Component.KUBE_APISERVER)).isTrue();
      assertThat(other.isAlive()).as("the other process is left alone").isTrue();
    } finally {
      other.destroyForcibly();
    }
    CoreV1Api core = new CoreV1Api(client);
    await(Duration.ofSeconds(60), () -> {
      try {
        return Optional.of(core.listNode().execute().getItems());
      } catch (ApiException e) {
        return Optional.empty();
      }
    });
  }

  @Test
  void clientReconnectsAfterTheApiServerRestarts(LocalCluster cluster, ApiClient client) throws Exception {
    CoreV1Api core = new CoreV1Api(client);
    assertThat(core.listNode().execute().getItems()).hasSize(6);
    cluster.kill(Component.KUBE_APISERVER);
    assertThat(cluster.isRunning(Component.KUBE_APISERVER)).isFalse();
    assertThatThrownBy(() -> core.listNode().execute()).isInstanceOf(ApiException.class);
    cluster.startStopped();
    assertThat(cluster.isRunning(Component.KUBE_APISERVER)).isTrue();
    List<V1Node> nodes = await(Duration.ofSeconds(60), () -> {
      try {
        return Optional.of(core.listNode().execute().getItems());
      } catch (ApiException e) {
        return Optional.empty();
      }
    });
    assertThat(nodes).hasSize(6);
  }

  private static Optional<Integer> restartCount(CoreV1Api core, TestNamespace ns) {
    try {
      return core.listNamespacedPod(ns.name()).labelSelector("app=crashy").execute().getItems().stream()
          .filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null
              && !p.getStatus().getContainerStatuses().isEmpty())
          .map(p -> p.getStatus().getContainerStatuses().get(0).getRestartCount())
          .findFirst();
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  private static Optional<V1DeploymentCondition> condition(V1Deployment deployment, String type) {
    if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return deployment.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static Optional<V1Deployment> read(AppsV1Api apps, TestNamespace ns, String name) {
    try {
      return Optional.of(apps.readNamespacedDeployment(name, ns.name()).execute());
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  /** Polls every 250 ms until {@code probe} yields a value, or fails after {@code timeout}. */
  static <T> T await(Duration timeout, Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(250);
    }
  }
}
