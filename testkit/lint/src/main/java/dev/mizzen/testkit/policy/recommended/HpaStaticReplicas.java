package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/** {@code hpa-static-replicas}: a Deployment or StatefulSet scaled by an HPA leaves {@code spec.replicas} unset. */
final class HpaStaticReplicas extends Rule {

  HpaStaticReplicas() {
    super("hpa-static-replicas", Severity.WARNING,
        "Every apply of a fixed spec.replicas resets the count the HorizontalPodAutoscaler chose, until it scales again.",
        "Remove spec.replicas from the manifest and let the HorizontalPodAutoscaler own it.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Deployment || context.object() instanceof V1StatefulSet)
        || PodRule.isControlled(context.object())) {
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    Workload workload = index.workload(context.object());
    Autoscaler hpa = workload == null ? null : index.autoscaler(workload);
    if (hpa != null && workload.declaredReplicas() != null) {
      context.report("spec.replicas", "should be unset, since " + hpa.ref() + " scales it; was " + workload.declaredReplicas());
    }
  }
}
