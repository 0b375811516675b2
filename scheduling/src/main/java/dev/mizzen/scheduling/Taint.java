package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1Taint;
import org.immutables.value.Value;

/**
 * A mark on a node that repels pods without a matching {@link Toleration}:
 * {@code Taint.of("dedicated", "web", TaintEffect.NO_SCHEDULE)} is {@code dedicated=web:NoSchedule}.
 */
@Value.Immutable
public abstract class Taint {

  /** The taint {@code key=value:effect}. */
  public static Taint of(String key, String value, TaintEffect effect) {
    return new Builder().key(key).value(value).effect(effect).build();
  }

  /** The taint {@code key:effect}, with the empty value. */
  public static Taint of(String key, TaintEffect effect) {
    return new Builder().key(key).effect(effect).build();
  }

  /** The taint key, a qualified name. */
  public abstract String key();

  /** The value, a label value. Defaults to the empty value. */
  @Value.Default
  public String value() {
    return "";
  }

  /** What the taint does to pods that do not tolerate it. */
  public abstract TaintEffect effect();

  /** The client-java model; an empty value is left unset. */
  public V1Taint toV1Taint() {
    V1Taint rendered = new V1Taint().key(key()).effect(effect().apiValue());
    if (!value().isEmpty()) {
      rendered.setValue(value());
    }
    return rendered;
  }

  /** {@code key=value:Effect}, as {@code kubectl taint} writes it. */
  @Override
  public String toString() {
    return key() + (value().isEmpty() ? "" : "=" + value()) + ":" + effect().apiValue();
  }

  /** Builds a {@link Taint}. */
  public static final class Builder extends ImmutableTaint.Builder {
    Builder() {}
  }
}
