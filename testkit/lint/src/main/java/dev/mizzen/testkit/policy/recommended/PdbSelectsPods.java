package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;

/** {@code pdb-selects-pods}: a PodDisruptionBudget selects the pods of some workload among the checked objects. */
final class PdbSelectsPods extends Rule {

  PdbSelectsPods() {
    super("pdb-selects-pods", Severity.WARNING,
        "A PodDisruptionBudget whose selector matches no pods protects nothing, usually because of a label typo.",
        "Make spec.selector match the pod template labels of the workload to protect.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1PodDisruptionBudget)) {
      return;
    }
    V1PodDisruptionBudget budget = (V1PodDisruptionBudget) context.object();
    V1LabelSelector selector = budget.getSpec() == null ? null : budget.getSpec().getSelector();
    if (selector == null) {
      context.report("spec.selector", "is unset, and a null selector selects no pods");
      return;
    }
    if (context.shared(WorkloadIndex.BUILD).workloads(budget).isEmpty()) {
      context.report("spec.selector", "selects no pods: no workload in " + namespace(context) + " has pods matching "
          + LabelSelectors.describe(selector));
    }
  }

  static String namespace(RuleContext context) {
    return context.namespace().isEmpty() ? "the objects without a namespace" : "namespace \"" + context.namespace() + "\"";
  }
}
