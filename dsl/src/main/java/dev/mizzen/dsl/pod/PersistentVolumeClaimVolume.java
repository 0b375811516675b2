package dev.mizzen.dsl.pod;

import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A PersistentVolumeClaim in the pod's namespace: {@code Volume.persistentVolumeClaim("data", claim)}
 * for a claim of the app, {@code Volume.persistentVolumeClaim("data", "data-db-0")} for one by name.
 */
@Value.Immutable
public abstract non-sealed class PersistentVolumeClaimVolume extends Volume {

  /** The claim's name. */
  public abstract String claim();

  /**
   * The claim this volume was made from ({@code Volume.persistentVolumeClaim(name, claim)});
   * absent when made from a claim's name. A pod mounts claims of its own namespace only, which
   * {@code App.build()} checks for such a claim. Not part of equality.
   */
  @Value.Auxiliary
  public abstract Optional<PersistentVolumeClaim> declaredClaim();

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
  }
}
