package dev.mizzen.dsl.storage;

import io.kubernetes.client.openapi.models.V1TypedLocalObjectReference;
import io.kubernetes.client.openapi.models.V1TypedObjectReference;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a new claim's volume starts with: a copy of another claim or of a VolumeSnapshot in the
 * same namespace, or the output of a volume populator.
 *
 * <pre>{@code
 * DataSource.claim("db-data")                  // clone a PersistentVolumeClaim
 * DataSource.snapshot("db-data-2024-05-01")    // restore a snapshot.storage.k8s.io VolumeSnapshot
 * DataSource.of("populator.example.com", "SampleData", "seed")
 * }</pre>
 *
 * <p>Rendered as {@code dataSourceRef} and, identical, {@code dataSource}: the form the API
 * server stores either one in.
 */
@Value.Immutable
public abstract class DataSource {
  /** The API group of {@code VolumeSnapshot}. */
  public static final String SNAPSHOT_API_GROUP = "snapshot.storage.k8s.io";

  /** A copy of PersistentVolumeClaim {@code name}, in the same namespace. */
  public static DataSource claim(String name) {
    return ImmutableDataSource.builder().kind("PersistentVolumeClaim").name(name).build();
  }

  /** A copy of VolumeSnapshot {@code name} ({@value #SNAPSHOT_API_GROUP}), in the same namespace. */
  public static DataSource snapshot(String name) {
    return of(SNAPSHOT_API_GROUP, "VolumeSnapshot", name);
  }

  /** Object {@code name} of {@code kind} in {@code apiGroup}: a volume populator's custom resource. */
  public static DataSource of(String apiGroup, String kind, String name) {
    return ImmutableDataSource.builder().apiGroup(apiGroup).kind(kind).name(name).build();
  }

  /** The API group; absent for the core group, whose only allowed kind is PersistentVolumeClaim. */
  public abstract Optional<String> apiGroup();

  /** The kind: {@code PersistentVolumeClaim}, {@code VolumeSnapshot}, or a populator's. */
  public abstract String kind();

  /** The object's name, in the claim's namespace. */
  public abstract String name();

  /** As {@code spec.dataSourceRef}. A fresh object each call. */
  public V1TypedObjectReference toV1Ref() {
    return new V1TypedObjectReference().apiGroup(apiGroup().orElse(null)).kind(kind()).name(name());
  }

  /** As {@code spec.dataSource}. A fresh object each call. */
  public V1TypedLocalObjectReference toV1() {
    return new V1TypedLocalObjectReference().apiGroup(apiGroup().orElse(null)).kind(kind()).name(name());
  }

  @Override
  public String toString() {
    return apiGroup().map(g -> kind() + "." + g).orElse(kind()) + "/" + name();
  }
}
