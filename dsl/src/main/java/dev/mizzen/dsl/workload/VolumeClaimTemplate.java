package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Claims;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.storage.ClaimSpec;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.util.LinkedHashMap;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A persistent volume claim a StatefulSet makes for each of its pods; containers mount it by
 * its name like any volume. Its claim fields are those of a {@code PersistentVolumeClaim}
 * ({@link ClaimSpec}).
 *
 * <pre>{@code
 * VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)).storageClass("standard")
 * }</pre>
 */
@Value.Immutable
public abstract class VolumeClaimTemplate implements ClaimSpec {

  /** Starts a claim template named {@code name}, the volume name mounts refer to. */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The claim's name: the name containers mount it by, a DNS-1123 label. */
  public abstract String name();

  /** Labels on each claim; none by default. */
  public abstract Map<String, String> labels();

  /**
   * Checks the claim as the API server checks the claims the StatefulSet controller creates
   * from it ({@code ValidatePersistentVolumeClaimSpec}); {@code v} is positioned at
   * {@code spec.volumeClaimTemplates[name]}.
   */
  void validate(Validation v) {
    Names.checkDns1123Label(v.field("metadata.name"), name());
    Claims.validate(v.field("spec"), this);
    Metadata.validateLabels(v.field("metadata.labels"), labels());
  }

  /** The client-java claim, with no empty lists or maps; a fresh object each call. */
  public V1PersistentVolumeClaim toV1() {
    V1ObjectMeta metadata = new V1ObjectMeta().name(name()).labels(null).annotations(null)
        .finalizers(null).managedFields(null).ownerReferences(null);
    if (!labels().isEmpty()) {
      metadata.setLabels(new LinkedHashMap<>(labels()));
    }
    return new V1PersistentVolumeClaim().metadata(metadata).spec(Claims.render(this));
  }

  /** Builds a {@link VolumeClaimTemplate}. */
  public static final class Builder extends ImmutableVolumeClaimTemplate.Builder {
    Builder() {}

    /**
     * No StorageClass ({@code storageClassName: ""}): binds only an existing volume that has no
     * class, and nothing is provisioned. Leaving the class out instead means the default class.
     */
    public Builder noStorageClass() {
      return storageClass("");
    }
  }
}
