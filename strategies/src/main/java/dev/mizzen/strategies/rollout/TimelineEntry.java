package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * One thing that happened during a rollout: a step started or finished, a decision, a measured
 * value, a repair. The same text goes to the listener, the log and a Kubernetes Event on the
 * Deployment.
 *
 * @param step the step it belongs to, from 1; 0 before the first step, and steps + 1 after the last
 */
public record TimelineEntry(Instant at, int step, String what) {
  public TimelineEntry {
    checkNotNull(at, "at");
    checkNotNull(what, "what");
  }

  @Override
  public String toString() {
    return at + " [step " + step + "] " + what;
  }
}
