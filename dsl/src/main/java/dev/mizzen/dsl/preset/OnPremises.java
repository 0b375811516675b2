package dev.mizzen.dsl.preset;

import static java.util.Objects.requireNonNull;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.dsl.workload.VolumeClaimTemplate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Objects for a cluster of one's own, where no cloud provider hands out load balancers and
 * disks: MetalLB gives LoadBalancer Services their addresses, Rook/Ceph provisions volumes, and
 * Prometheus finds what to scrape by annotations. Immutable; made by {@link Presets#onPremises()}.
 *
 * <pre>{@code
 * OnPremises onPrem = Presets.onPremises();                       // storage class rook-ceph-block
 * Service edge = onPrem.loadBalancer("edge", "public").selecting("web").port(443, "https").build();
 * StatefulSet db = onPrem.database("db", Storage.gibibytes(20))   // 1 replica, claim template "data"
 *     .pod(PodTemplate.container(Container.named("db").image("postgres:16.4")
 *         .mount("data", "/var/lib/postgresql/data")))
 *     .build();
 * PersistentVolumeClaim dumps = onPrem.backupClaim("db-backups", Storage.gibibytes(50)).build();
 * CronJob backup = onPrem.backup("db", "0 2 * * *")
 *     .pod(onPrem.backupPod(Container.named("dump").image("postgres:16.4").command("sh", "-c", "pg_dump ..."), dumps))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class OnPremises {
  /** The Service annotation naming the MetalLB address pool, since MetalLB 0.14.9. */
  public static final String METALLB_ADDRESS_POOL = "metallb.io/address-pool";
  /**
   * The same annotation as MetalLB before 0.14.9 reads it. Later versions still honour it, with a
   * deprecation warning, and prefer {@value #METALLB_ADDRESS_POOL} when both are set.
   */
  public static final String LEGACY_METALLB_ADDRESS_POOL = "metallb.universe.tf/address-pool";
  /** The StorageClass of Rook's Ceph block pool (RBD), as Rook's examples name it. */
  public static final String ROOK_CEPH_BLOCK = "rook-ceph-block";
  /** Whether Prometheus scrapes the pod (the community chart's {@code kubernetes-pods} job). */
  public static final String PROMETHEUS_SCRAPE = "prometheus.io/scrape";
  /** The port Prometheus scrapes. */
  public static final String PROMETHEUS_PORT = "prometheus.io/port";
  /** The path Prometheus scrapes; {@code /metrics} when absent. */
  public static final String PROMETHEUS_PATH = "prometheus.io/path";
  /** The claim template of {@link #database(String, Storage)}, which its container mounts. */
  public static final String DATA = "data";
  /** The volume of {@link #backupPod(Container.Builder, PersistentVolumeClaim)}. */
  public static final String BACKUPS = "backups";
  /** Where the backup container finds the backup volume. */
  public static final String BACKUP_PATH = "/backups";

  /** The StorageClass of its volumes; {@value #ROOK_CEPH_BLOCK} unless told otherwise. */
  @Value.Default
  public String storageClass() {
    return ROOK_CEPH_BLOCK;
  }

  /**
   * Whether address pools are named with {@value #LEGACY_METALLB_ADDRESS_POOL}, for MetalLB
   * before 0.14.9; false (the default): with {@value #METALLB_ADDRESS_POOL}.
   */
  @Value.Default
  public boolean legacyMetalLbAnnotation() {
    return false;
  }

  /** The same, with volumes from {@code storageClass} instead of {@value #ROOK_CEPH_BLOCK}. */
  public OnPremises storageClass(String storageClass) {
    return ((ImmutableOnPremises) this).withStorageClass(storageClass);
  }

  /**
   * The same, naming address pools with {@value #LEGACY_METALLB_ADDRESS_POOL}, for MetalLB
   * before 0.14.9 (which does not read {@value #METALLB_ADDRESS_POOL}).
   */
  public OnPremises legacyMetalLb() {
    return ((ImmutableOnPremises) this).withLegacyMetalLbAnnotation(true);
  }

  /**
   * A LoadBalancer Service named {@code name} whose external address comes from the MetalLB
   * address pool {@code addressPool} (an {@code IPAddressPool} in MetalLB's namespace); add its
   * selector and ports.
   */
  public Service.Builder loadBalancer(String name, String addressPool) {
    return Service.loadBalancer(name)
        .annotation(legacyMetalLbAnnotation() ? LEGACY_METALLB_ADDRESS_POOL : METALLB_ADDRESS_POOL, addressPool);
  }

  /**
   * A database StatefulSet named {@code name}: one replica, governed by the Service {@code name}
   * (see {@link #databaseService}), each pod with a claim {@value #DATA} of {@code size} from the
   * storage class (ReadWriteOnce: a Ceph block volume is one node's at a time). Add the pod, whose
   * container mounts {@value #DATA}.
   */
  public StatefulSet.Builder database(String name, Storage size) {
    return StatefulSet.named(name)
        .serviceName(name)
        .replicas(1)
        .volumeClaimTemplate(VolumeClaimTemplate.named(DATA).size(size).storageClass(storageClass()));
  }

  /** The headless Service {@code name} that governs the database: each pod gets its DNS name. */
  public Service.Builder databaseService(String name, int port, String portName) {
    return Service.headless(name).selecting(name).port(port, portName);
  }

  /** A claim named {@code name} of {@code size} from the storage class, for backups. */
  public PersistentVolumeClaim.Builder backupClaim(String name, Storage size) {
    return PersistentVolumeClaim.named(name).size(size).storageClass(storageClass());
  }

  /**
   * A CronJob named {@code <database>-backup} on {@code schedule}: never two runs at once
   * ({@code Forbid}), a run missed by more than an hour skipped rather than started late, 2
   * retries, finished Jobs deleted after a day. Its pods are a component of their own, so the
   * database's Service never selects them. Add the pod: {@link #backupPod}.
   */
  public CronJob.Builder backup(String database, String schedule) {
    return CronJob.named(database + "-backup")
        .schedule(schedule)
        .concurrencyPolicy(CronJob.ConcurrencyPolicy.FORBID)
        .startingDeadline(Duration.ofHours(1))
        .backoffLimit(2)
        .ttlAfterFinished(Duration.ofDays(1));
  }

  /**
   * The pod of a backup: {@code dump} (which writes to {@value #BACKUP_PATH}) with {@code claim}
   * mounted there, restarted on failure. Add the pod's security context (the user the image runs
   * as) and anything else it needs.
   */
  public PodTemplate.Builder backupPod(Container.Builder dump, PersistentVolumeClaim claim) {
    return PodTemplate.container(dump.mount(BACKUPS, BACKUP_PATH))
        .restartPolicy(RestartPolicy.ON_FAILURE)
        .volume(Volume.persistentVolumeClaim(BACKUPS, claim));
  }

  /**
   * The pod annotations that have Prometheus scrape {@code path} on {@code port}, for a pod
   * template's {@code putAllAnnotations(...)}. They are a convention of the Prometheus community
   * Helm chart's {@code kubernetes-pods} job, not of Prometheus itself: with the Prometheus
   * Operator, use a PodMonitor.
   */
  public static Map<String, String> scrapeAnnotations(int port, String path) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the scrape port must be 1..65535, was " + port);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(PROMETHEUS_SCRAPE, "true");
    annotations.put(PROMETHEUS_PORT, String.valueOf(port));
    annotations.put(PROMETHEUS_PATH, requireNonNull(path, "path"));
    return Collections.unmodifiableMap(annotations);
  }

  /** {@link #scrapeAnnotations(int, String)} of {@code /metrics}. */
  public static Map<String, String> scrapeAnnotations(int port) {
    return scrapeAnnotations(port, "/metrics");
  }

  @Override
  public String toString() {
    return "on premises: volumes of " + storageClass() + ", address pools by "
        + (legacyMetalLbAnnotation() ? LEGACY_METALLB_ADDRESS_POOL : METALLB_ADDRESS_POOL);
  }
}
