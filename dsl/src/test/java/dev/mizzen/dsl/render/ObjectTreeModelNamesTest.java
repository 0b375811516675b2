package dev.mizzen.dsl.render;

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
 * {@link ObjectTree} takes client-java model fields and their JSON names from
 * {@code ModelFieldNames}, without reading their {@code @SerializedName} annotations (for a cold
 * start's sake). This checks, for every model class of the client-java version on the class path,
 * that a tree has exactly the properties the annotations give, in the tree's order (identity
 * first).
 */
class ObjectTreeModelNamesTest {
  private static final List<String> IDENTITY_ORDER = List.of("name", "namespace", "image");

  @Test
  void everyModelClassIsNamedAsItsSerializedNameAnnotationsSay() throws Exception {
    Map<String, String> mismatches = new TreeMap<>();
    int models = 0;
    for (Class<?> type : modelClasses()) {
      List<String> annotated = annotatedNames(type);
      if (annotated.isEmpty()) {
        continue; // the fluent builders and the abstract schema holder: never rendered
      }
      models++;
      List<String> named = ObjectTree.propertyNames(type);
      if (!named.equals(annotated)) {
        mismatches.put(type.getSimpleName(), named + " but annotated " + annotated);
      }
    }
    assertThat(models).as("model classes found").isGreaterThan(500);
    assertThat(mismatches).isEmpty();
  }

  /** The names the annotations give, identity names first, as ObjectTree orders them. */
  private static List<String> annotatedNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        SerializedName serialized = field.getAnnotation(SerializedName.class);
        if (serialized != null && !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
          names.add(serialized.value());
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String identity : IDENTITY_ORDER) {
      if (names.remove(identity)) {
        ordered.add(identity);
      }
    }
    ordered.addAll(names);
    return ordered;
  }

  private static List<Class<?>> modelClasses() throws Exception {
    File jar = new File(V1Pod.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String prefix = V1Pod.class.getPackageName().replace('.', '/') + "/";
    List<Class<?>> classes = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar)) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (name.startsWith(prefix) && name.endsWith(".class") && name.indexOf('/', prefix.length()) < 0) {
          classes.add(Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        }
      }
    }
    return classes;
  }
}
