package dev.mizzen.dsl.container;

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
    return new Builder().volume(volume).mountPath(mountPath);
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

  /** Builds a {@link VolumeMount}. */
  public static final class Builder extends ImmutableVolumeMount.Builder {
    Builder() {}

    /** Mounts read-only. */
    public Builder readOnly() {
      return readOnly(true);
    }
  }
}
