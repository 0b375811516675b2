package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1KeyToPath;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One key of a ConfigMap or Secret projected as a file ({@code items} of a volume). */
@Value.Immutable(builder = false)
public abstract class VolumeItem {

  /** The key in the ConfigMap or Secret. */
  @Value.Parameter
  public abstract String key();

  /** The relative path of the file in the volume. */
  @Value.Parameter
  public abstract String path();

  /** The file mode (such as {@code 0400}); the volume's default mode when absent. */
  @Value.Parameter
  public abstract OptionalInt mode();

  /** Key {@code key} as the file {@code path}. */
  public static VolumeItem of(String key, String path) {
    return ImmutableVolumeItem.of(key, path, OptionalInt.empty());
  }

  /** This item with file mode {@code mode} (octal literal, such as {@code 0400}). */
  public VolumeItem withMode(int mode) {
    return ImmutableVolumeItem.of(key(), path(), OptionalInt.of(mode));
  }

  /** The client-java model. A fresh object each call. */
  public V1KeyToPath toV1KeyToPath() {
    V1KeyToPath rendered = new V1KeyToPath().key(key()).path(path());
    mode().ifPresent(rendered::setMode);
    return rendered;
  }

  /** The client-java items, or null when there are none. */
  static List<V1KeyToPath> render(List<VolumeItem> items) {
    if (items.isEmpty()) {
      return null;
    }
    List<V1KeyToPath> rendered = new ArrayList<>();
    items.forEach(item -> rendered.add(item.toV1KeyToPath()));
    return rendered;
  }
}
