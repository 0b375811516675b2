package dev.mizzen.strategies.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * What a {@link Check} found: an {@link Outcome}, a sentence saying why, and the values it
 * measured (shown in the rollout's timeline and events).
 */
public record CheckResult(Outcome outcome, String message, Map<String, String> measurements) {

  /** The closed set of answers. Only {@link #SUCCESS} lets a rollout go on; nothing passes by default. */
  public enum Outcome {
    /** The revision is healthy by this check. */
    SUCCESS,
    /** The revision is unhealthy: the rollout aborts. */
    FAILURE,
    /** The measurement is neither good nor bad enough to decide: a person decides (promote or abort). */
    INCONCLUSIVE,
    /** The check could not measure (its source failed): the rollout aborts rather than guess. */
    ERROR,
    /** Nothing to measure yet (no pods, no samples): measured again until the step's timeout. */
    NO_DATA
  }

  public CheckResult {
    checkNotNull(outcome, "outcome");
    checkNotNull(message, "message");
    measurements = ImmutableMap.copyOf(measurements);
  }

  public static CheckResult success(String message) {
    return new CheckResult(Outcome.SUCCESS, message, Map.of());
  }

  public static CheckResult failure(String message) {
    return new CheckResult(Outcome.FAILURE, message, Map.of());
  }

  public static CheckResult inconclusive(String message) {
    return new CheckResult(Outcome.INCONCLUSIVE, message, Map.of());
  }

  public static CheckResult error(String message) {
    return new CheckResult(Outcome.ERROR, message, Map.of());
  }

  public static CheckResult noData(String message) {
    return new CheckResult(Outcome.NO_DATA, message, Map.of());
  }

  /** The same result with {@code measurements} attached. */
  public CheckResult measured(Map<String, String> measurements) {
    return new CheckResult(outcome, message, measurements);
  }

  /** Whether the rollout must abort on this result ({@link Outcome#FAILURE} or {@link Outcome#ERROR}). */
  public boolean isFailing() {
    return outcome == Outcome.FAILURE || outcome == Outcome.ERROR;
  }

  @Override
  public String toString() {
    return outcome + ": " + message + (measurements.isEmpty() ? "" : " " + measurements);
  }
}
