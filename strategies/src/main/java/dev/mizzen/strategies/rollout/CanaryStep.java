package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.mizzen.strategies.analysis.Check;
import java.time.Duration;
import java.util.List;

/**
 * One step of a {@link Canary}: {@link #setWeight}, {@link #pause(Duration)},
 * {@link #pauseUntilPromoted()} or {@link #analyse}.
 */
public sealed interface CanaryStep
    permits CanaryStep.SetWeight, CanaryStep.Pause, CanaryStep.PauseUntilPromoted, CanaryStep.Analyse {

  /**
   * Runs {@code ceil(percent x replicas / 100)} pods of the new revision next to all the stable
   * ones, and goes on once that many are Ready for the Deployment's own {@code minReadySeconds}.
   * Through the user's Service, the canary gets that share of the pods.
   */
  static SetWeight setWeight(int percent) {
    return new SetWeight(percent);
  }

  /** Waits {@code duration}, then goes on. */
  static Pause pause(Duration duration) {
    return new Pause(duration);
  }

  /** Waits until the rollout is promoted ({@code Rollouts.promote}, or {@code mizzen rollout promote}). */
  static PauseUntilPromoted pauseUntilPromoted() {
    return new PauseUntilPromoted();
  }

  /**
   * Runs {@code checks} on the new revision until all succeed (then goes on); any failure or
   * error aborts; an inconclusive one pauses until promoted; no data is measured again until the
   * step's timeout, which aborts.
   */
  static Analyse analyse(Check... checks) {
    return new Analyse(List.of(checks));
  }

  /** What the timeline says for this step. */
  String describe();

  record SetWeight(int percent) implements CanaryStep {
    public SetWeight {
      checkArgument(percent >= 1 && percent <= 100, "setWeight: percent must be 1..100, was %s", percent);
    }

    @Override
    public String describe() {
      return "setWeight " + percent + "%";
    }
  }

  record Pause(Duration duration) implements CanaryStep {
    public Pause {
      checkNotNull(duration, "duration");
      checkArgument(!duration.isNegative() && !duration.isZero(), "pause: duration must be positive, was %s", duration);
    }

    @Override
    public String describe() {
      return "pause " + duration.toString().substring(2).toLowerCase();
    }
  }

  record PauseUntilPromoted() implements CanaryStep {
    @Override
    public String describe() {
      return "pause until promoted";
    }
  }

  record Analyse(List<Check> checks) implements CanaryStep {
    public Analyse {
      checks = ImmutableList.copyOf(checks);
      checkArgument(!checks.isEmpty(), "analyse: give at least one check");
    }

    @Override
    public String describe() {
      return "analyse " + checks.stream().map(Check::name).toList();
    }
  }
}
