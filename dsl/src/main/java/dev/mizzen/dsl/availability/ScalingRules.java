package dev.mizzen.dsl.availability;

import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V2HPAScalingPolicy;
import io.kubernetes.client.openapi.models.V2HPAScalingRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a HorizontalPodAutoscaler scales in one direction (up or down): how long it waits for a
 * recommendation to settle, and how fast it may go.
 *
 * <pre>{@code
 * ScalingRules.stabilizedOver(Duration.ofMinutes(5))
 *     .policy(ScalingPolicy.percent(10, Duration.ofMinutes(1)));
 * ScalingRules.disabled();
 * }</pre>
 *
 * <p>Anything left out keeps the API server's defaults (scale down: 300s window, 100% per 15s;
 * scale up: no window, the faster of 4 pods or 100% per 15s).
 */
@Value.Immutable
public abstract class ScalingRules {
  /** The API server's longest stabilization window. */
  static final long MAX_STABILIZATION_SECONDS = 3600;

  /** Which policy wins when several allow different changes. */
  public enum SelectPolicy {
    /** The policy allowing the largest change (the default). */
    MAX("Max"),
    /** The policy allowing the smallest change. */
    MIN("Min"),
    /** No scaling in this direction at all. */
    DISABLED("Disabled");

    private final String value;

    SelectPolicy(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** Acts on the most conservative recommendation of the last {@code window} (0..1h). */
  public static Builder stabilizedOver(Duration window) {
    return new Builder().stabilizationWindow(window);
  }

  /** Limits the rate of change to {@code policies} (the largest change they allow, unless told otherwise). */
  public static Builder limitedBy(ScalingPolicy... policies) {
    return new Builder().policies(policies);
  }

  /** Never scales in this direction. */
  public static ScalingRules disabled() {
    return new Builder().selectPolicy(SelectPolicy.DISABLED).build();
  }

  /** The stabilization window (whole seconds, 0..1h); absent means the API server's default. */
  public abstract Optional<Duration> stabilizationWindow();

  /** Which policy wins; absent means {@link SelectPolicy#MAX}. */
  public abstract Optional<SelectPolicy> selectPolicy();

  /** The rate limits; empty means the API server's default ones. */
  public abstract List<ScalingPolicy> policies();

  /** The client-java model. */
  public final V2HPAScalingRules toV2HPAScalingRules() {
    V2HPAScalingRules rendered = new V2HPAScalingRules();
    stabilizationWindow().ifPresent(w -> rendered.setStabilizationWindowSeconds((int) w.getSeconds()));
    selectPolicy().ifPresent(p -> rendered.setSelectPolicy(p.value()));
    if (!policies().isEmpty()) {
      List<V2HPAScalingPolicy> policies = new ArrayList<>();
      policies().forEach(policy -> policies.add(policy.toV2HPAScalingPolicy()));
      rendered.setPolicies(policies);
    }
    return rendered;
  }

  /** Checks the window and every policy; {@code v} is at the rules ({@code spec.behavior.scaleUp}). */
  final void validate(Validation v) {
    stabilizationWindow().ifPresent(window ->
        Seconds.check(v.field("stabilizationWindowSeconds"), window, 0, MAX_STABILIZATION_SECONDS));
    for (int i = 0; i < policies().size(); i++) {
      policies().get(i).validate(v.field("policies").index(i));
    }
  }

  /** Builds {@link ScalingRules}. */
  public static final class Builder extends ImmutableScalingRules.Builder {
    Builder() {}
  }
}
