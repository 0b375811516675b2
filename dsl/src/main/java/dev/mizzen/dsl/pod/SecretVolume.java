package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** The entries of a Secret as files ({@code Volume.secret("tls", "shop-tls")}). */
@Value.Immutable
public abstract non-sealed class SecretVolume extends Volume {

  /** The Secret's name. */
  public abstract String secret();

  /** The keys to project and their paths; every key, named after itself, when empty. */
  public abstract List<VolumeItem> items();

  /** The mode of the files (such as {@code 0400}); the API server's default (0644) when absent. */
  public abstract OptionalInt defaultMode();

  /** Whether a missing Secret or key is tolerated; false by default. */
  @Value.Default
  public boolean optional() {
    return false;
  }

  @Override
  public V1Volume toV1Volume() {
    V1SecretVolumeSource source =
        new V1SecretVolumeSource().secretName(secret()).items(VolumeItem.render(items()));
    defaultMode().ifPresent(source::setDefaultMode);
    if (optional()) {
      source.setOptional(true);
    }
    return new V1Volume().name(name()).secret(source);
  }

  /** Builds a {@link SecretVolume}. */
  public static final class Builder extends ImmutableSecretVolume.Builder implements Volume.Buildable {
    Builder() {}

    /** Projects key {@code key} as the file {@code path}. */
    public Builder item(String key, String path) {
      return item(VolumeItem.of(key, path));
    }
  }
}
