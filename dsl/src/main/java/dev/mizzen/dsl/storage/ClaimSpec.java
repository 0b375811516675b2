package dev.mizzen.dsl.storage;

import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.scheduling.LabelSelector;
import java.util.List;
import java.util.Optional;

/**
 * The claim fields a {@link PersistentVolumeClaim} and a StatefulSet's
 * {@code VolumeClaimTemplate} share: what storage is asked for, and from where.
 *
 * <pre>{@code
 * .size(Storage.gibibytes(10))                       // required
 * .accessMode(AccessMode.READ_WRITE_ONCE_POD)         // ReadWriteOnce when none is given
 * .storageClass("fast-ssd")                           // absent: the cluster's default class
 * .noStorageClass()                                   // "": only pre-provisioned volumes
 * .volumeMode(VolumeMode.BLOCK)                       // absent: Filesystem
 * .selector(LabelSelector.matching("tier", "gold"))   // volumes to bind to
 * .dataSource(DataSource.snapshot("db-2024-05-01"))   // start from a copy
 * }</pre>
 */
public interface ClaimSpec {

  /** How the volume may be mounted. */
  enum AccessMode {
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

  /** Whether the volume holds a filesystem or is a raw block device. */
  enum VolumeMode {
    /** A formatted filesystem, mounted into containers (the API server's default). */
    FILESYSTEM("Filesystem"),
    /** A raw block device, attached to containers as a device rather than mounted. */
    BLOCK("Block");

    private final String value;

    VolumeMode(String value) {
      this.value = value;
    }

    /** The name the API uses. */
    public String value() {
      return value;
    }
  }

  /** The storage requested ({@code resources.requests.storage}). Required, greater than 0. */
  Optional<Storage> size();

  /** The most storage the volume may grow to ({@code resources.limits.storage}); absent means no limit. */
  Optional<Storage> sizeLimit();

  /** Access modes, in order; {@link AccessMode#READ_WRITE_ONCE} when none are given. */
  List<AccessMode> accessModes();

  /**
   * The StorageClass; absent means the cluster's default class, and the empty string (see
   * {@code noStorageClass()}) means no class: only an existing volume without a class binds,
   * nothing is provisioned dynamically.
   */
  Optional<String> storageClass();

  /** Filesystem or raw block device; absent means {@link VolumeMode#FILESYSTEM}. */
  Optional<VolumeMode> volumeMode();

  /** Labels of the existing PersistentVolumes the claim may bind to; absent means any. */
  Optional<LabelSelector> selector();

  /** What the new volume starts with (a claim or snapshot to copy, a populator); absent means empty. */
  Optional<DataSource> dataSource();
}
