package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;

/**
 * {@code pdb-allows-disruption}: a PodDisruptionBudget leaves room to evict at least one pod:
 * not {@code maxUnavailable: 0} or {@code 0%}, not {@code minAvailable: 100%}, and a
 * {@code minAvailable} below the replicas of every workload it covers (their HPA's
 * {@code minReplicas} for autoscaled ones). Percentages round up, as the disruption controller does.
 */
final class PdbAllowsDisruption extends Rule {

  PdbAllowsDisruption() {
    super("pdb-allows-disruption", Severity.WARNING,
        "A PodDisruptionBudget that allows no eviction blocks node drains and cluster upgrades forever.",
        "Use maxUnavailable: 1, or a minAvailable below the workload's (minimum) replicas.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1PodDisruptionBudget)) {
      return;
    }
    V1PodDisruptionBudget budget = (V1PodDisruptionBudget) context.object();
    if (budget.getSpec() == null) {
      return;
    }
    IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
    IntOrString minAvailable = budget.getSpec().getMinAvailable();
    if (maxUnavailable != null) {
      if (isZero(maxUnavailable)) {
        context.report("spec.maxUnavailable", "is " + text(maxUnavailable) + ": no pod may ever be evicted, so node drains block");
      }
      return;
    }
    if (minAvailable == null) {
      return;
    }
    if (!minAvailable.isInteger() && "100%".equals(minAvailable.getStrValue())) {
      context.report("spec.minAvailable", "is 100%: no pod may ever be evicted, so node drains block");
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    for (Workload workload : index.workloads(budget)) {
      if (!workload.isScalable()) {
        continue;
      }
      Autoscaler hpa = index.autoscaler(workload);
      int replicas = hpa != null ? hpa.min() : workload.replicas();
      int required = required(minAvailable, replicas);
      if (replicas > 0 && required >= replicas) {
        context.report("spec.minAvailable", "is " + text(minAvailable) + " (" + required + " pods) but " + workload.ref
            + (hpa != null ? " may run only " + replicas + " (" + hpa.ref() + " minReplicas)" : " runs " + replicas)
            + ": no pod may be evicted then, so node drains block");
      }
    }
  }

  private static boolean isZero(IntOrString value) {
    return value.isInteger() ? value.getIntValue() == 0 : "0%".equals(value.getStrValue()) || "0".equals(value.getStrValue());
  }

  /** The pods {@code minAvailable} keeps out of {@code replicas}, rounding percentages up; -1 if unreadable. */
  static int required(IntOrString minAvailable, int replicas) {
    if (minAvailable.isInteger()) {
      return minAvailable.getIntValue();
    }
    String text = minAvailable.getStrValue();
    if (text == null || !text.endsWith("%")) {
      return -1;
    }
    int percent = 0;
    for (int i = 0; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      percent = percent * 10 + (c - '0');
    }
    return (int) ((percent * (long) replicas + 99) / 100);
  }

  private static String text(IntOrString value) {
    return value.isInteger() ? String.valueOf(value.getIntValue()) : value.getStrValue();
  }
}
