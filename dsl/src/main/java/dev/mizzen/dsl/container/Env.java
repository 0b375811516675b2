package dev.mizzen.dsl.container;

import dev.mizzen.dsl.config.ConfigMap;

/**
 * An entry of a container's environment: one variable ({@link EnvVar}) or every entry of a
 * ConfigMap or Secret ({@link EnvFrom}). {@code Container.Builder.env(...)} takes both.
 *
 * <pre>{@code
 * .env(Env.literal("LOG_LEVEL", "info"),
 *      Env.fromSecret("DB_PASSWORD", "api-credentials", "password"),
 *      Env.fieldRef("POD_NAME", "metadata.name"),
 *      Env.allFrom("web-config"))
 * }</pre>
 */
public sealed interface Env permits EnvVar, EnvFrom {

  /** {@code name=value}. */
  static EnvVar literal(String name, String value) {
    return EnvVar.literal(name, value);
  }

  /** {@code name} set to key {@code key} of ConfigMap {@code configMap}. */
  static EnvVar fromConfigMap(String name, String configMap, String key) {
    return EnvVar.fromConfigMap(name, configMap, key);
  }

  /** {@code name} set to key {@code key} of Secret {@code secret}. */
  static EnvVar fromSecret(String name, String secret, String key) {
    return EnvVar.fromSecret(name, secret, key);
  }

  /** {@code name} set to a field of the pod ({@code metadata.name}, {@code status.podIP}, ...). */
  static EnvVar fieldRef(String name, String fieldPath) {
    return EnvVar.fieldRef(name, fieldPath);
  }

  /** {@code name} set to a resource of a container of the pod ({@code limits.memory}, ...). */
  static EnvVar resourceField(String name, String container, String resource) {
    return EnvVar.resourceField(name, container, resource);
  }

  /** Every entry of ConfigMap {@code configMap}. */
  static EnvFrom allFrom(String configMap) {
    return EnvFrom.configMap(configMap);
  }

  /** Every entry of {@code configMap}. */
  static EnvFrom allFrom(ConfigMap configMap) {
    return EnvFrom.configMap(configMap.name());
  }

  /** Every entry of Secret {@code secret}. */
  static EnvFrom allFromSecret(String secret) {
    return EnvFrom.secret(secret);
  }
}
