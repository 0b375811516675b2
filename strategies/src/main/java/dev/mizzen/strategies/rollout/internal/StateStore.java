package dev.mizzen.strategies.rollout.internal;

import com.google.common.hash.Hashing;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Preconditions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a {@link RolloutRecord} in a ConfigMap next to the Deployment, named
 * {@code mizzen-rollout-<deployment>} and owned by the Deployment (so deleting the Deployment
 * deletes it). Every write states the resourceVersion it read: a write based on an old read fails
 * with 409 instead of undoing someone else's.
 */
public final class StateStore {
  /** Label on every state ConfigMap, for the engine's informer. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "mizzen-rollouts";
  /** Label naming the Deployment a state ConfigMap belongs to. */
  public static final String DEPLOYMENT_LABEL = "rollouts.mizzen.dev/deployment";

  private final CoreV1Api core;
  private final String namespace;
  private final String name;
  private final String deployment;

  public StateStore(ApiClient client, String namespace, String deployment) {
    this.core = new CoreV1Api(client);
    this.namespace = namespace;
    this.deployment = deployment;
    this.name = objectName(deployment);
  }

  /**
   * The name of the state ConfigMap and the Lease of {@code deployment}: {@code mizzen-rollout-}
   * plus its name, shortened with a hash where that would exceed 253 characters.
   */
  public static String objectName(String deployment) {
    String name = "mizzen-rollout-" + deployment;
    if (name.length() <= 253) {
      return name;
    }
    String hash = Hashing.sha256().hashString(deployment, StandardCharsets.UTF_8).toString().substring(0, 10);
    return name.substring(0, 242) + "-" + hash;
  }

  public String name() {
    return name;
  }

  /** A record as stored, with the resourceVersion to write it back. */
  public record Stored(RolloutRecord record, String resourceVersion) {}

  /** The stored record, read from the API server. */
  public Optional<Stored> read() throws ApiException {
    try {
      return Optional.of(stored(core.readNamespacedConfigMap(name, namespace).execute()));
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The record in {@code configMap} as an informer saw it. */
  public static Stored stored(V1ConfigMap configMap) {
    return new Stored(RolloutRecord.fromData(configMap.getData() == null ? Map.of() : configMap.getData()),
        configMap.getMetadata().getResourceVersion());
  }

  /** Creates the ConfigMap; 409 if one exists already. */
  public Stored create(RolloutRecord record, V1OwnerReference owner) throws ApiException {
    V1ConfigMap created = core.createNamespacedConfigMap(namespace, new V1ConfigMap()
        .metadata(new V1ObjectMeta().name(name).namespace(namespace)
            .putLabelsItem(MANAGED_BY, MANAGER)
            .putLabelsItem(DEPLOYMENT_LABEL, labelValue(deployment))
            .ownerReferences(List.of(owner)))
        .data(record.toData())).execute();
    return stored(created);
  }

  /** Replaces the record read at {@code resourceVersion}; 409 if it changed since. */
  public Stored replace(RolloutRecord record, String resourceVersion) throws ApiException {
    V1ConfigMap current = core.readNamespacedConfigMap(name, namespace).execute();
    current.getMetadata().setResourceVersion(resourceVersion);
    current.setData(record.toData());
    return stored(core.replaceNamespacedConfigMap(name, namespace, current).execute());
  }

  /** Deletes the ConfigMap if it is still at {@code resourceVersion}; absent already is fine. */
  public void delete(String resourceVersion) throws ApiException {
    try {
      core.deleteNamespacedConfigMap(name, namespace)
          .body(new V1DeleteOptions().preconditions(new V1Preconditions().resourceVersion(resourceVersion)))
          .execute();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  /** A Deployment name as a label value (at most 63 characters; longer names are hashed). */
  private static String labelValue(String deployment) {
    return deployment.length() <= 63 ? deployment
        : Hashing.sha256().hashString(deployment, StandardCharsets.UTF_8).toString().substring(0, 63);
  }
}
