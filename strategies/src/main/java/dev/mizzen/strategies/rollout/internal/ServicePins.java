package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.strategies.apply.ApplyRefusals;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.util.PatchUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pins a user's Service to one revision by applying it as the user does (server-side apply, the
 * user's field manager) with {@code pod-template-hash} added to its selector, and releases it by
 * applying it unchanged. The user's own apply, not a manager of the engine's: a Service's
 * selector is an atomic map, so whoever applies a key of it owns all of it, and only the user's
 * manager can give it back exactly as the user applied it.
 */
public final class ServicePins {
  private final ApiClient client;
  private final CoreV1Api core;
  private final String namespace;
  private final String fieldManager;

  public ServicePins(ApiClient client, String namespace, String fieldManager) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.namespace = namespace;
    this.fieldManager = fieldManager;
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

  /** Applies {@code config} with its selector narrowed to revision {@code hash}. */
  public void pin(V1Service config, String hash) throws ApiException {
    Map<String, String> selector = new LinkedHashMap<>(config.getSpec().getSelector());
    selector.put(Gate.POD_TEMPLATE_HASH, hash);
    config.getSpec().setSelector(selector);
    apply(config);
  }

  /** Applies {@code config} as it is: the selector the user applied. */
  public void release(V1Service config) throws ApiException {
    apply(config);
  }

  private void apply(V1Service config) throws ApiException {
    String name = config.getMetadata().getName();
    String body = Manifests.json(config);
    try {
      PatchUtils.patch(V1Service.class, () -> core.patchNamespacedService(name, namespace, new V1Patch(body))
          .fieldManager(fieldManager).force(false).buildCall(null), V1Patch.PATCH_FORMAT_APPLY_YAML, client);
    } catch (ApiException e) {
      throw ApplyRefusals.exception("Service/" + namespace + "/" + name, e);
    }
  }
}
