package dev.mizzen.examples.selfdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.TimelineEntry;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two replicas of the self-deploying service start at once: one deploys, the other finds it done. */
@ClusterTest
class SelfDeployingServiceIT {
  private static final Map<String, String> READY = PodBehaviour.ready().labels();

  @Test
  void oneReplicaDeploysTheWorkerWithACanaryAndTheOtherFindsItDone(ApiClient client, TestNamespace ns)
      throws Exception {
    // The worker's first version, so that there is something to canary from.
    SelfDeployingService.deployWorker(client, ns.name(), "bootstrap", "ghcr.io/acme/worker:1", READY,
        Duration.ofSeconds(3));

    ExecutorService replicas = Executors.newFixedThreadPool(2); // both at once, whatever the core count
    CompletableFuture<RolloutOutcome> a = CompletableFuture.supplyAsync(() -> SelfDeployingService.deployWorker(
        client, ns.name(), "replica-a", "ghcr.io/acme/worker:2", READY, Duration.ofSeconds(3)), replicas);
    CompletableFuture<RolloutOutcome> b = CompletableFuture.supplyAsync(() -> SelfDeployingService.deployWorker(
        client, ns.name(), "replica-b", "ghcr.io/acme/worker:2", READY, Duration.ofSeconds(3)), replicas);

    List<RolloutOutcome> outcomes = List.of(a.get(3, TimeUnit.MINUTES), b.get(3, TimeUnit.MINUTES));
    replicas.shutdown();
    assertThat(outcomes).allMatch(RolloutOutcome::isPromoted);
    long canaries = outcomes.stream().filter(o -> o.timeline().stream().map(TimelineEntry::what)
        .anyMatch(what -> what.startsWith("step 1: setWeight 25%"))).count();
    assertThat(canaries).as("exactly one replica ran the canary: %s", outcomes).isEqualTo(1);
    assertThat(new AppsV1Api(client).readNamespacedDeployment("worker", ns.name()).execute().getSpec().getTemplate()
        .getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/worker:2");
    assertThat(new RbacAuthorizationV1Api(client).readNamespacedRoleBinding("shop-deployer", ns.name()).execute()
        .getSubjects()).extracting(s -> s.getName()).containsExactly("shop-deployer");
  }
}
