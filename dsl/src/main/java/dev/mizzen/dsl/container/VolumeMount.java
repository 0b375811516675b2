package dev.mizzen.dsl.container;

import dev.mizzen.style.MizzenFacadeStyle;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pod volume mounted into the container.
 *
 * <pre>{@code
 * VolumeMount.of("tmp", "/tmp")
 * VolumeMount.of("config", "/etc/app/app.yaml").subPath("app.yaml").readOnly()
 * }</pre>
 */
@Value.Immutable
@MizzenFacadeStyle
public abstract class VolumeMount {

  /** The name of the pod volume. */
  public abstract String volume();

  /** The absolute path in the container. */
  public abstract String mountPath();

  /** Whether the mount is read-only; false by default. */
  @Value.Default
  public boolean readOnly() {
    return false;
  }

  /** A path inside the volume to mount instead of its root. */
  public abstract Optional<String> subPath();

  /** Mounts volume {@code volume} at {@code mountPath}. */
  public static Builder of(String volume, String mountPath) {
    return new Builder(volume, mountPath);
  }

  /** The client-java model. A fresh object each call. */
  public V1VolumeMount toV1VolumeMount() {
    V1VolumeMount rendered = new V1VolumeMount().name(volume()).mountPath(mountPath());
    if (readOnly()) {
      rendered.setReadOnly(true);
    }
    subPath().ifPresent(rendered::setSubPath);
    return rendered;
  }

  /** Builds a {@link VolumeMount}; volume and path are set by {@link #of}, the rest one spelling each. */
  public static final class Builder {
    private final ImmutableVolumeMount.Builder generated = ImmutableVolumeMount.builder();

    Builder(String volume, String mountPath) {
      generated.volume(volume).mountPath(mountPath);
    }

    /** Mounts read-only. */
    public Builder readOnly() {
      generated.readOnly(true);
      return this;
    }

    /** Mounts {@code subPath} of the volume instead of its root. */
    public Builder subPath(String subPath) {
      generated.subPath(subPath);
      return this;
    }

    /** The mount. */
    public VolumeMount build() {
      return generated.build();
    }
  }
}
