package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;

/** {@code hpa-target}: a HorizontalPodAutoscaler's {@code scaleTargetRef} names an object among the checked objects. */
final class HpaTarget extends Rule {

  HpaTarget() {
    super("hpa-target", Severity.WARNING,
        "An autoscaler whose target does not exist scales nothing, usually because of a renamed workload.",
        "Make spec.scaleTargetRef kind and name those of the Deployment or StatefulSet to scale.");
  }

  @Override
  public void check(RuleContext context) {
    Autoscaler hpa = Autoscaler.of(context.object());
    if (hpa == null) {
      return;
    }
    if (context.shared(WorkloadIndex.BUILD).find(hpa.namespace, hpa.targetKind, hpa.targetName) == null) {
      context.report("spec.scaleTargetRef.name", "targets " + hpa.targetKind + " \"" + hpa.targetName
          + "\", which is not among the objects in " + PdbSelectsPods.namespace(context));
    }
  }
}
