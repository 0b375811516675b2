package dev.mizzen.strategies.rollout.internal;

import com.google.gson.JsonElement;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.Canary;
import dev.mizzen.strategies.rollout.CanaryStep;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutPlan;
import dev.mizzen.strategies.rollout.RolloutPlan.PlannedStep;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Computes a {@link RolloutPlan}: reads and dry-runs only. */
public final class RolloutPlanner {
  private RolloutPlanner() {}

  public static RolloutPlan plan(ApiClient client, String fieldManager, Rollout rollout) throws ApiException {
    String ref = rollout.ref();
    if (!rollout.kind().equals("Deployment")) {
      // A StatefulSet or DaemonSet has one step: its own controller rolls out what the apply changes.
      Class<?> type = rollout.kind().equals("StatefulSet") ? V1StatefulSet.class : V1DaemonSet.class;
      List<String> changes = ServerSideApply.using(client).fieldManager(fieldManager)
          .diff((KubernetesObject) JSON.deserialize(rollout.objectJson(), type));
      boolean newTemplate = changes.stream().anyMatch(change -> change.equals("created") || change.startsWith("spec.template."));
      return new RolloutPlan(ref, List.of(new PlannedStep(0, changes.equals(List.of("created"))
          ? "create " + ref + " as declared"
          : newTemplate ? "apply as given: the " + rollout.kind() + " controller rolls the new template out with its own"
              + " strategy; at the deadline the previous template is applied back"
              : "apply as given: the pod template is unchanged, so no new revision", changes)));
    }
    V1Deployment live = read(client, rollout);
    V1Deployment config = rollout.deployment();
    V1Deployment applied = new DeploymentApplier(client, fieldManager).apply(config, true, true);
    List<PlannedStep> steps = new ArrayList<>();
    if (live == null) {
      steps.add(new PlannedStep(0, "create " + ref + " as declared (no stable revision to compare with)", List.of()));
      return new RolloutPlan(ref, steps);
    }
    List<String> changes = specChanges(live, applied);
    boolean newTemplate = !Templates.equalIgnoringHash(live.getSpec().getTemplate(), applied.getSpec().getTemplate());
    if (!newTemplate || !(rollout.strategy() instanceof Canary canary)) {
      steps.add(new PlannedStep(0, newTemplate
          ? "apply as given: the Deployment controller rolls the new template out with its own strategy"
          : "apply as given: the pod template is unchanged, so no new revision", changes));
      return new RolloutPlan(ref, steps);
    }
    int replicas = Objects.requireNonNullElse(live.getSpec().getReplicas(), 1);
    int firstWant = Gate.canaryPods(firstWeight(canary), replicas);
    V1Deployment held = Gate.holding(config, firstWant);
    List<String> start = new ArrayList<>(changes);
    start.addAll(JsonDiff.between(heldFields(live.getSpec()), heldFields(held.getSpec()), "spec"));
    steps.add(new PlannedStep(0, "start: the new template, held at the first batch (stable keeps all " + replicas
        + " replicas)", start));
    int weight = 0;
    V1DeploymentSpec previous = held.getSpec();
    for (int i = 0; i < canary.steps().size(); i++) {
      CanaryStep step = canary.steps().get(i);
      List<String> stepChanges = List.of();
      String what = step.describe();
      if (step instanceof CanaryStep.SetWeight setWeight) {
        weight = setWeight.percent();
        int want = Gate.canaryPods(weight, replicas);
        V1DeploymentSpec next = Gate.holding(config, want).getSpec();
        stepChanges = JsonDiff.between(heldFields(previous), heldFields(next), "spec");
        previous = next;
        what += ": " + want + " new pod" + (want == 1 ? "" : "s") + " Ready next to " + replicas + " stable";
      }
      steps.add(new PlannedStep(i + 1, what, stepChanges));
    }
    steps.add(new PlannedStep(canary.steps().size() + 1, "finish: apply " + ref + " as given; the Deployment"
        + " controller replaces the stable pods with its own maxSurge and maxUnavailable",
        JsonDiff.between(heldFields(previous), heldFields(config.getSpec()), "spec")));
    return new RolloutPlan(ref, steps);
  }

  private static int firstWeight(Canary canary) {
    return canary.steps().get(0) instanceof CanaryStep.SetWeight setWeight ? setWeight.percent() : 0;
  }

  /** The fields the gate holds, from a spec, as a tree to compare. */
  private static JsonElement heldFields(V1DeploymentSpec spec) {
    V1DeploymentSpec only = new V1DeploymentSpec()
        .minReadySeconds(spec.getMinReadySeconds())
        .progressDeadlineSeconds(spec.getProgressDeadlineSeconds())
        .paused(spec.getPaused())
        .strategy(spec.getStrategy());
    var tree = JSON.getGson().toJsonTree(only).getAsJsonObject();
    tree.remove("selector");
    tree.remove("template");
    return tree;
  }

  /** Spec changes between the live Deployment and the dry-run apply, status and template hash aside. */
  private static List<String> specChanges(V1Deployment live, V1Deployment applied) {
    return JsonDiff.between(JSON.getGson().toJsonTree(live.getSpec()), JSON.getGson().toJsonTree(applied.getSpec()),
        "spec");
  }

  private static V1Deployment read(ApiClient client, Rollout rollout) throws ApiException {
    try {
      return new AppsV1Api(client).readNamespacedDeployment(rollout.name(), rollout.namespace()).execute();
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
  }
}
