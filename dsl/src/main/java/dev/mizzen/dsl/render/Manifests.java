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
 * JSON is a single object, or a {@code v1 List} for several. Same input, same bytes.
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
    StringBuilder out = new StringBuilder(1024);
    new JsonWriter(out).value(ObjectTree.of(object), 0);
    return out.append('\n').toString();
  }

  /** JSON of several objects, as a {@code v1 List} (the form {@code kubectl apply -f} reads). */
  public static String json(List<? extends KubernetesObject> objects) {
    List<Object> items = new ArrayList<>(objects.size());
    for (KubernetesObject object : objects) {
      items.add(ObjectTree.of(object));
    }
    StringBuilder out = new StringBuilder(objects.size() * 1024);
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", items);
    new JsonWriter(out).value(list, 0);
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
