package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.storage.ClaimSpec;
import dev.mizzen.dsl.storage.ClaimSpec.AccessMode;
import dev.mizzen.dsl.storage.DataSource;
import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and renders a {@link ClaimSpec}: of a PersistentVolumeClaim, or of a StatefulSet's
 * claim template, as the API server's {@code ValidatePersistentVolumeClaimSpec} does.
 */
public final class Claims {
  private static final String CORE_KIND = "PersistentVolumeClaim";

  private Claims() {}

  /** Checks {@code claim}; {@code spec} is positioned at the claim's {@code spec}. */
  public static void validate(Validation spec, ClaimSpec claim) {
    Validation storage = spec.field("resources.requests").key("storage");
    if (storage.check(claim.size().isPresent(), "a claim needs a size, e.g. size(Storage.gibibytes(10))")) {
      Storage size = claim.size().get();
      storage.check(size.compareTo(Storage.bytes(0)) > 0, "must be greater than 0, was %s", size);
    }
    claim.sizeLimit().ifPresent(limit -> {
      Validation at = spec.field("resources.limits").key("storage");
      if (at.check(limit.compareTo(Storage.bytes(0)) > 0, "must be greater than 0, was %s", limit)) {
        claim.size().ifPresent(size -> at.check(limit.compareTo(size) >= 0,
            "must be at least the size requested (%s), was %s", size, limit));
      }
    });
    // "" is allowed: it asks for no class, so that no volume is provisioned dynamically.
    claim.storageClass().filter(c -> !c.isEmpty())
        .ifPresent(c -> Names.checkDns1123Subdomain(spec.field("storageClassName"), c));
    List<AccessMode> modes = claim.accessModes();
    spec.field("accessModes").check(!modes.contains(AccessMode.READ_WRITE_ONCE_POD)
            || modes.stream().allMatch(AccessMode.READ_WRITE_ONCE_POD::equals),
        "may not use ReadWriteOncePod with other access modes, was %s", accessModes(claim));
    claim.selector().ifPresent(s -> PlacementChecks.validate(spec.field("selector"), s));
    claim.dataSource().ifPresent(source -> validate(spec.field("dataSourceRef"), source));
  }

  private static void validate(Validation v, DataSource source) {
    Names.checkDns1123Subdomain(v.field("name"), source.name());
    if (!v.field("kind").check(!source.kind().isEmpty(), "must not be empty")) {
      return;
    }
    if (source.apiGroup().filter(g -> !g.isEmpty()).isEmpty()) {
      v.field("kind").check(source.kind().equals(CORE_KIND),
          "must be 'PersistentVolumeClaim' when referencing the default apiGroup, was '%s'", source.kind());
    } else {
      Names.checkDns1123Subdomain(v.field("apiGroup"), source.apiGroup().get());
    }
  }

  /** The access modes as rendered: those given, or ReadWriteOnce. */
  public static List<String> accessModes(ClaimSpec claim) {
    List<String> modes = new ArrayList<>();
    (claim.accessModes().isEmpty() ? List.of(AccessMode.READ_WRITE_ONCE) : claim.accessModes())
        .forEach(mode -> modes.add(mode.value()));
    return modes;
  }

  /** The client-java claim spec, with no empty lists or maps; a fresh object each call. */
  public static V1PersistentVolumeClaimSpec render(ClaimSpec claim) {
    V1PersistentVolumeClaimSpec spec = new V1PersistentVolumeClaimSpec().accessModes(accessModes(claim));
    claim.storageClass().ifPresent(spec::setStorageClassName);
    claim.volumeMode().ifPresent(mode -> spec.setVolumeMode(mode.value()));
    if (claim.size().isPresent() || claim.sizeLimit().isPresent()) {
      V1VolumeResourceRequirements resources = new V1VolumeResourceRequirements().limits(null).requests(null);
      claim.size().ifPresent(size -> resources.setRequests(storage(size)));
      claim.sizeLimit().ifPresent(limit -> resources.setLimits(storage(limit)));
      spec.setResources(resources);
    }
    claim.selector().ifPresent(selector -> spec.setSelector(selector.toV1LabelSelector()));
    claim.dataSource().ifPresent(source -> {
      spec.setDataSource(source.toV1());
      spec.setDataSourceRef(source.toV1Ref());
    });
    return spec;
  }

  private static Map<String, Quantity> storage(Storage amount) {
    Map<String, Quantity> map = new LinkedHashMap<>();
    map.put("storage", amount.toQuantity());
    return map;
  }
}
