package dev.mizzen.dsl.pod;

import dev.mizzen.dsl.resources.Storage;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.Optional;
import org.immutables.value.Value;

/** A scratch directory that lives as long as the pod ({@code Volume.emptyDir("tmp")}). */
@Value.Immutable
public abstract non-sealed class EmptyDirVolume extends Volume {

  /** Whether it is a tmpfs (counted against the container's memory); false (node disk) by default. */
  @Value.Default
  public boolean inMemory() {
    return false;
  }

  /** The most it may hold before the pod is evicted; unlimited when absent. */
  public abstract Optional<Storage> sizeLimit();

  @Override
  public V1Volume toV1Volume() {
    V1EmptyDirVolumeSource source = new V1EmptyDirVolumeSource();
    if (inMemory()) {
      source.setMedium("Memory");
    }
    sizeLimit().ifPresent(limit -> source.setSizeLimit(limit.toQuantity()));
    return new V1Volume().name(name()).emptyDir(source);
  }

  /** Builds an {@link EmptyDirVolume}. */
  public static final class Builder extends ImmutableEmptyDirVolume.Builder implements Volume.Buildable {
    Builder() {}
  }
}
