package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;

/**
 * {@code network-policy}: the pods of every workload are selected by NetworkPolicies isolating
 * both ingress and egress (policyTypes, or as the API server defaults them).
 */
final class NetworkPolicyCoverage extends PodRule {

  NetworkPolicyCoverage() {
    super("network-policy", Severity.WARNING,
        "Pods no NetworkPolicy selects accept traffic from, and send it to, anything in the cluster.",
        "Add a NetworkPolicy selecting the pods with policyTypes [Ingress, Egress] that allows only the traffic they need.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    Workload workload = index.workload(context.object());
    int isolated = workload == null ? 0 : index.isolation(workload);
    if (isolated == (WorkloadIndex.INGRESS | WorkloadIndex.EGRESS)) {
      return;
    }
    String missing = isolated == 0 ? "ingress or egress" : (isolated & WorkloadIndex.INGRESS) == 0 ? "ingress" : "egress";
    context.report(pod.metadataPath() + ".labels", "no NetworkPolicy isolates the " + missing + " of its pods ("
        + LabelSelectors.describe(pod.labels()) + "), so all " + missing + " traffic is allowed");
  }
}
