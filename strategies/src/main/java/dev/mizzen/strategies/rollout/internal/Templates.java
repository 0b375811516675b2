package dev.mizzen.strategies.rollout.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import java.util.List;
import java.util.Optional;

/**
 * Pod templates compared the way the Deployment controller finds a Deployment's ReplicaSet for a
 * template ({@code EqualIgnoreHash}): equal once the {@code pod-template-hash} label is removed.
 * Templates read from the API server carry the server's defaults, so compare stored with stored
 * (a live Deployment, a ReplicaSet, a dry-run answer), never with a template before defaulting.
 */
public final class Templates {
  private Templates() {}

  public static boolean equalIgnoringHash(V1PodTemplateSpec a, V1PodTemplateSpec b) {
    return tree(a).equals(tree(b));
  }

  /** The ReplicaSet among {@code replicaSets} whose template is {@code template}, if any. */
  public static Optional<V1ReplicaSet> replicaSetFor(V1PodTemplateSpec template, List<V1ReplicaSet> replicaSets) {
    JsonElement wanted = tree(template);
    return replicaSets.stream()
        .filter(rs -> rs.getSpec() != null && tree(rs.getSpec().getTemplate()).equals(wanted))
        .findFirst();
  }

  /** The {@code pod-template-hash} label of {@code replicaSet}, or "" without one. */
  public static String hashOf(V1ReplicaSet replicaSet) {
    var labels = replicaSet.getMetadata().getLabels();
    return labels == null ? "" : labels.getOrDefault(Gate.POD_TEMPLATE_HASH, "");
  }

  private static JsonElement tree(V1PodTemplateSpec template) {
    JsonElement tree = JSON.getGson().toJsonTree(template == null ? new V1PodTemplateSpec() : template);
    JsonObject metadata = tree.getAsJsonObject().getAsJsonObject("metadata");
    if (metadata != null && metadata.has("labels")) {
      JsonObject labels = metadata.getAsJsonObject("labels");
      labels.remove(Gate.POD_TEMPLATE_HASH);
      if (labels.size() == 0) {
        metadata.remove("labels");
      }
    }
    return tree;
  }
}
