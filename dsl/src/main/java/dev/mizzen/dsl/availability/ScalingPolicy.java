package dev.mizzen.dsl.availability;

import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V2HPAScalingPolicy;
import java.time.Duration;
import org.immutables.value.Value;

/** A limit on how fast an autoscaler scales: so many pods, or so many percent, per period. */
@Value.Immutable
public abstract class ScalingPolicy {
  /** The API server's longest period. */
  static final long MAX_PERIOD_SECONDS = 1800;

  /** Whether {@link #value()} counts pods or percent of the current replicas. */
  public enum Type {
    PODS("Pods"),
    PERCENT("Percent");

    private final String value;

    Type(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** At most {@code pods} pods per {@code period}. */
  public static ScalingPolicy pods(int pods, Duration period) {
    return ImmutableScalingPolicy.builder().type(Type.PODS).value(pods).period(period).build();
  }

  /** At most {@code percent} percent of the current replicas per {@code period}. */
  public static ScalingPolicy percent(int percent, Duration period) {
    return ImmutableScalingPolicy.builder().type(Type.PERCENT).value(percent).period(period).build();
  }

  /** Pods or percent. */
  public abstract Type type();

  /** How many pods, or percent (more than 0). */
  public abstract int value();

  /** The window the limit applies to (whole seconds, 1s..30min). */
  public abstract Duration period();

  /** The client-java model. */
  public final V2HPAScalingPolicy toV2HPAScalingPolicy() {
    return new V2HPAScalingPolicy()
        .type(type().value())
        .value(value())
        .periodSeconds((int) period().getSeconds());
  }

  /** Checks value and period; {@code v} is at the policy ({@code ...policies[0]}). */
  final void validate(Validation v) {
    v.field("value").check(value() > 0, "must be greater than 0, was %d", value());
    Seconds.check(v.field("periodSeconds"), period(), 1, MAX_PERIOD_SECONDS);
  }
}
