package dev.mizzen.strategies.rollout.internal;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1RollingUpdateDeployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * How the engine holds a Deployment's rolling update at a batch without a second Deployment and
 * without changing its strategy type: new pods are kept "not yet available" by a
 * {@code minReadySeconds} no pod reaches, so with {@code maxUnavailable: 0} the controller never
 * scales the stable ReplicaSet down, and {@code maxSurge} is the number of new pods it may add.
 * The progress deadline is switched off ({@code MaxInt32}, which the controller reads as none)
 * so that a long pause is not reported as a failure. With no new pod wanted yet the Deployment
 * is paused, since {@code maxSurge} and {@code maxUnavailable} cannot both be 0.
 *
 * <p>The values are only ever applied on top of the user's own Deployment, under the user's
 * field manager, and the last apply is the user's Deployment unchanged: nothing of the gate
 * survives the rollout. Pure: no I/O.
 */
public final class Gate {
  /** Longer than any rollout: a pod Ready this long would be 68 years old. */
  public static final int NEVER_AVAILABLE_SECONDS = Integer.MAX_VALUE - 1;
  /** The controller's "no progress deadline" ({@code deploymentutil.HasProgressDeadline}). */
  public static final int NO_PROGRESS_DEADLINE = Integer.MAX_VALUE;
  /** The label the Deployment controller adds to each ReplicaSet's template and pods. */
  public static final String POD_TEMPLATE_HASH = "pod-template-hash";

  private Gate() {}

  /** New pods a weight asks for: {@code ceil(percent x replicas / 100)}. */
  public static int canaryPods(int percent, int replicas) {
    return (int) Math.ceil(percent * (long) replicas / 100.0);
  }

  /** The fields the gate sets, in the API server's conflict notation. */
  private static final java.util.Set<String> HELD_FIELDS = java.util.Set.of(".spec.minReadySeconds",
      ".spec.progressDeadlineSeconds", ".spec.paused", ".spec.strategy.rollingUpdate.maxSurge",
      ".spec.strategy.rollingUpdate.maxUnavailable");

  /**
   * Whether {@code field} (as in an apply conflict, {@code .spec.minReadySeconds}) is one the gate
   * sets: another writer owning it reset what the rollout holds, and the rollout may take it back.
   */
  public static boolean isHeldField(String field) {
    return HELD_FIELDS.contains(field);
  }

  /** The user's Deployment holding the rollout at {@code canaryPods} new pods. */
  public static V1Deployment holding(V1Deployment config, int canaryPods) {
    V1Deployment held = copy(config);
    V1DeploymentSpec spec = held.getSpec();
    spec.setMinReadySeconds(NEVER_AVAILABLE_SECONDS);
    spec.setProgressDeadlineSeconds(NO_PROGRESS_DEADLINE);
    V1DeploymentStrategy strategy = spec.getStrategy() == null ? new V1DeploymentStrategy() : spec.getStrategy();
    strategy.setRollingUpdate(new V1RollingUpdateDeployment()
        .maxSurge(new IntOrString(Math.max(canaryPods, 1)))
        .maxUnavailable(new IntOrString(0)));
    spec.setStrategy(strategy);
    if (canaryPods == 0) {
      spec.setPaused(true);
    }
    return held;
  }

  /**
   * The user's Deployment with another revision's template ({@code pod-template-hash} dropped):
   * the stable one, which an abort applies back, or one another writer pushed mid-rollout, which
   * the rollout superseding this one applies.
   */
  public static V1Deployment withTemplate(V1Deployment config, V1PodTemplateSpec revisionTemplate) {
    V1Deployment restored = copy(config);
    V1PodTemplateSpec template = JSON.deserialize(JSON.serialize(revisionTemplate), V1PodTemplateSpec.class);
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      var labels = new HashMap<>(template.getMetadata().getLabels());
      labels.remove(POD_TEMPLATE_HASH);
      template.getMetadata().setLabels(labels);
    }
    restored.getSpec().setTemplate(template);
    return restored;
  }

  /**
   * Where {@code live} does not hold the rollout at {@code canaryPods}, one sentence per field;
   * empty when it does. Another writer resetting a field shows up here (drift).
   */
  public static List<String> deviations(V1Deployment live, int canaryPods) {
    List<String> found = new ArrayList<>();
    V1DeploymentSpec spec = live.getSpec();
    // The server omits a zero minReadySeconds: absent is 0.
    check(found, "spec.minReadySeconds", spec.getMinReadySeconds() == null ? 0 : spec.getMinReadySeconds(),
        NEVER_AVAILABLE_SECONDS);
    check(found, "spec.progressDeadlineSeconds", spec.getProgressDeadlineSeconds(), NO_PROGRESS_DEADLINE);
    V1RollingUpdateDeployment rolling = spec.getStrategy() == null ? null : spec.getStrategy().getRollingUpdate();
    check(found, "spec.strategy.rollingUpdate.maxSurge",
        rolling == null ? null : rolling.getMaxSurge(), new IntOrString(Math.max(canaryPods, 1)));
    check(found, "spec.strategy.rollingUpdate.maxUnavailable",
        rolling == null ? null : rolling.getMaxUnavailable(), new IntOrString(0));
    check(found, "spec.paused", Boolean.TRUE.equals(spec.getPaused()), canaryPods == 0);
    return found;
  }

  private static void check(List<String> found, String path, Object actual, Object held) {
    if (!Objects.equals(actual, held)) {
      found.add(path + " is " + show(actual) + ", the rollout holds it at " + show(held));
    }
  }

  private static String show(Object value) {
    if (value == null) {
      return "(unset)";
    }
    if (value instanceof IntOrString intOrString) {
      return intOrString.isInteger() ? String.valueOf(intOrString.getIntValue()) : intOrString.getStrValue();
    }
    return String.valueOf(value);
  }

  private static V1Deployment copy(V1Deployment deployment) {
    return JSON.deserialize(JSON.serialize(deployment), V1Deployment.class);
  }
}
