package dev.mizzen.dsl.container;

import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One environment variable: a literal, or a value taken from a ConfigMap, a Secret, the pod or a
 * container's resources. Made by the factories of {@link Env}.
 */
@Value.Immutable(builder = false)
public abstract non-sealed class EnvVar implements Env {

  /** Where the value comes from. */
  public enum Source {
    /** The value as written. */
    LITERAL,
    /** A key of a ConfigMap. */
    CONFIG_MAP_KEY,
    /** A key of a Secret. */
    SECRET_KEY,
    /** A field of the pod. */
    FIELD,
    /** A resource of a container. */
    RESOURCE
  }

  /** The variable's name. */
  @Value.Parameter
  public abstract String name();

  /** Where the value comes from. */
  @Value.Parameter
  public abstract Source source();

  /**
   * What the source is asked for: the literal value, the key of a ConfigMap or Secret, the field
   * path, or the resource ({@code limits.memory}).
   */
  @Value.Parameter
  public abstract String value();

  /** The ConfigMap, Secret or container the value comes from; absent for literals and fields. */
  @Value.Parameter
  public abstract Optional<String> from();

  /** For ConfigMap and Secret keys: whether a missing object or key is ignored (false by default). */
  @Value.Parameter
  public abstract boolean optional();

  static EnvVar literal(String name, String value) {
    return ImmutableEnvVar.of(name, Source.LITERAL, value, Optional.empty(), false);
  }

  static EnvVar fromConfigMap(String name, String configMap, String key) {
    return ImmutableEnvVar.of(name, Source.CONFIG_MAP_KEY, key, Optional.of(configMap), false);
  }

  static EnvVar fromSecret(String name, String secret, String key) {
    return ImmutableEnvVar.of(name, Source.SECRET_KEY, key, Optional.of(secret), false);
  }

  static EnvVar fieldRef(String name, String fieldPath) {
    return ImmutableEnvVar.of(name, Source.FIELD, fieldPath, Optional.empty(), false);
  }

  static EnvVar resourceField(String name, String container, String resource) {
    return ImmutableEnvVar.of(name, Source.RESOURCE, resource, Optional.of(container), false);
  }

  /** The literal value, for {@link Source#LITERAL} variables. */
  public Optional<String> literalValue() {
    return source() == Source.LITERAL ? Optional.of(value()) : Optional.empty();
  }

  /** This ConfigMap or Secret reference, but tolerating a missing object or key. */
  public EnvVar asOptional() {
    return ImmutableEnvVar.of(name(), source(), value(), from(), true);
  }

  /** The client-java model. A fresh object each call. */
  public V1EnvVar toV1EnvVar() {
    V1EnvVar rendered = new V1EnvVar().name(name());
    switch (source()) {
      case LITERAL -> rendered.setValue(value());
      case CONFIG_MAP_KEY -> rendered.setValueFrom(new V1EnvVarSource().configMapKeyRef(
          new V1ConfigMapKeySelector().name(from().orElseThrow()).key(value()).optional(optionalFlag())));
      case SECRET_KEY -> rendered.setValueFrom(new V1EnvVarSource().secretKeyRef(
          new V1SecretKeySelector().name(from().orElseThrow()).key(value()).optional(optionalFlag())));
      case FIELD -> rendered.setValueFrom(new V1EnvVarSource().fieldRef(
          new V1ObjectFieldSelector().fieldPath(value())));
      case RESOURCE -> rendered.setValueFrom(new V1EnvVarSource().resourceFieldRef(
          new V1ResourceFieldSelector().containerName(from().orElseThrow()).resource(value())));
    }
    return rendered;
  }

  private Boolean optionalFlag() {
    return optional() ? Boolean.TRUE : null;
  }

  /** {@code LOG_LEVEL=info}, {@code DB_PASSWORD from secret api-credentials key password}, ... */
  @Override
  public String toString() {
    return switch (source()) {
      case LITERAL -> name() + "=" + value();
      case CONFIG_MAP_KEY -> name() + " from configmap " + from().orElseThrow() + " key " + value();
      case SECRET_KEY -> name() + " from secret " + from().orElseThrow() + " key " + value();
      case FIELD -> name() + " from field " + value();
      case RESOURCE -> name() + " from " + value() + " of container " + from().orElseThrow();
    };
  }
}
