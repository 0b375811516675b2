package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Waiting, in tests, for what a running rollout's timeline says. */
final class Timelines {
  private Timelines() {}

  /**
   * Waits until the rollout's timeline has an entry starting with {@code start}; fails if the
   * rollout ends first or {@code timeout} passes. The timeline is in memory, so looking at it often
   * costs the cluster nothing.
   */
  static void awaitEntry(RolloutHandle handle, String start, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handle.timeline().stream().noneMatch(entry -> entry.what().startsWith(start))) {
      assertThat(handle.outcome()).as("ended before \"%s\": %s", start, handle.timeline()).isNotDone();
      assertThat(System.nanoTime()).as("\"%s\" within %s: %s", start, timeout, handle.timeline())
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Waits until the rollout reached step {@code step} (from 1). */
  static void awaitStep(RolloutHandle handle, int step, Duration timeout) throws InterruptedException {
    awaitEntry(handle, "step " + step + ":", timeout);
  }
}
