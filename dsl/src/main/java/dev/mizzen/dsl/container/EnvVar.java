package dev.mizzen.dsl.container;

import static java.util.Objects.requireNonNull;

import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.util.Optional;

/**
 * One environment variable, with a value from exactly one source: one value type per source
 * ({@link Literal}, {@link ConfigMapKey}, {@link SecretKey}, {@link FieldRef},
 * {@link ResourceFieldRef}), so that each carries the fields it needs and no other. Made by the
 * factories of {@link Env}.
 */
public sealed interface EnvVar extends Env {

  /** The variable's name. */
  String name();

  /** The client-java model. A fresh object each call. */
  V1EnvVar toV1EnvVar();

  /** The literal value, for {@link Literal} variables. */
  default Optional<String> literalValue() {
    return this instanceof Literal literal ? Optional.of(literal.value()) : Optional.empty();
  }

  /** {@code name=value}: the value as written. */
  record Literal(String name, String value) implements EnvVar {
    public Literal {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
    }

    @Override
    public V1EnvVar toV1EnvVar() {
      return new V1EnvVar().name(name).value(value);
    }

    /** {@code LOG_LEVEL=info}. */
    @Override
    public String toString() {
      return name + "=" + value;
    }
  }

  /** Key {@code key} of ConfigMap {@code configMap}; {@code optional}: a missing ConfigMap or key is ignored. */
  record ConfigMapKey(String name, String configMap, String key, boolean optional) implements EnvVar {
    public ConfigMapKey {
      requireNonNull(name, "name");
      requireNonNull(configMap, "configMap");
      requireNonNull(key, "key");
    }

    /** This reference, but tolerating a missing ConfigMap or key. */
    public ConfigMapKey asOptional() {
      return new ConfigMapKey(name, configMap, key, true);
    }

    @Override
    public V1EnvVar toV1EnvVar() {
      return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().configMapKeyRef(
          new V1ConfigMapKeySelector().name(configMap).key(key).optional(optional ? Boolean.TRUE : null)));
    }

    /** {@code LOG_LEVEL from configmap web-config key log-level}. */
    @Override
    public String toString() {
      return name + " from configmap " + configMap + " key " + key;
    }
  }

  /** Key {@code key} of Secret {@code secret}; {@code optional}: a missing Secret or key is ignored. */
  record SecretKey(String name, String secret, String key, boolean optional) implements EnvVar {
    public SecretKey {
      requireNonNull(name, "name");
      requireNonNull(secret, "secret");
      requireNonNull(key, "key");
    }

    /** This reference, but tolerating a missing Secret or key. */
    public SecretKey asOptional() {
      return new SecretKey(name, secret, key, true);
    }

    @Override
    public V1EnvVar toV1EnvVar() {
      return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().secretKeyRef(
          new V1SecretKeySelector().name(secret).key(key).optional(optional ? Boolean.TRUE : null)));
    }

    /** {@code DB_PASSWORD from secret api-credentials key password}. */
    @Override
    public String toString() {
      return name + " from secret " + secret + " key " + key;
    }
  }

  /** A field of the pod ({@code metadata.name}, {@code status.podIP}, ...). */
  record FieldRef(String name, String fieldPath) implements EnvVar {
    public FieldRef {
      requireNonNull(name, "name");
      requireNonNull(fieldPath, "fieldPath");
    }

    @Override
    public V1EnvVar toV1EnvVar() {
      return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().fieldRef(
          new V1ObjectFieldSelector().fieldPath(fieldPath)));
    }

    /** {@code POD_NAME from field metadata.name}. */
    @Override
    public String toString() {
      return name + " from field " + fieldPath;
    }
  }

  /** Resource {@code resource} ({@code limits.memory}, ...) of container {@code container} of the pod. */
  record ResourceFieldRef(String name, String container, String resource) implements EnvVar {
    public ResourceFieldRef {
      requireNonNull(name, "name");
      requireNonNull(container, "container");
      requireNonNull(resource, "resource");
    }

    @Override
    public V1EnvVar toV1EnvVar() {
      return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().resourceFieldRef(
          new V1ResourceFieldSelector().containerName(container).resource(resource)));
    }

    /** {@code MEMORY_LIMIT from limits.memory of container web}. */
    @Override
    public String toString() {
      return name + " from " + resource + " of container " + container;
    }
  }
}
