package dev.mizzen.dsl.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Shared helpers of the workload tests. */
final class WorkloadFixtures {
  private WorkloadFixtures() {}

  /** A container named {@code web} with a pinned image. */
  static Container.Builder web() {
    return Container.named("web").image("ghcr.io/acme/web:1.4.2");
  }

  /** JSON written with single quotes, for readability. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** The client-java JSON of {@code object} (null fields left out, empty lists and maps kept). */
  static String serialize(Object object) {
    return JSON.serialize(object);
  }

  /** The problems {@code build} throws, each as {@code object: path: message}; fails if it does not throw. */
  static List<String> problems(Supplier<?> build) {
    InvalidSpecException e = catchThrowableOfType(build::get, InvalidSpecException.class);
    assertThat(e).as("build() should throw InvalidSpecException").isNotNull();
    assertThat(e.getMessage()).startsWith(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  /**
   * The JSON paths of empty lists and maps in the client-java model {@code object}, except
   * empty volume sources such as {@code emptyDir: {}}, which carry meaning.
   */
  static List<String> emptyCollections(Object object) {
    List<String> found = new ArrayList<>();
    walk(JsonParser.parseString(JSON.serialize(object)), "", found);
    return found;
  }

  private static void walk(JsonElement element, String path, List<String> found) {
    if (element.isJsonArray()) {
      if (element.getAsJsonArray().isEmpty()) {
        found.add(path);
      }
      for (int i = 0; i < element.getAsJsonArray().size(); i++) {
        walk(element.getAsJsonArray().get(i), path + "[" + i + "]", found);
      }
    } else if (element.isJsonObject()) {
      if (element.getAsJsonObject().isEmpty() && !path.endsWith(".emptyDir")) {
        found.add(path);
      }
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        walk(entry.getValue(), path + "." + entry.getKey(), found);
      }
    }
  }

  /** Asserts {@code object} has no empty lists or maps, and its YAML round-trips to the same tree. */
  static void assertMinimalAndRoundTrips(KubernetesObject object) {
    assertThat(emptyCollections(object)).as("empty lists or maps in the model").isEmpty();
    List<KubernetesObject> read = Manifests.read(Manifests.yaml(object));
    assertThat(read).hasSize(1);
    assertThat(Manifests.tree(read.get(0))).isEqualTo(Manifests.tree(object));
  }
}
