package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.Map;

/**
 * {@code pod-spread}: a Deployment or StatefulSet that runs 2 or more replicas (or may, under its
 * HPA) spreads them, with a topology spread constraint or a pod anti-affinity term (required or
 * preferred) whose label selector selects its own pods.
 */
final class PodSpread extends Rule {

  PodSpread() {
    super("pod-spread", Severity.WARNING,
        "Replicas the scheduler packs onto one node or zone all fail together when it does.",
        "Add a topologySpreadConstraint (or a preferred podAntiAffinity) over kubernetes.io/hostname or"
            + " topology.kubernetes.io/zone whose labelSelector selects the workload's pods.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Deployment || context.object() instanceof V1StatefulSet)
        || PodRule.isControlled(context.object())) {
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    Workload workload = index.workload(context.object());
    if (workload == null) {
      return;
    }
    Autoscaler hpa = index.autoscaler(workload);
    int replicas = hpa != null && hpa.maxReplicas != null ? hpa.maxReplicas : workload.replicas();
    if (replicas < 2 || spreads(workload.pod.spec(), workload.labels())) {
      return;
    }
    context.report(workload.pod.specPath("topologySpreadConstraints"), "should spread its " + replicas
        + " replicas over nodes or zones: no topologySpreadConstraint or podAntiAffinity term selects its pods ("
        + LabelSelectors.describe(workload.labels()) + ")");
  }

  static boolean spreads(V1PodSpec spec, Map<String, String> labels) {
    if (spec.getTopologySpreadConstraints() != null) {
      for (V1TopologySpreadConstraint constraint : spec.getTopologySpreadConstraints()) {
        if (LabelSelector.matches(constraint.getLabelSelector(), labels)) {
          return true;
        }
      }
    }
    V1Affinity affinity = spec.getAffinity();
    V1PodAntiAffinity anti = affinity == null ? null : affinity.getPodAntiAffinity();
    if (anti == null) {
      return false;
    }
    if (anti.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
      for (V1PodAffinityTerm term : anti.getRequiredDuringSchedulingIgnoredDuringExecution()) {
        if (LabelSelector.matches(term.getLabelSelector(), labels)) {
          return true;
        }
      }
    }
    if (anti.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
      for (V1WeightedPodAffinityTerm term : anti.getPreferredDuringSchedulingIgnoredDuringExecution()) {
        if (term.getPodAffinityTerm() != null && LabelSelector.matches(term.getPodAffinityTerm().getLabelSelector(), labels)) {
          return true;
        }
      }
    }
    return false;
  }
}
