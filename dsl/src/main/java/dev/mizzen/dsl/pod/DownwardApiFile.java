package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A file of a downward API volume (or projection): a field of the pod, or a resource of one of
 * its containers.
 *
 * <pre>{@code
 * DownwardApiFile.field("labels", "metadata.labels")
 * DownwardApiFile.resource("mem_limit", "web", "limits.memory")
 * }</pre>
 */
@Value.Immutable(builder = false)
public abstract class DownwardApiFile {

  /** The relative path of the file in the volume. */
  @Value.Parameter
  public abstract String path();

  /** The pod field, for field files. */
  @Value.Parameter
  public abstract Optional<String> fieldPath();

  /** The container, for resource files. */
  @Value.Parameter
  public abstract Optional<String> container();

  /** The resource ({@code limits.memory}), for resource files. */
  @Value.Parameter
  public abstract Optional<String> resource();

  /** The file mode; the volume's default mode when absent. */
  @Value.Parameter
  public abstract OptionalInt mode();

  /** The pod field {@code fieldPath} ({@code metadata.labels}, {@code metadata.annotations['x']}) as {@code path}. */
  public static DownwardApiFile field(String path, String fieldPath) {
    return ImmutableDownwardApiFile.of(path, Optional.of(fieldPath), Optional.empty(), Optional.empty(),
        OptionalInt.empty());
  }

  /** {@code resource} ({@code limits.memory}) of container {@code container} as {@code path}. */
  public static DownwardApiFile resource(String path, String container, String resource) {
    return ImmutableDownwardApiFile.of(path, Optional.empty(), Optional.of(container), Optional.of(resource),
        OptionalInt.empty());
  }

  /** This file with mode {@code mode} (octal literal, such as {@code 0444}). */
  public DownwardApiFile withMode(int mode) {
    return ImmutableDownwardApiFile.of(path(), fieldPath(), container(), resource(), OptionalInt.of(mode));
  }

  /** The client-java model. A fresh object each call. */
  public V1DownwardAPIVolumeFile toV1DownwardAPIVolumeFile() {
    V1DownwardAPIVolumeFile rendered = new V1DownwardAPIVolumeFile().path(path());
    fieldPath().ifPresent(f -> rendered.setFieldRef(new V1ObjectFieldSelector().fieldPath(f)));
    resource().ifPresent(r -> rendered.setResourceFieldRef(
        new V1ResourceFieldSelector().containerName(container().orElseThrow()).resource(r)));
    mode().ifPresent(rendered::setMode);
    return rendered;
  }

  static List<V1DownwardAPIVolumeFile> render(List<DownwardApiFile> files) {
    if (files.isEmpty()) {
      return null;
    }
    List<V1DownwardAPIVolumeFile> rendered = new ArrayList<>();
    files.forEach(file -> rendered.add(file.toV1DownwardAPIVolumeFile()));
    return rendered;
  }
}
