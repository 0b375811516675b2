package dev.mizzen.strategies.rollout.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mizzen.strategies.rollout.RolloutException;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.util.PatchUtils;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl rollout undo} (Kubernetes 1.33, {@code DeploymentRollbacker}): the template of a
 * revision among the ReplicaSets the Deployment controls (by owner, not labels) goes back into
 * the Deployment, and the controller reuses that ReplicaSet. Revision 0 is the one before the
 * current. Unlike kubectl it also works on a paused Deployment (the template changes; the rollout
 * waits for the resume). Only the template is written, with a JSON patch under field manager
 * {@value #FIELD_MANAGER}, as kubectl writes under its own; the rollout engine keeps nothing on
 * Deployments or ReplicaSets, so nothing of it can come back.
 */
public final class Undo {
  public static final String FIELD_MANAGER = "mizzen-undo";
  private static final String REVISION = "deployment.kubernetes.io/revision";

  private Undo() {}

  /** Returns the {@code pod-template-hash} of the revision now in the Deployment. */
  public static String undo(ApiClient client, String namespace, String name, long toRevision) throws ApiException {
    String ref = "Deployment/" + namespace + "/" + name;
    AppsV1Api apps = new AppsV1Api(client);
    V1Deployment deployment = apps.readNamespacedDeployment(name, namespace).execute();
    String uid = deployment.getMetadata().getUid();
    List<V1ReplicaSet> owned = apps.listNamespacedReplicaSet(namespace).execute().getItems().stream()
        .filter(rs -> controlledBy(rs, uid)).toList();
    long current = revision(deployment.getMetadata().getAnnotations());
    long wanted = toRevision;
    if (wanted == 0) {
      wanted = owned.stream().mapToLong(rs -> revision(rs.getMetadata().getAnnotations()))
          .filter(r -> r < current).max()
          .orElseThrow(() -> new RolloutException(ref + " has no revision before " + current + " to undo to"));
    }
    final long target = wanted;
    Optional<V1ReplicaSet> found = owned.stream()
        .filter(rs -> revision(rs.getMetadata().getAnnotations()) == target).findFirst();
    if (found.isEmpty()) {
      throw new RolloutException(ref + " has no revision " + target + "; its ReplicaSets hold revisions "
          + owned.stream().map(rs -> revision(rs.getMetadata().getAnnotations())).sorted(Comparator.naturalOrder())
              .toList());
    }
    V1ReplicaSet replicaSet = found.get();
    if (Templates.equalIgnoringHash(replicaSet.getSpec().getTemplate(), deployment.getSpec().getTemplate())) {
      return Templates.hashOf(replicaSet);
    }
    V1PodTemplateSpec template = replicaSet.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
    labels.remove(Gate.POD_TEMPLATE_HASH);
    template.getMetadata().setLabels(labels);
    // No resourceVersion test, as kubectl has none: the controller's status updates change it all the time.
    JsonArray operations = new JsonArray();
    operations.add(operation("replace", "/spec/template", JSON.getGson().toJsonTree(template)));
    String patch = operations.toString();
    PatchUtils.patch(V1Deployment.class, () -> apps.patchNamespacedDeployment(name, namespace, new V1Patch(patch))
        .fieldManager(FIELD_MANAGER).buildCall(null), V1Patch.PATCH_FORMAT_JSON_PATCH, client);
    return Templates.hashOf(replicaSet);
  }

  private static JsonObject operation(String op, String path, JsonElement value) {
    JsonObject operation = new JsonObject();
    operation.addProperty("op", op);
    operation.addProperty("path", path);
    operation.add("value", value);
    return operation;
  }

  private static boolean controlledBy(V1ReplicaSet rs, String uid) {
    List<V1OwnerReference> owners = rs.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.getController()) && uid.equals(o.getUid()));
  }

  private static long revision(Map<String, String> annotations) {
    try {
      return annotations == null ? 0 : Long.parseLong(annotations.getOrDefault(REVISION, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
