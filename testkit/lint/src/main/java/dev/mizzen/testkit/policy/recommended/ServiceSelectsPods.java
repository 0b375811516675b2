package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.Map;

/**
 * {@code service-selects-pods}: a Service with a selector selects the pods of some workload among
 * the checked objects. Services without a selector (manual endpoints) and ExternalName Services
 * are not checked.
 */
final class ServiceSelectsPods extends Rule {

  ServiceSelectsPods() {
    super("service-selects-pods", Severity.WARNING,
        "A Service whose selector matches no pods has no endpoints: every connection to it fails.",
        "Make spec.selector match the pod template labels of the workload to serve.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Service)) {
      return;
    }
    V1Service service = (V1Service) context.object();
    Map<String, String> selector = WorkloadIndex.serviceSelector(service);
    if (selector != null && context.shared(WorkloadIndex.BUILD).workloads(service).isEmpty()) {
      context.report("spec.selector", "selects no pods: no workload in " + PdbSelectsPods.namespace(context)
          + " has pods labelled " + LabelSelectors.describe(selector));
    }
  }
}
