package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;

/**
 * {@code network-policy-selects-pods}: a NetworkPolicy with a non-empty pod selector selects the
 * pods of some workload among the checked objects. (An empty selector applies to the whole
 * namespace, which is meaningful on its own.)
 */
final class NetworkPolicySelectsPods extends Rule {

  NetworkPolicySelectsPods() {
    super("network-policy-selects-pods", Severity.WARNING,
        "A NetworkPolicy that selects no pods isolates nothing, usually because of a label typo.",
        "Make spec.podSelector match the pod template labels of the workload to isolate.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1NetworkPolicy)) {
      return;
    }
    V1NetworkPolicy policy = (V1NetworkPolicy) context.object();
    V1LabelSelector selector = policy.getSpec() == null ? null : policy.getSpec().getPodSelector();
    if (selector == null || LabelSelector.fromV1LabelSelector(selector).map(LabelSelector::isEverything).orElse(false)) {
      return;
    }
    if (context.shared(WorkloadIndex.BUILD).workloadCount(policy) == 0) {
      context.report("spec.podSelector", "selects no pods: no workload in " + PdbSelectsPods.namespace(context)
          + " has pods matching " + LabelSelectors.describe(selector));
    }
  }
}
