package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.internal.StateStore;
import dev.mizzen.testkit.cluster.LocalCluster;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The driving JVM killed with SIGKILL mid-canary, and two JVMs running the same rollout: real
 * separate processes ({@link DrivingProcess}) against the local control plane.
 */
@ClusterTest(namespacePerMethod = true)
class ProcessDeathIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);
  /** Short, for quick takeovers; long enough that a loaded machine renews in time (every second). */
  private static final Duration LEASE = DrivingProcess.LEASE;

  @Test
  void aKilledDriverLeavesTheStableServingAndANewProcessResumesAtItsStep(LocalCluster cluster, ApiClient client,
                                                                           TestNamespace ns) throws Exception {
    ServerSideApply.using(client).apply(DrivingProcess.stable(ns.name()).objects());
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();

    Process driver = DrivingProcess.launch(cluster.kubeconfig(), ns.name(), "doomed");
    List<String> lines = follow(driver);
    awaitLine(lines, "entry: step 2: pause until promoted");
    driver.destroyForcibly(); // SIGKILL: no shutdown hook, nothing released
    assertThat(driver.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (Rollouts rollouts = Rollouts.using(client).identity("successor").leaseDuration(LEASE)) {
      assertThat(rollouts.status(ns.name(), "web").orElseThrow().step()).isEqualTo(2);
      assertThat(stableAvailable(client, ns)).isEqualTo(4);
      RolloutHandle resumed = rollouts.start(DrivingProcess.rollout(ns.name()));
      Timelines.awaitEntry(resumed, "resuming the rollout at step 2 (stepping), left by doomed", GENEROUS);
      resumed.promoteFully();
      assertThat(resumed.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    }
  }

  @Test
  void twoJvmsRunningTheSameRolloutOneDrivesIt(LocalCluster cluster, ApiClient client, TestNamespace ns)
      throws Exception {
    ServerSideApply.using(client).apply(DrivingProcess.stable(ns.name()).objects());
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();

    Process other = DrivingProcess.launch(cluster.kubeconfig(), ns.name(), "other-jvm");
    List<String> lines = follow(other);
    try (Rollouts rollouts = Rollouts.using(client).identity("this-jvm").leaseDuration(LEASE)) {
      RolloutHandle here = rollouts.start(DrivingProcess.rollout(ns.name()));
      // Whoever drives stops at the pause; promote it from here, whichever it is.
      long deadline = System.nanoTime() + GENEROUS.toNanos();
      while (lines.stream().noneMatch(l -> l.startsWith("entry: step 2:"))
          && here.timeline().stream().noneMatch(e -> e.what().startsWith("step 2:"))) {
        assertThat(System.nanoTime()).as("a driver reached step 2; other JVM said " + lines).isLessThan(deadline);
        Thread.sleep(50);
      }
      rollouts.promote(ns.name(), "web", true);

      assertThat(here.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
      assertThat(other.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(lines).contains("outcome: Promoted");
      boolean hereStarted = here.timeline().stream().anyMatch(e -> e.what().startsWith("started:"));
      boolean otherStarted = lines.stream().anyMatch(l -> l.startsWith("entry: started:"));
      assertThat(hereStarted ^ otherStarted).as("exactly one started it: here %s, other %s", here.timeline(), lines)
          .isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aSuspendedDriverThatLostItsLeaseWritesNothingWhenItWakesUp(LocalCluster cluster, ApiClient client,
                                                                  TestNamespace ns) throws Exception {
    ServerSideApply.using(client).apply(DrivingProcess.stable(ns.name()).objects());
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();
    Process zombie = DrivingProcess.launch(cluster.kubeconfig(), ns.name(), "zombie");
    try {
      List<String> lines = follow(zombie);
      awaitLine(lines, "entry: step 2: pause until promoted");
      signal(zombie, "STOP"); // suspended, as by a long GC pause or a frozen VM

      try (Rollouts rollouts = Rollouts.using(client).identity("successor").leaseDuration(LEASE)) {
        RolloutHandle successor = rollouts.start(DrivingProcess.rollout(ns.name()));
        Timelines.awaitEntry(successor, "resuming the rollout at step 2 (stepping), left by zombie", GENEROUS);
        successor.promoteFully();
        assertThat(successor.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
            .isInstanceOf(RolloutOutcome.Promoted.class);
      }
      V1Deployment finished = new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute();

      signal(zombie, "CONT");

      assertThat(zombie.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the zombie ends: %s", lines).isTrue();
      assertThat(zombie.exitValue()).isNotZero();
      assertThat(String.join("\n", lines)).contains("this process lost its Lease for a while, and meanwhile the"
          + " rollout was ended by");
      V1Deployment after = new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute();
      assertThat(after.getMetadata().getGeneration()).as("no write to the Deployment")
          .isEqualTo(finished.getMetadata().getGeneration());
      assertThat(after.getSpec().getMinReadySeconds()).isNull();
      assertThat(new CoreV1Api(client).listNamespacedConfigMap(ns.name()).execute().getItems())
          .extracting(cm -> cm.getMetadata().getName()).doesNotContain(StateStore.objectName("web"));
      assertThat(new CoordinationV1Api(client).listNamespacedLease(ns.name()).execute().getItems())
          .extracting(lease -> lease.getMetadata().getName()).doesNotContain(StateStore.objectName("web"));
    } finally {
      signal(zombie, "CONT");
      zombie.destroyForcibly();
    }
  }

  private static void signal(Process process, String signal) throws Exception {
    new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
  }

  private static List<String> follow(Process process) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        // The process is gone.
      }
    }, "driving-process-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static void awaitLine(List<String> lines, String line) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!lines.contains(line)) {
      assertThat(System.nanoTime()).as("\"" + line + "\" within " + GENEROUS + "; got " + lines).isLessThan(deadline);
      Thread.sleep(50);
    }
  }


  private static int stableAvailable(ApiClient client, TestNamespace ns) throws Exception {
    return new AppsV1Api(client).listNamespacedReplicaSet(ns.name()).execute().getItems().stream()
        .filter(rs -> "ghcr.io/acme/web:1".equals(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()))
        .map(V1ReplicaSet::getStatus).mapToInt(s -> s.getAvailableReplicas() == null ? 0 : s.getAvailableReplicas())
        .sum();
  }
}
