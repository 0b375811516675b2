package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1Toleration;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Lets a pod run on nodes with a matching {@link Taint}.
 *
 * <pre>{@code
 * Toleration.of("dedicated", "web", TaintEffect.NO_SCHEDULE)         // dedicated=web:NoSchedule
 * Toleration.exists("example.com/gpu")                               // any value, every effect
 * Toleration.of("node.kubernetes.io/unreachable", "", TaintEffect.NO_EXECUTE)
 *     .tolerationPeriod(Duration.ofMinutes(5))                       // evicted after 5 minutes
 * Toleration.everything()                                            // every taint (DaemonSets)
 * }</pre>
 */
@Value.Immutable
public abstract class Toleration {

  /** Tolerates the taint {@code key=value:effect} (operator {@code Equal}). */
  public static Builder of(String key, String value, TaintEffect effect) {
    return new Builder().key(key).operator(TolerationOperator.EQUAL).value(value).effect(effect);
  }

  /** Tolerates the taint {@code key=value} whatever its effect (operator {@code Equal}). */
  public static Builder of(String key, String value) {
    return new Builder().key(key).operator(TolerationOperator.EQUAL).value(value);
  }

  /** Tolerates every taint with {@code key}, whatever its value and effect (operator {@code Exists}). */
  public static Builder exists(String key) {
    return new Builder().key(key).operator(TolerationOperator.EXISTS);
  }

  /** Tolerates every taint with {@code key} and {@code effect}, whatever its value (operator {@code Exists}). */
  public static Builder exists(String key, TaintEffect effect) {
    return exists(key).effect(effect);
  }

  /**
   * Tolerates every taint: operator {@code Exists} with no key, no value and no effect, as
   * node-level agents (DaemonSets such as node-exporter) need.
   */
  public static Builder everything() {
    return new Builder().operator(TolerationOperator.EXISTS);
  }

  /** The taint key; absent only with operator {@code Exists}, to tolerate every taint. */
  public abstract Optional<String> key();

  /** How the taint's value is matched. */
  public abstract TolerationOperator operator();

  /** The value to equal (operator {@code Equal}); absent means the empty value. */
  public abstract Optional<String> value();

  /** The taint effect tolerated; absent means every effect. */
  public abstract Optional<TaintEffect> effect();

  /**
   * How long the pod stays on a node after a matching {@code NoExecute} taint appears, then it
   * is evicted ({@code tolerationSeconds}, whole seconds). Absent means forever. Only with
   * effect {@code NoExecute}.
   */
  public abstract Optional<Duration> tolerationPeriod();

  /** Whether this toleration matches every taint (operator {@code Exists}, no key, every effect). */
  public final boolean isEverything() {
    return key().isEmpty() && operator() == TolerationOperator.EXISTS && effect().isEmpty();
  }

  /** The client-java model; absent (or empty) key, absent value, effect and period are left unset. */
  public V1Toleration toV1Toleration() {
    V1Toleration rendered = new V1Toleration().operator(operator().apiValue());
    key().filter(k -> !k.isEmpty()).ifPresent(rendered::setKey);
    value().ifPresent(rendered::setValue);
    effect().ifPresent(e -> rendered.setEffect(e.apiValue()));
    tolerationPeriod().ifPresent(p -> rendered.setTolerationSeconds(p.getSeconds()));
    return rendered;
  }

  /** Builds a {@link Toleration}; start with {@link Toleration#of}, {@link #exists} or {@link #everything()}. */
  public static final class Builder extends ImmutableToleration.Builder {
    Builder() {}

    /** Sets {@code tolerationSeconds}: evicted {@code seconds} after a matching NoExecute taint appears. */
    public Builder tolerationSeconds(long seconds) {
      return tolerationPeriod(Duration.ofSeconds(seconds));
    }
  }
}
