package dev.mizzen.examples.imageview;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.BlueGreen;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.Rollouts;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.util.Config;
import java.time.Duration;
import java.util.Map;

/**
 * The blue/green of the workshop notes, with the DSL and the engine: an {@code imageview} web
 * server in two colours behind one LoadBalancer Service, switched by selector. The workshop runs
 * two Deployments ({@code imageview-blue}, {@code imageview-green}) and edits the Service's
 * selector by hand; here one Deployment goes from blue to green, the engine pins the Service to
 * a colour's pods and switches it, and the stable colour stays until the scale-down delay ends.
 *
 * <p>{@code java -cp mizzen.jar dev.mizzen.examples.imageview.ImageView green} rolls the colour
 * out against the cluster of the current kubeconfig.
 */
public final class ImageView {
  /** The images of the two colours. */
  public static final Map<String, String> IMAGES = Map.of(
      "blue", "ghcr.io/acme/imageview:blue",
      "green", "ghcr.io/acme/imageview:green");

  private ImageView() {}

  /** The app in {@code namespace} serving {@code colour}, with {@code podLabels} on its pods too. */
  public static App app(String namespace, String colour, Map<String, String> podLabels) {
    Deployment imageview = Deployment.named("imageview").replicas(3).pod(PodTemplate.container(
        Container.named("imageview").image(IMAGES.get(colour))
            .port(Port.http(8080))
            .env(Env.literal("COLOUR", colour))
            .resources(Resources.requests(Cpu.millis(50), Memory.mebibytes(64))
                .limits(Cpu.millis(200), Memory.mebibytes(128)))
            .readiness(Probe.httpGet("/", "http").every(Duration.ofSeconds(5))))
        .labels(podLabels)).build();
    return App.named("imageview").namespace(namespace).add(imageview,
        Service.loadBalancer("imageview").selecting("imageview").port(80, "http").build(),
        Service.named("imageview-preview").selecting("imageview").port(80, "http").build()).build();
  }

  /**
   * Blue/green to {@code colour}: the new colour comes up whole, testers see it through
   * {@code imageview-preview}, the LoadBalancer switches when promoted (here: at once), and the
   * old colour stays a minute for an instant rollback.
   */
  public static Rollout toColour(String namespace, String colour, Map<String, String> podLabels) {
    return Rollout.of(app(namespace, colour, podLabels), "imageview")
        .strategy(BlueGreen.switching("imageview").preview("imageview-preview")
            .scaleDownDelay(Duration.ofMinutes(1)));
  }

  public static void main(String[] args) throws Exception {
    String colour = args.length > 0 ? args[0] : "green";
    if (!IMAGES.containsKey(colour)) {
      System.err.println("usage: ImageView blue|green");
      System.exit(2);
    }
    ApiClient client = Config.defaultClient();
    Rollout rollout = toColour("default", colour, Map.of());
    // The Services first (a blue/green pins them); the Deployment is the rollout's to apply.
    ServerSideApply.using(client).apply(app("default", colour, Map.of()).objects().stream()
        .filter(object -> !(object instanceof V1Deployment)).toList());
    try (Rollouts rollouts = Rollouts.using(client)) {
      RolloutOutcome outcome = rollouts.run(rollout);
      outcome.timeline().forEach(System.out::println);
      System.exit(outcome.exitCode());
    }
  }
}
