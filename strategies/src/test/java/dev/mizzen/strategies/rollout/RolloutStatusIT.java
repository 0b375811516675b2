package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.RolloutVerdict.FailureReason;
import dev.mizzen.testkit.cluster.Component;
import dev.mizzen.testkit.cluster.LocalCluster;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1DaemonSetStatus;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1StatefulSetStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rollout status against real controllers: each wait ends with the verdict kubectl would give.
 * Only final verdicts are asserted; intermediate ones depend on timing and may be skipped.
 */
@ClusterTest(namespacePerMethod = true)
class RolloutStatusIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);

  @Test
  void aDeploymentRollingToReadyPodsIsDone(ApiClient client, TestNamespace ns) throws Exception {
    Deployment web = Deployment.named("web").replicas(3).pod(pod("web:1", PodBehaviour.ready())).build();
    apply(client, ns, web);
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();

    apply(client, ns, web.withImage("web", "ghcr.io/acme/web:2"));
    List<RolloutVerdict> seen = new CopyOnWriteArrayList<>();
    RolloutVerdict verdict = RolloutStatus.using(client).onProgress(seen::add)
        .deployment(ns.name(), "web").await(GENEROUS);

    assertThat(verdict).isEqualTo(RolloutVerdict.done("deployment \"web\" successfully rolled out"));
    assertThat(seen).last().isEqualTo(verdict);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).message()).as("each message once in a row").isNotEqualTo(seen.get(i - 1).message());
    }
    V1DeploymentStatus status = new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute().getStatus();
    assertThat(status.getUpdatedReplicas()).isEqualTo(3);
    assertThat(status.getAvailableReplicas()).isEqualTo(3);
  }

  @Test
  void aDeploymentRollingToNeverReadyPodsFailsAtItsProgressDeadline(ApiClient client, TestNamespace ns) {
    Deployment.Builder web = Deployment.named("web").replicas(2).progressDeadline(Duration.ofSeconds(5));
    apply(client, ns, web.pod(pod("web:1", PodBehaviour.ready())).build());
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();

    apply(client, ns, Deployment.named("web").replicas(2).progressDeadline(Duration.ofSeconds(5))
        .pod(pod("web:2", PodBehaviour.neverReady())).build());
    RolloutVerdict verdict = RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS);

    assertThat(verdict).isEqualTo(RolloutVerdict.failed(FailureReason.PROGRESS_DEADLINE_EXCEEDED,
        "deployment \"web\" exceeded its progress deadline"));
  }

  @Test
  void waitingEndsAtTheTimeoutWithTheLastMessage(ApiClient client, TestNamespace ns) {
    apply(client, ns, Deployment.named("web").replicas(2).pod(pod("web:1", PodBehaviour.neverReady())).build());

    long start = System.nanoTime();
    RolloutVerdict verdict = RolloutStatus.using(client).deployment(ns.name(), "web").await(Duration.ofSeconds(3));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    // The default progress deadline is 600 s: nothing final can happen within 3 s.
    assertThat(verdict).isInstanceOfSatisfying(RolloutVerdict.TimedOut.class, timedOut -> {
      assertThat(timedOut.timeout()).isEqualTo(Duration.ofSeconds(3));
      assertThat(timedOut.last().message()).startsWith("Waiting for deployment");
    });
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(3)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void waitingOutlastsACrashOfTheApiServer(ApiClient client, TestNamespace ns, LocalCluster cluster) throws Exception {
    apply(client, ns, Deployment.named("web").replicas(2)
        .pod(pod("web:1", PodBehaviour.readyAfter(Duration.ofSeconds(10)))).build());
    long start = System.nanoTime();
    List<String> timeline = new CopyOnWriteArrayList<>();
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    try {
      Future<RolloutVerdict> verdict = waiter.submit(() -> RolloutStatus.using(client)
          .onProgress(v -> timeline.add(Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: " + v.message()))
          .deployment(ns.name(), "web").await(GENEROUS));
      cluster.kill(Component.KUBE_APISERVER);
      timeline.add(Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: API server killed");
      cluster.startStopped();
      timeline.add(Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: API server started");

      assertThat(verdict.get(GENEROUS.toSeconds() + 30, TimeUnit.SECONDS)).as("after %s", timeline)
          .isEqualTo(RolloutVerdict.done("deployment \"web\" successfully rolled out"));
    } finally {
      waiter.shutdownNow();
    }
  }

  @Test
  void anObjectDeletedWhileWaitingEndsTheWait(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, ns, Deployment.named("web").replicas(1).pod(pod("web:1", PodBehaviour.neverReady())).build());
    CountDownLatch read = new CountDownLatch(1);
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    try {
      Future<RolloutVerdict> verdict = waiter.submit(() -> RolloutStatus.using(client).onProgress(v -> read.countDown())
          .deployment(ns.name(), "web").await(GENEROUS));
      assertThat(read.await(1, TimeUnit.MINUTES)).as("the first verdict arrived").isTrue();
      new AppsV1Api(client).deleteNamespacedDeployment("web", ns.name()).execute();

      assertThat(verdict.get(GENEROUS.toSeconds() + 30, TimeUnit.SECONDS))
          .isEqualTo(RolloutVerdict.failed(FailureReason.DELETED, "object has been deleted"));
    } finally {
      waiter.shutdownNow();
    }
  }

  @Test
  void aMissingObjectIsNotFound(ApiClient client, TestNamespace ns) {
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "absent").await(GENEROUS))
        .isEqualTo(RolloutVerdict.failed(FailureReason.NOT_FOUND, "deployments.apps \"absent\" not found"));
  }

  @Test
  void aPartitionedStatefulSetIsDoneWhenThePodsFromThePartitionUpAreUpdated(ApiClient client, TestNamespace ns)
      throws Exception {
    StatefulSet db = StatefulSet.named("db").replicas(3).partition(2).pod(pod("db:1", PodBehaviour.ready())).build();
    apply(client, ns, db);
    assertThat(RolloutStatus.using(client).statefulSet(ns.name(), "db").await(GENEROUS).isDone()).isTrue();

    apply(client, ns, db.withImage("web", "ghcr.io/acme/db:2"));
    RolloutVerdict verdict = RolloutStatus.using(client).statefulSet(ns.name(), "db").await(GENEROUS);

    assertThat(verdict).isEqualTo(RolloutVerdict.done("partitioned roll out complete: 1 new pods have been updated..."));
    V1StatefulSetStatus status = new AppsV1Api(client).readNamespacedStatefulSet("db", ns.name()).execute().getStatus();
    assertThat(status.getUpdatedReplicas()).isEqualTo(1);
    assertThat(status.getCurrentRevision()).as("pods below the partition stay at the old revision")
        .isNotEqualTo(status.getUpdateRevision());
  }

  @Test
  void aDaemonSetOnTheFleetIsDone(ApiClient client, TestNamespace ns) throws Exception {
    DaemonSet agent = DaemonSet.named("agent").pod(pod("agent:1", PodBehaviour.ready())).build();
    apply(client, ns, agent);
    assertThat(RolloutStatus.using(client).daemonSet(ns.name(), "agent").await(GENEROUS).isDone()).isTrue();

    apply(client, ns, agent.withImage("web", "ghcr.io/acme/agent:2"));
    RolloutVerdict verdict = RolloutStatus.using(client).daemonSet(ns.name(), "agent").await(GENEROUS);

    assertThat(verdict).isEqualTo(RolloutVerdict.done("daemon set \"agent\" successfully rolled out"));
    V1DaemonSetStatus status = new AppsV1Api(client).readNamespacedDaemonSet("agent", ns.name()).execute().getStatus();
    assertThat(status.getDesiredNumberScheduled()).isPositive();
    assertThat(status.getUpdatedNumberScheduled()).isEqualTo(status.getDesiredNumberScheduled());
    assertThat(status.getNumberAvailable()).isEqualTo(status.getDesiredNumberScheduled());
  }

  private static PodTemplate.Builder pod(String image, PodBehaviour behaviour) {
    return PodTemplate.container(Container.named("web").image("ghcr.io/acme/" + image))
        .labels(behaviour.labels())
        .annotations(behaviour.annotations());
  }

  private static void apply(ApiClient client, TestNamespace ns, KubernetesResource resource) {
    ServerSideApply.using(client).apply(App.named("shop").namespace(ns.name()).add(resource).build().objects());
  }
}
