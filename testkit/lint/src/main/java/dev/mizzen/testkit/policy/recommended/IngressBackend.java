package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.util.List;

/**
 * {@code ingress-backend}: every Service backend of an Ingress (default backend and rule paths)
 * names a Service among the checked objects, in the Ingress's namespace, and a port it exposes
 * (by number or name).
 */
final class IngressBackend extends Rule {

  IngressBackend() {
    super("ingress-backend", Severity.WARNING,
        "An Ingress path to a missing Service or port answers 503 to every request.",
        "Point backend.service.name and .port at an existing Service and one of its ports.");
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Ingress)) {
      return;
    }
    V1Ingress ingress = (V1Ingress) context.object();
    if (ingress.getSpec() == null) {
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    check(ingress.getSpec().getDefaultBackend(), "spec.defaultBackend.service", index, context);
    List<V1IngressRule> rules = ingress.getSpec().getRules();
    if (rules == null) {
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).getHttp() == null || rules.get(i).getHttp().getPaths() == null) {
        continue;
      }
      List<V1HTTPIngressPath> paths = rules.get(i).getHttp().getPaths();
      for (int j = 0; j < paths.size(); j++) {
        check(paths.get(j).getBackend(), "spec.rules[" + i + "].http.paths[" + j + "].backend.service", index, context);
      }
    }
  }

  private static void check(V1IngressBackend backend, String path, WorkloadIndex index, RuleContext context) {
    V1IngressServiceBackend target = backend == null ? null : backend.getService();
    if (target == null || target.getName() == null) {
      return;
    }
    V1Service service = index.service(context.namespace(), target.getName());
    if (service == null) {
      context.report(path + ".name", "Service \"" + target.getName() + "\" is not among the objects in "
          + PdbSelectsPods.namespace(context));
      return;
    }
    V1ServiceBackendPort port = target.getPort();
    if (port == null || service.getSpec() == null) {
      return;
    }
    List<V1ServicePort> ports = service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
    if (port.getNumber() != null) {
      if (ports.stream().noneMatch(p -> port.getNumber().equals(p.getPort()))) {
        context.report(path + ".port.number", "Service \"" + target.getName() + "\" has no port " + port.getNumber());
      }
    } else if (port.getName() != null && ports.stream().noneMatch(p -> port.getName().equals(p.getName()))) {
      context.report(path + ".port.name", "Service \"" + target.getName() + "\" has no port named \"" + port.getName() + "\"");
    }
  }
}
