package dev.mizzen.dsl.container;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.config.Secret;
import java.util.Optional;

/**
 * An entry of a container's environment: one variable ({@link EnvVar}, one value type per
 * source) or every entry of a ConfigMap or Secret ({@link EnvFrom}).
 * {@code Container.Builder.env(...)} takes both.
 *
 * <pre>{@code
 * .env(Env.literal("LOG_LEVEL", "info"),
 *      Env.fromSecret("DB_PASSWORD", "api-credentials", "password"),
 *      Env.fieldRef("POD_NAME", "metadata.name"),
 *      Env.allFromConfigMap("web-config"))
 * }</pre>
 */
public sealed interface Env permits EnvVar, EnvFrom {

  /** {@code name=value}. */
  static EnvVar.Literal literal(String name, String value) {
    return new EnvVar.Literal(name, value);
  }

  /** {@code name} set to key {@code key} of ConfigMap {@code configMap}. */
  static EnvVar.ConfigMapKey fromConfigMap(String name, String configMap, String key) {
    return new EnvVar.ConfigMapKey(name, configMap, key, false);
  }

  /** {@code name} set to key {@code key} of Secret {@code secret}. */
  static EnvVar.SecretKey fromSecret(String name, String secret, String key) {
    return new EnvVar.SecretKey(name, secret, key, false);
  }

  /** {@code name} set to a field of the pod ({@code metadata.name}, {@code status.podIP}, ...). */
  static EnvVar.FieldRef fieldRef(String name, String fieldPath) {
    return new EnvVar.FieldRef(name, fieldPath);
  }

  /** {@code name} set to a resource of a container of the pod ({@code limits.memory}, ...). */
  static EnvVar.ResourceFieldRef resourceField(String name, String container, String resource) {
    return new EnvVar.ResourceFieldRef(name, container, resource);
  }

  /** Every entry of ConfigMap {@code configMap}. */
  static EnvFrom.AllOfConfigMap allFromConfigMap(String configMap) {
    return new EnvFrom.AllOfConfigMap(configMap, Optional.empty(), false);
  }

  /** Every entry of {@code configMap}. */
  static EnvFrom.AllOfConfigMap allFromConfigMap(ConfigMap configMap) {
    return allFromConfigMap(configMap.name());
  }

  /** Every entry of Secret {@code secret}. */
  static EnvFrom.AllOfSecret allFromSecret(String secret) {
    return new EnvFrom.AllOfSecret(secret, Optional.empty(), false);
  }

  /** Every entry of {@code secret}. */
  static EnvFrom.AllOfSecret allFromSecret(Secret secret) {
    return allFromSecret(secret.name());
  }
}
