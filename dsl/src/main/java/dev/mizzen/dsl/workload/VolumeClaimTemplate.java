package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.validation.Names;
import dev.mizzen.validation.Validation;
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
    READ_WRITE_ONCE("ReadWriteOnce"),
    READ_ONLY_MANY("ReadOnlyMany"),
    READ_WRITE_MANY("ReadWriteMany"),
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

  public abstract String name();

  /** The storage requested. Required. */
  public abstract Optional<Storage> size();

  /** Access modes; {@link AccessMode#READ_WRITE_ONCE} when none are given. */
  public abstract List<AccessMode> accessModes();

  /** The storage class; absent means the cluster's default class. */
  public abstract Optional<String> storageClass();

  /** Labels on each claim. */
  public abstract Map<String, String> labels();

  /** Checks the claim, {@code v} positioned at {@code spec.volumeClaimTemplates[name]}. */
  public void validate(Validation v) {
    Names.checkDns1123Label(v.field("metadata.name"), name());
    v.field("spec.resources.requests[storage]").check(size().isPresent(),
        "a claim needs a size, e.g. size(Storage.gibibytes(10))");
    size().ifPresent(s -> v.field("spec.resources.requests[storage]").check(s.compareTo(Storage.bytes(0)) > 0,
        "must be greater than 0, was %s", s));
    storageClass().ifPresent(c -> Names.checkDns1123Subdomain(v.field("spec.storageClassName"), c));
    dev.mizzen.dsl.meta.Metadata.validateLabels(v.field("metadata.labels"), labels());
  }

  /** The client-java claim. */
  public V1PersistentVolumeClaim toV1() {
    V1ObjectMeta metadata = new V1ObjectMeta().name(name());
    if (!labels().isEmpty()) {
      metadata.setLabels(new LinkedHashMap<>(labels()));
    }
    List<String> modes = new ArrayList<>();
    (accessModes().isEmpty() ? List.of(AccessMode.READ_WRITE_ONCE) : accessModes())
        .forEach(mode -> modes.add(mode.value()));
    V1PersistentVolumeClaimSpec spec = new V1PersistentVolumeClaimSpec().accessModes(modes);
    storageClass().ifPresent(spec::setStorageClassName);
    size().ifPresent(s -> {
      Map<String, Quantity> requests = new LinkedHashMap<>();
      requests.put("storage", s.toQuantity());
      spec.setResources(new V1VolumeResourceRequirements().requests(requests));
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
