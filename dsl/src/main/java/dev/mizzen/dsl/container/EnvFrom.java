package dev.mizzen.dsl.container;

import io.kubernetes.client.openapi.models.V1ConfigMapEnvSource;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1SecretEnvSource;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Every entry of a ConfigMap or Secret as environment variables, optionally prefixed. Made by
 * {@link Env#allFrom(String)} and {@link Env#allFromSecret(String)}.
 */
@Value.Immutable(builder = false)
public abstract non-sealed class EnvFrom implements Env {

  /** Whether the entries come from a Secret (else from a ConfigMap). */
  @Value.Parameter
  public abstract boolean isSecret();

  /** The name of the ConfigMap or Secret. */
  @Value.Parameter
  public abstract String sourceName();

  /** A prefix added to every variable name. An empty prefix is none, as in the API. */
  @Value.Parameter
  public abstract Optional<String> prefix();

  /** Whether a missing ConfigMap or Secret is ignored (false by default). */
  @Value.Parameter
  public abstract boolean optional();

  /** An empty prefix normalizes to none ({@code ValidateEnvFrom} checks a prefix only when not empty). */
  @Value.Check
  protected EnvFrom normalize() {
    return prefix().filter(String::isEmpty).isPresent()
        ? ImmutableEnvFrom.of(isSecret(), sourceName(), Optional.empty(), optional())
        : this;
  }

  static EnvFrom configMap(String name) {
    return ImmutableEnvFrom.of(false, name, Optional.empty(), false);
  }

  static EnvFrom secret(String name) {
    return ImmutableEnvFrom.of(true, name, Optional.empty(), false);
  }

  /** The same entries, each name prefixed with {@code prefix}. */
  public EnvFrom withPrefix(String prefix) {
    return ImmutableEnvFrom.of(isSecret(), sourceName(), Optional.of(prefix), optional());
  }

  /** The same entries, tolerating a missing ConfigMap or Secret. */
  public EnvFrom asOptional() {
    return ImmutableEnvFrom.of(isSecret(), sourceName(), prefix(), true);
  }

  /** The client-java model. A fresh object each call. */
  public V1EnvFromSource toV1EnvFromSource() {
    V1EnvFromSource rendered = new V1EnvFromSource();
    Boolean optional = optional() ? Boolean.TRUE : null;
    if (isSecret()) {
      rendered.setSecretRef(new V1SecretEnvSource().name(sourceName()).optional(optional));
    } else {
      rendered.setConfigMapRef(new V1ConfigMapEnvSource().name(sourceName()).optional(optional));
    }
    prefix().ifPresent(rendered::setPrefix);
    return rendered;
  }

  /** {@code all of configmap web-config}. */
  @Override
  public String toString() {
    return "all of " + (isSecret() ? "secret " : "configmap ") + sourceName()
        + prefix().map(p -> " prefixed " + p).orElse("");
  }
}
