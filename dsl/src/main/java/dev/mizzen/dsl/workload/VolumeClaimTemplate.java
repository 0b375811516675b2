package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A persistent volume claim a StatefulSet makes for each of its pods; containers mount it by
 * its name like any volume.
 *
 * <pre>{@code
 * VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)).storageClass("standard")
 * }</pre>
 */
@Value.Immutable
public abstract class VolumeClaimTemplate {

  /** Access modes of a claim. */
  public enum AccessMode {
    /** Read-write by the pods of one node. */
    READ_WRITE_ONCE("ReadWriteOnce"),
    /** Read-only by many nodes. */
    READ_ONLY_MANY("ReadOnlyMany"),
    /** Read-write by many nodes. */
    READ_WRITE_MANY("ReadWriteMany"),
    /** Read-write by a single pod; not combinable with other modes. */
    READ_WRITE_ONCE_POD("ReadWriteOncePod");

    private final String value;

    AccessMode(String value) {
      this.value = value;
    }

    /** The name the API uses. */
    public String value() {
      return value;
    }
  }

  /** Starts a claim template named {@code name}, the volume name mounts refer to. */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The claim's name: the name containers mount it by, a DNS-1123 label. */
  public abstract String name();

  /** The storage requested. Required. */
  public abstract Optional<Storage> size();

  /** Access modes, in order; {@link AccessMode#READ_WRITE_ONCE} when none are given. */
  public abstract List<AccessMode> accessModes();

  /** The storage class; absent means the cluster's default class. */
  public abstract Optional<String> storageClass();

  /** Labels on each claim; none by default. */
  public abstract Map<String, String> labels();

  /**
   * Checks the claim as the API server checks the claims the StatefulSet controller creates
   * from it ({@code ValidatePersistentVolumeClaimSpec}); {@code v} is positioned at
   * {@code spec.volumeClaimTemplates[name]}.
   */
  void validate(Validation v) {
    Names.checkDns1123Label(v.field("metadata.name"), name());
    Validation storage = v.field("spec.resources.requests[storage]");
    if (storage.check(size().isPresent(), "a claim needs a size, e.g. size(Storage.gibibytes(10))")) {
      Storage s = size().get();
      storage.check(s.compareTo(Storage.bytes(0)) > 0, "must be greater than 0, was %s", s);
    }
    storageClass().ifPresent(c -> Names.checkDns1123Subdomain(v.field("spec.storageClassName"), c));
    v.field("spec.accessModes").check(!accessModes().contains(AccessMode.READ_WRITE_ONCE_POD)
            || accessModes().stream().allMatch(AccessMode.READ_WRITE_ONCE_POD::equals),
        "may not combine ReadWriteOncePod with other access modes, was %s", modes());
    Metadata.validateLabels(v.field("metadata.labels"), labels());
  }

  /** The access modes as rendered: those given, or ReadWriteOnce. */
  private List<String> modes() {
    List<String> modes = new ArrayList<>();
    (accessModes().isEmpty() ? List.of(AccessMode.READ_WRITE_ONCE) : accessModes())
        .forEach(mode -> modes.add(mode.value()));
    return modes;
  }

  /** The client-java claim, with no empty lists or maps; a fresh object each call. */
  public V1PersistentVolumeClaim toV1() {
    V1ObjectMeta metadata = new V1ObjectMeta().name(name()).labels(null).annotations(null)
        .finalizers(null).managedFields(null).ownerReferences(null);
    if (!labels().isEmpty()) {
      metadata.setLabels(new LinkedHashMap<>(labels()));
    }
    V1PersistentVolumeClaimSpec spec = new V1PersistentVolumeClaimSpec().accessModes(modes());
    storageClass().ifPresent(spec::setStorageClassName);
    size().ifPresent(s -> {
      Map<String, Quantity> requests = new LinkedHashMap<>();
      requests.put("storage", s.toQuantity());
      spec.setResources(new V1VolumeResourceRequirements().limits(null).requests(requests));
    });
    return new V1PersistentVolumeClaim().metadata(metadata).spec(spec);
  }

  /** Builds a {@link VolumeClaimTemplate}. */
  public static final class Builder extends ImmutableVolumeClaimTemplate.Builder {
    Builder() {}

    /** Adds an access mode. */
    public Builder accessMode(AccessMode mode) {
      return addAccessMode(mode);
    }
  }
}
