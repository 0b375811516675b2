package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Deployment;

/**
 * {@code deployment-replicas}: a Deployment runs at least 2 replicas. Deployments scaled by an HPA
 * in the checked objects are left to the HPA rules; {@code replicas: 0} (switched off) is accepted.
 */
final class DeploymentReplicas extends Rule {

  DeploymentReplicas() {
    super("deployment-replicas", Severity.WARNING,
        "A single replica means downtime whenever its pod restarts, is evicted or its node drains.",
        "Set spec.replicas to 2 or more (or scale it with a HorizontalPodAutoscaler).");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Deployment) || PodRule.isControlled(context.object())) {
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    Workload workload = index.workload(context.object());
    if (workload == null || index.autoscaler(workload) != null) {
      return;
    }
    Integer replicas = workload.declaredReplicas();
    if (replicas == null || replicas == 1) {
      context.report("spec.replicas", "should be at least 2, was " + (replicas == null ? "unset (1)" : "1"));
    }
  }
}
