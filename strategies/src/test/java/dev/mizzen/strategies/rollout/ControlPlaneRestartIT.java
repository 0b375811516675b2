package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.testkit.cluster.Component;
import dev.mizzen.testkit.cluster.LocalCluster;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A canary goes on through restarts of kube-apiserver and kube-controller-manager. */
@ClusterTest
class ControlPlaneRestartIT {
  private static final Duration GENEROUS = Duration.ofMinutes(3);

  @Test
  void aCanaryCompletesAcrossApiServerAndControllerManagerRestarts(LocalCluster cluster, ApiClient client,
                                                                   TestNamespace ns) throws Exception {
    ServerSideApply.using(client).apply(DrivingProcess.stable(ns.name()).objects());
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();

    try (Rollouts rollouts = Rollouts.using(client)) {
      RolloutHandle handle = rollouts.start(DrivingProcess.rollout(ns.name()));
      Timelines.awaitEntry(handle, "step 2:", GENEROUS);

      cluster.restart(Component.KUBE_APISERVER);
      cluster.restart(Component.KUBE_CONTROLLER_MANAGER);

      promoteFully(rollouts, ns);
      RolloutOutcome outcome = handle.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
      assertThat(outcome).as("%s", handle.timeline()).isInstanceOf(RolloutOutcome.Promoted.class);
    }
    V1Deployment after = new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute();
    assertThat(after.getSpec().getMinReadySeconds()).isNull();
    assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/web:2");
    assertThat(after.getStatus().getAvailableReplicas()).isEqualTo(4);
  }

  /** The API server has just come back: the request may need a few tries, as any client's would. */
  private static void promoteFully(Rollouts rollouts, TestNamespace ns) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (true) {
      try {
        rollouts.promote(ns.name(), "web", true);
        return;
      } catch (RolloutException e) {
        assertThat(System.nanoTime()).as("promote within %s: %s", GENEROUS, e.getMessage()).isLessThan(deadline);
        Thread.sleep(500);
      }
    }
  }

}
