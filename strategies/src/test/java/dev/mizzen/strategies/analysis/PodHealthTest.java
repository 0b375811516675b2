package dev.mizzen.strategies.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodHealthTest {
  private final PodHealth health = PodHealth.defaults();

  @Test
  void noPodsIsNoDataNeverAPass() {
    assertThat(health.evaluate(context(List.of())).outcome()).isEqualTo(CheckResult.Outcome.NO_DATA);
  }

  @Test
  void allReadyIsASuccessWithWhatWasMeasured() {
    CheckResult result = health.evaluate(context(List.of(pod("a", true, running(0)), pod("b", true, running(1)))));

    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.SUCCESS);
    assertThat(result.message()).isEqualTo("2 of 2 pods Ready, 1 restarts");
    assertThat(result.measurements()).containsEntry("ready", "2").containsEntry("restarts", "1");
  }

  @Test
  void notYetReadyIsNoDataToDecideOn() {
    CheckResult result = health.evaluate(context(List.of(pod("a", true, running(0)), pod("b", false, running(0)))));

    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.NO_DATA);
    assertThat(result.message()).isEqualTo("1 of 2 pods Ready");
  }

  @Test
  void crashLoopingImagePullAndOomKilledFail() {
    V1ContainerStatus crashing = running(1).state(new V1ContainerState()
        .waiting(new V1ContainerStateWaiting().reason("CrashLoopBackOff")));
    V1ContainerStatus pulling = running(0).state(new V1ContainerState()
        .waiting(new V1ContainerStateWaiting().reason("ImagePullBackOff")));
    V1ContainerStatus oom = running(1).lastState(new V1ContainerState()
        .terminated(new V1ContainerStateTerminated().reason("OOMKilled").exitCode(137)));

    CheckResult result = health.evaluate(context(List.of(pod("a", false, crashing), pod("b", false, pulling),
        pod("c", true, oom))));

    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAILURE);
    assertThat(result.message()).isEqualTo("Pod/a container web is CrashLoopBackOff; "
        + "Pod/b container web is ImagePullBackOff; "
        + "Pod/c container web was OOMKilled: raise its memory limit or lower its use");
  }

  @Test
  void restartsBeyondTheAllowanceFail() {
    List<V1Pod> pods = List.of(pod("a", true, running(3)));

    assertThat(health.evaluate(context(pods)).message())
        .isEqualTo("Pod/a container web restarted 3 times (at most 2 allowed)");
    assertThat(health.allowingRestarts(3).evaluate(context(pods)).outcome()).isEqualTo(CheckResult.Outcome.SUCCESS);
  }

  @Test
  void aFailedPodFails() {
    V1Pod failed = pod("a", false, running(0));
    failed.getStatus().phase("Failed").reason("Evicted");

    assertThat(health.evaluate(context(List.of(failed))).message()).isEqualTo("Pod/a failed (Evicted)");
  }

  private static V1ContainerStatus running(int restarts) {
    return new V1ContainerStatus().name("web").restartCount(restarts).ready(true);
  }

  private static V1Pod pod(String name, boolean ready, V1ContainerStatus container) {
    return new V1Pod().metadata(new V1ObjectMeta().name(name)).status(new V1PodStatus().phase("Running")
        .addConditionsItem(new V1PodCondition().type("Ready").status(ready ? "True" : "False"))
        .addContainerStatusesItem(container));
  }

  private static CheckContext context(List<V1Pod> pods) {
    return new CheckContext(new ApiClient(), "shop", "web", "abc123", pods, Instant.EPOCH, Instant.EPOCH);
  }
}
