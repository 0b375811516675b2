package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;

/** {@code pdb-policy}: a PodDisruptionBudget sets {@code minAvailable} or {@code maxUnavailable}. */
final class PdbPolicy extends Rule {

  PdbPolicy() {
    super("pdb-policy", Severity.WARNING,
        "A PodDisruptionBudget with neither minAvailable nor maxUnavailable allows every pod to be evicted at once.",
        "Set spec.maxUnavailable (for example 1) or spec.minAvailable.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1PodDisruptionBudget)) {
      return;
    }
    V1PodDisruptionBudget budget = (V1PodDisruptionBudget) context.object();
    if (budget.getSpec() == null || (budget.getSpec().getMinAvailable() == null && budget.getSpec().getMaxUnavailable() == null)) {
      context.report("spec", "sets neither minAvailable nor maxUnavailable, so it protects no pod");
    }
  }
}
