package dev.mizzen.examples.cli;

import dev.mizzen.dsl.app.App;
import dev.mizzen.examples.shop.ShopApp;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.Canary;
import dev.mizzen.strategies.rollout.CanaryStep;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutListener;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.RolloutProgress;
import dev.mizzen.strategies.rollout.RolloutStatus;
import dev.mizzen.strategies.rollout.Rollouts;
import dev.mizzen.strategies.rollout.TimelineEntry;
import dev.mizzen.testkit.cluster.ControlPlaneBinaries;
import dev.mizzen.testkit.cluster.LocalCluster;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.cluster.TestFleet;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code demo [--keep]}: the main job. Starts the local control plane (building it first if this
 * machine has none), applies the shop app, rolls web to a new image with a canary, then tries a
 * version that never becomes Ready, which aborts with the stable version untouched, and prints
 * both outcomes. Exit code 0 when both ended as expected.
 */
final class DemoCommand implements Command {
  private static final Duration WAIT = Duration.ofMinutes(3);

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "demo [--keep]   start a local cluster, apply the shop app, canary web to a new version, then abort a bad one";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    boolean keep = false;
    for (String arg : args) {
      if (!arg.equals("--keep")) {
        throw new UsageException("unknown argument for demo: " + arg);
      }
      keep = true;
    }
    ensureControlPlane(err);
    LocalCluster cluster = LocalCluster.start(TestFleet.standard(), err);
    try {
      return demo(cluster, out, keep);
    } finally {
      if (!keep) {
        cluster.close();
      }
    }
  }

  private static int demo(LocalCluster cluster, PrintStream out, boolean keep) throws Exception {
    App shop = ShopApp.app();
    step(out, "applying the shop app: " + shop.resources().size() + " objects in namespace shop");
    ServerSideApply.using(cluster.client()).apply(shop.objects());
    awaitAutoscaled(cluster, 3);
    for (String deployment : List.of("web", "api")) {
      RolloutStatus.using(cluster.client()).deployment("shop", deployment).await(WAIT);
    }
    step(out, "web (3 replicas, set by its HPA) and api are available");

    try (Rollouts rollouts = Rollouts.using(cluster.client()).listener(new Display(out))) {
      String good = "ghcr.io/acme/web:1.5.0";
      step(out, "1/2 a canary of web to " + good + ": 33% of the pods, a 5 s pause, 66%, then all");
      RolloutOutcome promoted = rollouts.run(Rollout.of(ShopApp.app("shop", good, Map.of()), "web")
          .strategy(Canary.steps(CanaryStep.setWeight(33), CanaryStep.pause(Duration.ofSeconds(5)),
              CanaryStep.setWeight(66), CanaryStep.setWeight(100))));
      report(out, promoted);

      String bad = "ghcr.io/acme/web:1.6.0";
      step(out, "2/2 a canary of web to " + bad + ", whose pods never become Ready (kwok simulates that)");
      RolloutOutcome aborted = rollouts.run(Rollout.of(ShopApp.app("shop", bad, PodBehaviour.neverReady().labels()), "web")
          .strategy(Canary.steps(CanaryStep.setWeight(33), CanaryStep.setWeight(100))
              .stepTimeout(Duration.ofSeconds(10))));
      report(out, aborted);
      String serving = new AppsV1Api(cluster.client()).readNamespacedDeployment("web", "shop").execute().getSpec().getTemplate().getSpec().getContainers().get(0)
          .getImage();
      step(out, "web serves " + serving + " again, on its stable pods, which never went away");

      if (keep) {
        out.println();
        out.println("The cluster keeps running. Point kubectl at it:");
        out.println("  export KUBECONFIG=" + cluster.kubeconfig());
        out.println("  " + cluster.kubectl() + " -n shop get deployments,replicasets,pods");
        out.println("Delete it when done:");
        out.println("  KWOK_WORKDIR=" + cluster.workDir().getParent() + " "
            + ControlPlaneBinaries.locate().binary("kwokctl") + " delete cluster --name " + cluster.name());
      }
      return promoted.isPromoted() && aborted instanceof RolloutOutcome.Aborted ? 0 : 1;
    }
  }

  /** Web has no replicas of its own: its HPA raises it to its minimum a moment after the apply. */
  private static void awaitAutoscaled(LocalCluster cluster, int replicas) throws Exception {
    AppsV1Api apps = new AppsV1Api(cluster.client());
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (apps.readNamespacedDeployment("web", "shop").execute().getSpec().getReplicas() < replicas) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the HPA did not scale web to " + replicas + " within " + WAIT);
      }
      Thread.sleep(200);
    }
  }

  private static void report(PrintStream out, RolloutOutcome outcome) {
    String what;
    if (outcome instanceof RolloutOutcome.Aborted a) {
      what = "aborted at step " + a.step() + ": " + a.reason();
    } else if (outcome instanceof RolloutOutcome.DeadlineExceeded d) {
      what = "deadline of " + d.deadline() + " exceeded at step " + d.step();
    } else if (outcome instanceof RolloutOutcome.Superseded s) {
      what = "superseded at step " + s.step();
    } else {
      what = "promoted, revision " + outcome.revisionHash();
    }
    out.println("[demo] outcome: " + what);
    Instant start = outcome.timeline().isEmpty() ? Instant.now() : outcome.timeline().get(0).at();
    for (TimelineEntry entry : outcome.timeline()) {
      out.printf("         %6.1f s  %s%n", Duration.between(start, entry.at()).toMillis() / 1000.0, entry.what());
    }
  }

  private static void step(PrintStream out, String what) {
    out.println("[demo] " + what);
  }

  /** Builds the control plane with the project's script when this machine has none yet. */
  private static void ensureControlPlane(PrintStream err) throws IOException, InterruptedException {
    try {
      ControlPlaneBinaries.locate().verify();
      return;
    } catch (IllegalStateException missing) {
      err.println("[demo] no local control plane on this machine yet: building it (the first time takes about"
          + " 15 minutes on 2 cores; later runs start at once)");
    }
    Path script = repositoryRoot().resolve("scripts/provision-control-plane.sh");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("control-plane binaries are missing and " + script + " is not there: run the"
          + " demo from the repository (java -jar examples/target/mizzen.jar demo), or set MIZZEN_CONTROL_PLANE_BIN");
    }
    int exit = new ProcessBuilder("bash", script.toString()).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(script + " failed with exit code " + exit + "; its output above says why");
    }
  }

  /** The repository this jar was built in: examples/target/mizzen.jar is three levels down. */
  private static Path repositoryRoot() {
    try {
      Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
      candidate = candidate == null ? null : candidate.getParent();
      if (candidate != null && Files.isDirectory(candidate.resolve("scripts"))) {
        return candidate;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Fall back to the working directory.
    }
    return Path.of("").toAbsolutePath();
  }

  /** Live progress: a line per timeline entry, and the pods of each revision as they change. */
  private static final class Display implements RolloutListener {
    private final PrintStream out;

    Display(PrintStream out) {
      this.out = out;
    }

    @Override
    public void onEvent(String namespace, String deployment, TimelineEntry entry) {
      out.println("         " + entry.what());
    }

    @Override
    public void onProgress(String namespace, String deployment, RolloutProgress p) {
      out.printf("         step %d/%d %-22s stable %s %d/%d   new %s %d/%d%n", Math.min(p.step(), p.steps()), p.steps(),
          p.stepName(), bar(p.stableAvailable(), p.replicas()), p.stableAvailable(), p.replicas(),
          bar(p.canaryReady(), p.replicas()), p.canaryReady(), p.replicas());
    }

    private static String bar(int count, int of) {
      int width = 10;
      int filled = of == 0 ? 0 : Math.min(width, Math.round(width * (float) count / of));
      return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
  }
}
