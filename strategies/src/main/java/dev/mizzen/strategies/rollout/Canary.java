package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.mizzen.strategies.analysis.Check;
import dev.mizzen.strategies.analysis.PodHealth;
import java.time.Duration;
import java.util.List;

/**
 * A canary of one, unmodified Deployment: the new revision grows in {@linkplain CanaryStep steps}
 * next to the stable one, which keeps all its replicas until the last step, then the Deployment's
 * own rolling update finishes the job with the user's {@code maxSurge} and {@code maxUnavailable}.
 *
 * <pre>{@code
 * Canary canary = Canary.steps(
 *     CanaryStep.setWeight(20), CanaryStep.pause(Duration.ofMinutes(5)),
 *     CanaryStep.setWeight(50), CanaryStep.analyse(PodHealth.defaults()),
 *     CanaryStep.setWeight(100));
 * }</pre>
 *
 * <p>Defaults: {@link PodHealth#defaults()} runs in the background (any failure aborts); a step
 * may take {@linkplain #stepTimeout 10 minutes} to have its pods Ready or its checks decided;
 * background checks run every {@linkplain #checkInterval 5 seconds}.
 *
 * @param steps what happens, in order; after the last one the rollout is promoted
 * @param backgroundChecks checks run during the whole canary; a failure or error aborts
 * @param stepTimeout how long a step may wait for its pods to be Ready or its checks to decide
 * @param checkInterval how often checks are measured again
 */
public record Canary(List<CanaryStep> steps, List<Check> backgroundChecks, Duration stepTimeout, Duration checkInterval)
    implements Strategy {

  public Canary {
    steps = ImmutableList.copyOf(steps);
    checkArgument(!steps.isEmpty(), "a canary needs at least one step");
    backgroundChecks = ImmutableList.copyOf(backgroundChecks);
    checkNotNull(stepTimeout, "stepTimeout");
    checkArgument(stepTimeout.toMillis() > 0, "stepTimeout must be positive, was %s", stepTimeout);
    checkNotNull(checkInterval, "checkInterval");
    checkArgument(checkInterval.toMillis() > 0, "checkInterval must be positive, was %s", checkInterval);
  }

  /** A canary with these steps and the defaults above. */
  public static Canary steps(CanaryStep... steps) {
    return new Canary(List.of(steps), List.of(PodHealth.defaults()), Duration.ofMinutes(10), Duration.ofSeconds(5));
  }

  /** The same canary with {@code checks} in the background instead (none: no background analysis). */
  public Canary backgroundChecks(Check... checks) {
    return new Canary(steps, List.of(checks), stepTimeout, checkInterval);
  }

  /** The same canary where a step may wait {@code timeout} for Ready pods or a decision. */
  public Canary stepTimeout(Duration timeout) {
    return new Canary(steps, backgroundChecks, timeout, checkInterval);
  }

  /** The same canary measuring checks every {@code interval}. */
  public Canary checkInterval(Duration interval) {
    return new Canary(steps, backgroundChecks, stepTimeout, interval);
  }
}
