package dev.mizzen.validation.internal;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * The JSON name of a client-java model field, as its {@code @SerializedName} annotation gives it,
 * but without reading the annotation: parsing the annotations of every field a command touches
 * was about a tenth of a cold {@code mizzen render} or {@code lint} (docs/benchmarks.md). A
 * model's JSON name is its field's name, without the {@code _} that client-java puts before Java
 * keywords ({@code _default}, {@code _continue}), except for the few fields listed here.
 * {@code ModelFieldNamesTest} checks that against the annotations of every model class of the
 * client-java version in use, so an upgrade that breaks the rule fails the build.
 */
public final class ModelFieldNames {
  private static final String MODELS = "io.kubernetes.client.openapi.models.";
  /** Fields whose JSON name is neither their name nor that name without a leading {@code _}. */
  private static final Map<String, String> RENAMED = Map.of(
      "V1DaemonEndpoint.port", "Port",
      "V1JSONSchemaProps.xKubernetesEmbeddedResource", "x-kubernetes-embedded-resource",
      "V1JSONSchemaProps.xKubernetesIntOrString", "x-kubernetes-int-or-string",
      "V1JSONSchemaProps.xKubernetesListMapKeys", "x-kubernetes-list-map-keys",
      "V1JSONSchemaProps.xKubernetesListType", "x-kubernetes-list-type",
      "V1JSONSchemaProps.xKubernetesMapType", "x-kubernetes-map-type",
      "V1JSONSchemaProps.xKubernetesPreserveUnknownFields", "x-kubernetes-preserve-unknown-fields",
      "V1JSONSchemaProps.xKubernetesValidations", "x-kubernetes-validations");

  private ModelFieldNames() {}

  /**
   * The JSON name of an instance field, or null when it is not serialised. Every instance field of
   * a client-java model ({@code io.kubernetes.client.openapi.models}) is; any other class's
   * field is named by its {@code @SerializedName}, if it has one.
   */
  public static String jsonName(Field field) {
    String type = field.getDeclaringClass().getName();
    if (isModel(field.getDeclaringClass())) {
      String name = field.getName();
      String renamed = RENAMED.get(type.substring(MODELS.length()) + "." + name);
      if (renamed != null) {
        return renamed;
      }
      return name.startsWith("_") ? name.substring(1) : name;
    }
    SerializedName serialized = field.getAnnotation(SerializedName.class);
    return serialized == null ? null : serialized.value();
  }

  /**
   * Whether {@code type} is a client-java model class: one in the models package, not one of the
   * fluent builders generated next to them ({@code V1PodBuilder}, {@code V1PodFluent}), whose
   * fields are not serialised.
   */
  static boolean isModel(Class<?> type) {
    return isModelClassName(type.getName());
  }

  static boolean isModelClassName(String name) {
    return name.startsWith(MODELS)
        && name.indexOf('.', MODELS.length()) < 0
        && name.indexOf('$') < 0
        && !name.endsWith("Builder")
        && !name.endsWith("Fluent")
        && !name.equals(MODELS + "AbstractOpenApiSchema");
  }
}
