package dev.mizzen.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.strategies.apply.ApplyResult;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.RolloutStatus;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three example applications applied to a real control plane, each in a namespace its own
 * Namespace object switches to Pod Security "restricted" enforcement: the API server accepts
 * every object without a warning, and the guestbook's pods, admitted under restricted, become
 * available.
 */
@ClusterTest(podSecurity = "", namespacePerMethod = true)
class ExampleAppsIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);

  @Test
  void theGuestbookIsAcceptedAndItsPodsAreAdmittedUnderRestricted(ApiClient client, TestNamespace ns) throws Exception {
    assertAcceptedWithoutWarnings(client, Guestbook.app(ns.name()));

    assertThat(new CoreV1Api(client).readNamespace(ns.name()).execute().getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    for (String deployment : List.of("redis-leader", "redis-follower", "frontend")) {
      assertThat(RolloutStatus.using(client).deployment(ns.name(), deployment).await(GENEROUS).isDone())
          .as(deployment).isTrue();
    }
  }

  @Test
  void wordPressIsAccepted(ApiClient client, TestNamespace ns) throws Exception {
    assertAcceptedWithoutWarnings(client, WordPress.app(ns.name(), "correct-horse-battery-staple"));
  }

  @Test
  void theTrainingJobIsAccepted(ApiClient client, TestNamespace ns) throws Exception {
    assertAcceptedWithoutWarnings(client, GpuTraining.app(ns.name()));
  }

  private static void assertAcceptedWithoutWarnings(ApiClient client, App app) {
    ApplyResult result = ServerSideApply.using(client).applyWithWarnings(app.objects());
    assertThat(result.objects()).hasSameSizeAs(app.objects());
    assertThat(result.warnings()).isEmpty();
  }
}
