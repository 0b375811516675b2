package dev.mizzen.dsl.container;

import static java.util.Objects.requireNonNull;

import io.kubernetes.client.openapi.models.V1ConfigMapEnvSource;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1SecretEnvSource;
import java.util.Optional;

/**
 * Every entry of a ConfigMap ({@link AllOfConfigMap}) or a Secret ({@link AllOfSecret}) as
 * environment variables, optionally prefixed. Made by {@link Env#allFromConfigMap(String)} and
 * {@link Env#allFromSecret(String)}.
 */
public sealed interface EnvFrom extends Env {

  /** A prefix added to every variable name; none when absent (an empty prefix is none, as in the API). */
  Optional<String> prefix();

  /** Whether a missing ConfigMap or Secret is ignored (false by default). */
  boolean optional();

  /** The same entries, each name prefixed with {@code prefix}. */
  EnvFrom withPrefix(String prefix);

  /** The same entries, tolerating a missing ConfigMap or Secret. */
  EnvFrom asOptional();

  /** The client-java model. A fresh object each call. */
  V1EnvFromSource toV1EnvFromSource();

  /** Every entry of ConfigMap {@code configMap}. */
  record AllOfConfigMap(String configMap, Optional<String> prefix, boolean optional) implements EnvFrom {
    /** An empty prefix normalizes to none ({@code ValidateEnvFrom} checks a prefix only when not empty). */
    public AllOfConfigMap {
      requireNonNull(configMap, "configMap");
      prefix = prefix.filter(p -> !p.isEmpty());
    }

    @Override
    public AllOfConfigMap withPrefix(String prefix) {
      return new AllOfConfigMap(configMap, Optional.of(prefix), optional);
    }

    @Override
    public AllOfConfigMap asOptional() {
      return new AllOfConfigMap(configMap, prefix, true);
    }

    @Override
    public V1EnvFromSource toV1EnvFromSource() {
      V1EnvFromSource rendered = new V1EnvFromSource()
          .configMapRef(new V1ConfigMapEnvSource().name(configMap).optional(optional ? Boolean.TRUE : null));
      prefix.ifPresent(rendered::setPrefix);
      return rendered;
    }

    /** {@code all of configmap web-config}. */
    @Override
    public String toString() {
      return "all of configmap " + configMap + prefix.map(p -> " prefixed " + p).orElse("");
    }
  }

  /** Every entry of Secret {@code secret}. */
  record AllOfSecret(String secret, Optional<String> prefix, boolean optional) implements EnvFrom {
    /** An empty prefix normalizes to none ({@code ValidateEnvFrom} checks a prefix only when not empty). */
    public AllOfSecret {
      requireNonNull(secret, "secret");
      prefix = prefix.filter(p -> !p.isEmpty());
    }

    @Override
    public AllOfSecret withPrefix(String prefix) {
      return new AllOfSecret(secret, Optional.of(prefix), optional);
    }

    @Override
    public AllOfSecret asOptional() {
      return new AllOfSecret(secret, prefix, true);
    }

    @Override
    public V1EnvFromSource toV1EnvFromSource() {
      V1EnvFromSource rendered = new V1EnvFromSource()
          .secretRef(new V1SecretEnvSource().name(secret).optional(optional ? Boolean.TRUE : null));
      prefix.ifPresent(rendered::setPrefix);
      return rendered;
    }

    /** {@code all of secret api-credentials}. */
    @Override
    public String toString() {
      return "all of secret " + secret + prefix.map(p -> " prefixed " + p).orElse("");
    }
  }
}
