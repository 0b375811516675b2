package dev.mizzen.examples.imageview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.RolloutStatus;
import dev.mizzen.strategies.rollout.Rollouts;
import dev.mizzen.strategies.rollout.TimelineEntry;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workshop's blue/green, blue to green and back to blue, on the local control plane. */
@ClusterTest
class ImageViewIT {
  private static final Map<String, String> READY = PodBehaviour.ready().labels();

  @Test
  void blueToGreenSwitchesTheLoadBalancerAndLeavesItsSelectorAsApplied(ApiClient client, TestNamespace ns)
      throws Exception {
    ServerSideApply.using(client).apply(ImageView.app(ns.name(), "blue", READY).objects());
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "imageview").await(Duration.ofMinutes(2)).isDone())
        .isTrue();
    Map<String, String> applied = selector(client, ns);

    try (Rollouts rollouts = Rollouts.using(client)) {
      RolloutOutcome green = rollouts.run(ImageView.toColour(ns.name(), "green", READY)
          .strategy(dev.mizzen.strategies.rollout.BlueGreen.switching("imageview").preview("imageview-preview")
              .scaleDownDelay(Duration.ofSeconds(1))));

      assertThat(green).isInstanceOf(RolloutOutcome.Promoted.class);
      assertThat(green.timeline()).extracting(TimelineEntry::what)
          .contains("switched Service/imageview to revision " + green.revisionHash());
    }
    assertThat(selector(client, ns)).isEqualTo(applied);
    assertThat(new AppsV1Api(client).readNamespacedDeployment("imageview", ns.name()).execute().getSpec()
        .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/imageview:green");
  }

  private static Map<String, String> selector(ApiClient client, TestNamespace ns) throws Exception {
    return new CoreV1Api(client).readNamespacedService("imageview", ns.name()).execute().getSpec().getSelector();
  }
}
