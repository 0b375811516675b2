package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** The entries of a ConfigMap as files ({@code Volume.configMap("config", "web-config")}). */
@Value.Immutable
public abstract non-sealed class ConfigMapVolume extends Volume {

  /** The ConfigMap's name. */
  public abstract String configMap();

  /** The keys to project and their paths; every key, named after itself, when empty. */
  public abstract List<VolumeItem> items();

  /** The mode of the files (such as {@code 0444}); the API server's default (0644) when absent. */
  public abstract OptionalInt defaultMode();

  /** Whether a missing ConfigMap or key is tolerated; false by default. */
  @Value.Default
  public boolean optional() {
    return false;
  }

  @Override
  public V1Volume toV1Volume() {
    V1ConfigMapVolumeSource source = new V1ConfigMapVolumeSource().name(configMap()).items(VolumeItem.render(items()));
    defaultMode().ifPresent(source::setDefaultMode);
    if (optional()) {
      source.setOptional(true);
    }
    return new V1Volume().name(name()).configMap(source);
  }

  /** Builds a {@link ConfigMapVolume}. */
  public static final class Builder extends ImmutableConfigMapVolume.Builder implements Volume.Buildable {
    Builder() {}

    /** Projects key {@code key} as the file {@code path}. */
    public Builder item(String key, String path) {
      return item(VolumeItem.of(key, path));
    }
  }
}
