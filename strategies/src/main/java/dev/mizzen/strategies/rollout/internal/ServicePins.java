package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.strategies.rollout.BlueGreen;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.util.PatchUtils;
import java.util.Map;

/**
 * Pins a user's Service to one revision by adding {@code pod-template-hash} to its selector, with
 * server-side apply under the engine's own field manager, which owns that one key and nothing
 * else; releasing applies nothing under that manager, so the key goes and the selector is what
 * the user applied.
 */
public final class ServicePins {
  private final ApiClient client;
  private final CoreV1Api core;
  private final String namespace;

  public ServicePins(ApiClient client, String namespace) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.namespace = namespace;
  }

  /** The Service, or null if there is none. */
  public V1Service read(String service) throws ApiException {
    try {
      return core.readNamespacedService(service, namespace).execute();
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  /** The revision {@code service} is pinned to, or "" when it is not. */
  public static String pinnedTo(V1Service service) {
    Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
    return selector == null ? "" : selector.getOrDefault(Gate.POD_TEMPLATE_HASH, "");
  }

  public void pin(String service, String hash) throws ApiException {
    apply(service, new V1ServiceSpec().selector(Map.of(Gate.POD_TEMPLATE_HASH, hash)));
  }

  public void release(String service) throws ApiException {
    apply(service, null);
  }

  /** Applies {@code spec} (null: nothing) as everything the engine's manager wants of {@code service}. */
  private void apply(String service, V1ServiceSpec spec) throws ApiException {
    V1Service wanted = new V1Service().apiVersion("v1").kind("Service")
        .metadata(new V1ObjectMeta().name(service).namespace(namespace)).spec(spec);
    String body = Manifests.json(wanted);
    PatchUtils.patch(V1Service.class, () -> core.patchNamespacedService(service, namespace, new V1Patch(body))
        .fieldManager(BlueGreen.FIELD_MANAGER).force(true).buildCall(null), V1Patch.PATCH_FORMAT_APPLY_YAML, client);
  }
}
