package dev.mizzen.strategies.rollout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RolloutRecordTest {
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void readsBackWhatItWrites() {
    RolloutRecord record = RolloutRecord.start("{\"kind\":\"Deployment\"}", "c0ffee", "abc", T0, "host-1", true)
        .withRevision("def").atStep(2, T0.plusSeconds(30), false).requesting("step", "").pausedAs(true, T0);

    assertThat(RolloutRecord.fromData(record.toData())).isEqualTo(record);
  }

  @Test
  void resumingRestartsTheStepsClockAndAdvancingClearsThePromoteRequest() {
    RolloutRecord paused = RolloutRecord.start("{}", "h", "abc", T0, "me", true).pausedAs(true, T0.plusSeconds(99));
    assertThat(paused.stepStartedAt()).isEqualTo(T0);
    assertThat(paused.pausedAs(false, T0.plusSeconds(60)).stepStartedAt()).isEqualTo(T0.plusSeconds(60));

    RolloutRecord promoted = paused.requesting("full", "");
    assertThat(promoted.atStep(3, T0, true).promoteRequest()).isEmpty();
    assertThat(promoted.atStep(3, T0, true).phase()).isEqualTo(RolloutRecord.Phase.FINISHING);
  }

  @Test
  void abortingClearsRequestsAndKeepsTheReason() {
    RolloutRecord aborting = RolloutRecord.start("{}", "h", "abc", T0, "me", true)
        .requesting("step", "bad latency").aborting("aborted on request: bad latency", false);

    assertThat(aborting.phase()).isEqualTo(RolloutRecord.Phase.ABORTING);
    assertThat(aborting.reason()).isEqualTo("aborted on request: bad latency");
    assertThat(aborting.abortRequest()).isEmpty();
    assertThat(aborting.promoteRequest()).isEmpty();
  }

  @Test
  void stateObjectNamesFitTheApiServersLimit() {
    assertThat(StateStore.objectName("web")).isEqualTo("mizzen-rollout-web");
    String long253 = "a".repeat(253);
    assertThat(StateStore.objectName(long253)).hasSize(253).startsWith("mizzen-rollout-a");
    assertThat(StateStore.objectName(long253)).isNotEqualTo(StateStore.objectName("a".repeat(252) + "b"));
  }
}
