package dev.mizzen.dsl.render;

import com.google.common.collect.ImmutableList;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders client-java objects to deterministic manifests and reads them back.
 *
 * <p>YAML is one document per object separated by {@code ---}, keys in conventional order
 * ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}), no null or empty fields.
 * JSON is a single object, or a {@code v1 List} for several; {@link #treeJson} writes any plain
 * tree the same way. Same input, same bytes.
 */
public final class Manifests {
  private Manifests() {}

  /** Multi-document YAML of {@code objects}, in order. */
  public static String yaml(List<? extends KubernetesObject> objects) {
    StringBuilder out = new StringBuilder(objects.size() * 1024);
    YamlWriter writer = new YamlWriter(out);
    boolean first = true;
    for (KubernetesObject object : objects) {
      if (!first) {
        out.append("---\n");
      }
      first = false;
      writer.document(ObjectTree.of(object));
    }
    return out.toString();
  }

  /** YAML of one object. */
  public static String yaml(KubernetesObject object) {
    return yaml(List.of(object));
  }

  /** JSON of one object. */
  public static String json(KubernetesObject object) {
    return treeJson(ObjectTree.of(object));
  }

  /** JSON of several objects, as a {@code v1 List} (the form {@code kubectl apply -f} reads). */
  public static String json(List<? extends KubernetesObject> objects) {
    List<Object> items = new ArrayList<>(objects.size());
    for (KubernetesObject object : objects) {
      items.add(ObjectTree.of(object));
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", items);
    return treeJson(list);
  }

  /**
   * JSON of a plain tree ({@code Map}, {@code List}, {@code String}, {@code Number},
   * {@code Boolean}, {@code null}), written as the manifests are: one entry per line, two-space
   * indentation, keys in the maps' order, a final newline. {@code treeJson(tree(object))} is
   * {@code json(object)}.
   *
   * @throws IllegalArgumentException if the tree holds anything else (such as a client-java
   *     object: {@link #tree} turns one into a tree) or a number that is not finite
   */
  public static String treeJson(Object tree) {
    return treeJson(tree, Integer.MAX_VALUE);
  }

  /**
   * JSON of a plain tree, as {@link #treeJson(Object)}, but with the maps and lists nested
   * {@code expandedLevels} deep or deeper written on one line ({@code {"a": 1, "b": [2, 3]}}):
   * {@code treeJson(list, 1)} writes one item per line, {@code treeJson(tree, 0)} everything on
   * one line.
   */
  public static String treeJson(Object tree, int expandedLevels) {
    if (expandedLevels < 0) {
      throw new IllegalArgumentException("expandedLevels must be 0 or more, was " + expandedLevels);
    }
    StringBuilder out = new StringBuilder(1024);
    new JsonWriter(out, expandedLevels).value(tree, 0);
    return out.append('\n').toString();
  }

  /**
   * The plain tree of {@code object} ({@code Map}, {@code List}, {@code String}, {@code Number},
   * {@code Boolean}), as written to YAML and JSON: useful to compare manifests by field path.
   */
  public static Map<String, Object> tree(KubernetesObject object) {
    return ObjectTree.of(object);
  }

  /**
   * Reads multi-document YAML back into client-java objects (by {@code apiVersion} and
   * {@code kind}), using client-java's own {@link Yaml} reader.
   */
  public static ImmutableList<KubernetesObject> read(String yaml) {
    try {
      ImmutableList.Builder<KubernetesObject> objects = ImmutableList.builder();
      for (Object object : Yaml.loadAll(yaml)) {
        if (object instanceof KubernetesObject kubernetesObject) {
          objects.add(kubernetesObject);
        } else if (object != null) {
          throw new IllegalArgumentException("not a Kubernetes object: " + object.getClass().getName());
        }
      }
      return objects.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
