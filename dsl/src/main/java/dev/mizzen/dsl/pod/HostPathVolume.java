package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A file or directory of the node ({@code Volume.hostPath("dev", "/dev")}). Pod Security
 * baseline and restricted forbid it, so the pod needs {@code PodOptOut.hostPath(reason)}.
 */
@Value.Immutable
public abstract non-sealed class HostPathVolume extends Volume {

  /** What the path must be on the node. */
  public enum Type {
    /** A directory, created (0755) if missing. */
    DIRECTORY_OR_CREATE("DirectoryOrCreate"),
    /** An existing directory. */
    DIRECTORY("Directory"),
    /** A file, created (0644) if missing. */
    FILE_OR_CREATE("FileOrCreate"),
    /** An existing file. */
    FILE("File"),
    /** An existing UNIX socket. */
    SOCKET("Socket"),
    /** An existing character device. */
    CHAR_DEVICE("CharDevice"),
    /** An existing block device. */
    BLOCK_DEVICE("BlockDevice");

    private final String value;

    Type(String value) {
      this.value = value;
    }

    /** The API value, such as {@code DirectoryOrCreate}. */
    public String value() {
      return value;
    }
  }

  /** The absolute path on the node. */
  public abstract String path();

  /** What the path must be; unchecked when absent. */
  public abstract Optional<Type> type();

  @Override
  public boolean isHostPath() {
    return true;
  }

  @Override
  public V1Volume toV1Volume() {
    V1HostPathVolumeSource source = new V1HostPathVolumeSource().path(path());
    type().ifPresent(t -> source.setType(t.value()));
    return new V1Volume().name(name()).hostPath(source);
  }

  /** Builds a {@link HostPathVolume}. */
  public static final class Builder extends ImmutableHostPathVolume.Builder implements Volume.Buildable {
    Builder() {}
  }
}
