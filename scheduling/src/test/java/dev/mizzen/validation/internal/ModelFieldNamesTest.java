package dev.mizzen.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelFieldNames} names client-java model fields without reading their annotations. For
 * every class of the models package of the client-java version on the class path, this checks
 * that it gives each instance field exactly its {@code @SerializedName}, and that the classes it
 * does not treat as models have no serialised field.
 */
class ModelFieldNamesTest {

  @Test
  void everyModelFieldIsNamedAsItsAnnotationSays() throws Exception {
    Map<String, String> mismatches = new TreeMap<>();
    int models = 0;
    int fields = 0;
    for (Class<?> type : classesOfTheModelsPackage()) {
      if (!ModelFieldNames.isModel(type)) {
        continue;
      }
      models++;
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
          continue;
        }
        fields++;
        SerializedName serialized = field.getAnnotation(SerializedName.class);
        String expected = serialized == null ? null : serialized.value();
        String named = ModelFieldNames.jsonName(field);
        if (expected == null || !expected.equals(named)) {
          mismatches.put(type.getSimpleName() + "." + field.getName(), named + " but annotated " + expected);
        }
      }
    }
    assertThat(models).as("model classes").isGreaterThan(500);
    assertThat(fields).as("model fields").isGreaterThan(2_000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void theClassesNotTakenForModelsHaveNoSerialisedField() throws Exception {
    List<String> serialised = new ArrayList<>();
    int others = 0;
    for (Class<?> type : classesOfTheModelsPackage()) {
      if (ModelFieldNames.isModel(type)) {
        continue;
      }
      others++;
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(SerializedName.class)) {
          serialised.add(type.getSimpleName() + "." + field.getName());
        }
      }
    }
    assertThat(others).as("the schema holder, and the fluent builders when their jar is there").isPositive();
    assertThat(serialised).isEmpty();
  }

  @Test
  void theFluentBuildersAreNotModels() {
    assertThat(ModelFieldNames.isModelClassName("io.kubernetes.client.openapi.models.V1Pod")).isTrue();
    assertThat(ModelFieldNames.isModelClassName("io.kubernetes.client.openapi.models.V1PodBuilder")).isFalse();
    assertThat(ModelFieldNames.isModelClassName("io.kubernetes.client.openapi.models.V1PodFluent")).isFalse();
    assertThat(ModelFieldNames.isModelClassName("io.kubernetes.client.openapi.models.V1PodFluent$SpecNested")).isFalse();
    assertThat(ModelFieldNames.isModelClassName("io.kubernetes.client.custom.V1Patch")).isFalse();
  }

  @Test
  void aFieldOfAnotherClassIsNamedByItsAnnotation() throws Exception {
    class Custom {
      @SerializedName("x-custom")
      String custom = "1";
      String ignored = "2";
    }
    assertThat(ModelFieldNames.jsonName(Custom.class.getDeclaredField("custom"))).isEqualTo("x-custom");
    assertThat(ModelFieldNames.jsonName(Custom.class.getDeclaredField("ignored"))).isNull();
  }

  /** Every top-level class of client-java's models package, read from its jar. */
  private static List<Class<?>> classesOfTheModelsPackage() throws Exception {
    File jar = new File(V1Pod.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String prefix = V1Pod.class.getPackageName().replace('.', '/') + "/";
    List<Class<?>> classes = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar)) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (name.startsWith(prefix) && name.endsWith(".class") && name.indexOf('/', prefix.length()) < 0
            && name.indexOf('$') < 0) {
          classes.add(Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        }
      }
    }
    return classes;
  }
}
