package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.util.List;

/**
 * {@code service-target-port}: a named {@code targetPort} of a Service is the name of a container
 * port in at least one of the workloads it selects. (Numeric target ports need no declaration.)
 */
final class ServiceTargetPort extends Rule {

  ServiceTargetPort() {
    super("service-target-port", Severity.WARNING,
        "A named targetPort that no selected container declares resolves to nothing: the Service port has no endpoints.",
        "Use the name of a containerPort of the selected pods (or the port number).");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Service)) {
      return;
    }
    V1Service service = (V1Service) context.object();
    if (service.getSpec() == null || service.getSpec().getPorts() == null) {
      return;
    }
    List<Workload> selected = context.shared(WorkloadIndex.BUILD).workloads(service);
    if (selected.isEmpty()) {
      return;
    }
    List<V1ServicePort> ports = service.getSpec().getPorts();
    for (int i = 0; i < ports.size(); i++) {
      IntOrString target = ports.get(i).getTargetPort();
      if (target == null || target.isInteger() || target.getStrValue() == null) {
        continue;
      }
      if (!declared(selected, target.getStrValue())) {
        context.report("spec.ports[" + i + "].targetPort", "names port \"" + target.getStrValue()
            + "\", which no container of the selected pods declares (" + selected.get(0).ref + ")");
      }
    }
  }

  private static boolean declared(List<Workload> workloads, String name) {
    for (Workload workload : workloads) {
      for (PodContainer c : workload.pod.containers()) {
        if (c.type() != PodContainer.Type.EPHEMERAL && ProbePort.hasPort(c.container(), name)) {
          return true;
        }
      }
    }
    return false;
  }
}
