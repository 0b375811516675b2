package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.strategies.apply.ApplyException;
import dev.mizzen.strategies.apply.ApplyRefusals;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.util.PatchUtils;

/**
 * Server-side apply of one Deployment under the user's field manager: the engine's applies are
 * the user's apply with a few fields held (see {@link Gate}), so the last one leaves exactly the
 * field ownership that applying the Deployment directly leaves.
 */
public final class DeploymentApplier {
  private final ApiClient client;
  private final AppsV1Api apps;
  private final String fieldManager;

  public DeploymentApplier(ApiClient client, String fieldManager) {
    this.client = client;
    this.apps = new AppsV1Api(client);
    this.fieldManager = fieldManager;
  }

  /**
   * Applies {@code deployment}; returns what the server stored (or would store, in a dry run).
   *
   * @throws ApplyException when the server refuses it (status 409 with the conflicting fields)
   * @throws ApiException when the server cannot be reached (status 0)
   */
  public V1Deployment apply(V1Deployment deployment, boolean force, boolean dryRun) throws ApiException {
    String name = deployment.getMetadata().getName();
    String namespace = deployment.getMetadata().getNamespace();
    try {
      return PatchUtils.patch(V1Deployment.class,
          () -> apps.patchNamespacedDeployment(name, namespace, new V1Patch(Manifests.json(deployment)))
              .fieldManager(fieldManager).force(force).dryRun(dryRun ? "All" : null).buildCall(null),
          V1Patch.PATCH_FORMAT_APPLY_YAML, client);
    } catch (ApiException e) {
      throw ApplyRefusals.exception("Deployment/" + namespace + "/" + name, e);
    }
  }
}
