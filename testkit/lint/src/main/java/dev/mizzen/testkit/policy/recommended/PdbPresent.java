package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/**
 * {@code pdb-present}: a Deployment or StatefulSet that runs 2 or more replicas (or may, under
 * its HPA) is covered by a PodDisruptionBudget among the checked objects.
 */
final class PdbPresent extends Rule {

  PdbPresent() {
    super("pdb-present", Severity.WARNING,
        "Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once.",
        "Add a PodDisruptionBudget whose selector matches the pod labels, with maxUnavailable: 1 (or a suitable minAvailable).");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Deployment || context.object() instanceof V1StatefulSet)
        || PodRule.isControlled(context.object())) {
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    Workload workload = index.workload(context.object());
    if (workload == null || !index.budgets(workload).isEmpty()) {
      return;
    }
    Autoscaler hpa = index.autoscaler(workload);
    int replicas = hpa != null && hpa.maxReplicas != null ? hpa.maxReplicas : workload.replicas();
    if (replicas >= 2) {
      context.report("spec.selector", "no PodDisruptionBudget covers its " + replicas + " replicas (pods labelled "
          + LabelSelectors.describe(workload.labels()) + ")");
    }
  }
}
