package dev.mizzen.dsl.pod;

import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;

/**
 * A volume of a pod, mounted by name into its containers ({@code Container.Builder.mount}).
 *
 * <pre>{@code
 * Volume.emptyDir("tmp")
 * Volume.emptyDir("cache").inMemory(true).sizeLimit(Storage.mebibytes(64))
 * Volume.configMap("config", "web-config").item(VolumeItem.of("app.yaml", "app.yaml"))
 * Volume.secret("tls", "shop-tls").defaultMode(0400)
 * Volume.persistentVolumeClaim("uploads", uploads)    // a PersistentVolumeClaim of the app
 * Volume.persistentVolumeClaim("data", "data-db-0")   // a claim by name
 * Volume.projected("token", ProjectedSource.serviceAccountToken("token", "vault", Duration.ofHours(1)))
 * Volume.downwardApi("podinfo", DownwardApiFile.field("labels", "metadata.labels"))
 * Volume.hostPath("dev", "/dev")    // needs PodOptOut.hostPath(reason)
 * }</pre>
 *
 * <p>Every kind but hostPath is allowed by Pod Security "restricted". Validated at
 * {@code spec.volumes[<name>]}: the name (a DNS-1123 label, unique in the pod) and the source.
 */
public abstract sealed class Volume permits ConfigMapVolume, DownwardApiVolume, EmptyDirVolume, HostPathVolume,
    PersistentVolumeClaimVolume, ProjectedVolume, SecretVolume {

  /** The name containers mount it by: a DNS-1123 label, unique in the pod. */
  public abstract String name();

  /** The client-java model. A fresh object each call. */
  public abstract V1Volume toV1Volume();

  /** Whether this is a hostPath volume, which needs {@code PodOptOut.hostPath(reason)}. */
  public boolean isHostPath() {
    return false;
  }

  /** Anything that builds a volume: every volume kind's builder. */
  public interface Buildable {
    /** The volume. */
    Volume build();
  }

  /** A scratch directory that lives as long as the pod. */
  public static EmptyDirVolume.Builder emptyDir(String name) {
    return new EmptyDirVolume.Builder().name(name);
  }

  /** The entries of ConfigMap {@code configMap} as files. */
  public static ConfigMapVolume.Builder configMap(String name, String configMap) {
    return new ConfigMapVolume.Builder().name(name).configMap(configMap);
  }

  /** The entries of Secret {@code secret} as files. */
  public static SecretVolume.Builder secret(String name, String secret) {
    return new SecretVolume.Builder().name(name).secret(secret);
  }

  /** The PersistentVolumeClaim named {@code claim}, in the pod's namespace. */
  public static PersistentVolumeClaimVolume.Builder persistentVolumeClaim(String name, String claim) {
    return new PersistentVolumeClaimVolume.Builder().name(name).claim(claim);
  }

  /**
   * The PersistentVolumeClaim {@code claim}, which must be in the pod's namespace ({@code App.build()}
   * checks it).
   */
  public static PersistentVolumeClaimVolume.Builder persistentVolumeClaim(String name, PersistentVolumeClaim claim) {
    return new PersistentVolumeClaimVolume.Builder().name(name).claim(claim.name())
        .declaredClaim(claim);
  }

  /** Several sources (ConfigMaps, Secrets, downward API, service account tokens) in one directory. */
  public static ProjectedVolume.Builder projected(String name, ProjectedSource... sources) {
    return new ProjectedVolume.Builder().name(name).sources(List.of(sources));
  }

  /** Fields of the pod and resources of its containers as files. */
  public static DownwardApiVolume.Builder downwardApi(String name, DownwardApiFile... files) {
    return new DownwardApiVolume.Builder().name(name).files(List.of(files));
  }

  /** A file or directory of the node; needs {@code PodOptOut.hostPath(reason)}. */
  public static HostPathVolume.Builder hostPath(String name, String path) {
    return new HostPathVolume.Builder().name(name).path(path);
  }
}
