package dev.mizzen.strategies.rollout;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.testkit.cluster.PodBehaviour;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM that drives a canary, for the tests of what happens when the driving process
 * dies or two processes contend: {@code java DrivingProcess KUBECONFIG NAMESPACE IDENTITY}. It
 * prints each timeline entry as {@code entry: ...} and, at the end, {@code outcome: <Kind>}.
 */
public final class DrivingProcess {
  /** The lease of the tests' engines: takeovers in seconds, renewals every second. */
  static final Duration LEASE = Duration.ofSeconds(5);

  /** The one rollout both the test JVM and this process run, so that they are the same rollout. */
  static Rollout rollout(String namespace) {
    Deployment web = Deployment.named("web").replicas(4).pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:2"))
        .labels(PodBehaviour.ready().labels())).build();
    return Rollout.of(App.named("shop").namespace(namespace).add(web).build(), "web")
        .strategy(Canary.steps(CanaryStep.setWeight(25), CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100)));
  }

  /** The stable revision the tests start from. */
  static App stable(String namespace) {
    Deployment web = Deployment.named("web").replicas(4).pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:1"))
        .labels(PodBehaviour.ready().labels())).build();
    return App.named("shop").namespace(namespace).add(web).build();
  }

  /** Starts this class in a new JVM with the test class path. */
  static Process launch(Path kubeconfig, String namespace, String identity) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DrivingProcess.class.getName());
    command.add(kubeconfig.toString());
    command.add(namespace);
    command.add(identity);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  public static void main(String[] args) throws Exception {
    ApiClient client = Config.fromConfig(args[0]);
    try (Rollouts rollouts = Rollouts.using(client).identity(args[2]).leaseDuration(LEASE)
        .listener(new RolloutListener() {
          @Override
          public void onEvent(String namespace, String deployment, TimelineEntry entry) {
            System.out.println("entry: " + entry.what());
            System.out.flush();
          }
        })) {
      RolloutOutcome outcome = rollouts.start(rollout(args[1])).outcome().get(5, TimeUnit.MINUTES);
      System.out.println("outcome: " + outcome.getClass().getSimpleName());
    }
  }
}
