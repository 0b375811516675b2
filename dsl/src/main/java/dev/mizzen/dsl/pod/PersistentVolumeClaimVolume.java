package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import org.immutables.value.Value;

/** A PersistentVolumeClaim in the pod's namespace ({@code Volume.persistentVolumeClaim("data", "data-db-0")}). */
@Value.Immutable
public abstract non-sealed class PersistentVolumeClaimVolume extends Volume {

  /** The claim's name. */
  public abstract String claim();

  /** Whether every mount is forced read-only; false by default. */
  @Value.Default
  public boolean readOnly() {
    return false;
  }

  @Override
  public V1Volume toV1Volume() {
    V1PersistentVolumeClaimVolumeSource source = new V1PersistentVolumeClaimVolumeSource().claimName(claim());
    if (readOnly()) {
      source.setReadOnly(true);
    }
    return new V1Volume().name(name()).persistentVolumeClaim(source);
  }

  /** Builds a {@link PersistentVolumeClaimVolume}. */
  public static final class Builder extends ImmutablePersistentVolumeClaimVolume.Builder
      implements Volume.Buildable {
    Builder() {}

    /** Forces every mount read-only. */
    public Builder readOnly() {
      return readOnly(true);
    }
  }
}
