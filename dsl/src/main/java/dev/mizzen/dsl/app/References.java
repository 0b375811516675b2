package dev.mizzen.dsl.app;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressBackend;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.PortRef;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.network.ServicePort;
import dev.mizzen.dsl.workload.Workload;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what no single object can: references between the objects of an {@link App}. Each
 * problem names the object holding the reference and its field path.
 *
 * <ul>
 *   <li>a Service, PodDisruptionBudget or NetworkPolicy selects the pods of a workload in the app;
 *   <li>a Service's target port, by name or number, is a port of that workload's containers;
 *   <li>an Ingress backend is a Service of the app, on one of its ports;
 *   <li>an HPA scales a workload of the app.
 * </ul>
 */
final class References {
  private References() {}

  static List<Problem> check(List<KubernetesResource> resources) {
    List<Problem> problems = new ArrayList<>();
    List<Workload> workloads = resources.stream()
        .filter(Workload.class::isInstance).map(Workload.class::cast).toList();
    List<Service> services = resources.stream()
        .filter(Service.class::isInstance).map(Service.class::cast).toList();
    for (KubernetesResource resource : resources) {
      Validation v = Validation.of(resource.objectRef());
      if (resource instanceof Service service) {
        service.selectedComponent().ifPresent(component ->
            workload(workloads, component, v.field("spec.selector")).ifPresent(workload ->
                checkTargetPorts(service, workload, v.field("spec.ports"))));
      } else if (resource instanceof PodDisruptionBudget pdb) {
        pdb.selectedComponent().ifPresent(component -> workload(workloads, component, v.field("spec.selector")));
      } else if (resource instanceof NetworkPolicy policy) {
        policy.selectedComponent().ifPresent(component -> workload(workloads, component, v.field("spec.podSelector")));
      } else if (resource instanceof Ingress ingress) {
        ingress.defaultBackend().ifPresent(b -> checkBackend(b, services, v.field("spec.defaultBackend")));
        for (int r = 0; r < ingress.rules().size(); r++) {
          var paths = ingress.rules().get(r).paths();
          for (int p = 0; p < paths.size(); p++) {
            checkBackend(paths.get(p).backend(), services,
                v.field("spec.rules").index(r).field("http.paths").index(p).field("backend"));
          }
        }
      } else if (resource instanceof HorizontalPodAutoscaler hpa) {
        hpa.scaleTargetRef().ifPresent(target -> v.field("spec.scaleTargetRef").check(
            resources.stream().anyMatch(r -> r.kind().equals(target.kind()) && r.name().equals(target.name())),
            "scales %s/%s, which is not part of the app", target.kind(), target.name()));
      }
      problems.addAll(v.problems());
    }
    return problems;
  }

  private static Optional<Workload> workload(List<Workload> workloads, String component, Validation v) {
    Optional<Workload> found = workloads.stream().filter(w -> w.componentName().equals(component)).findFirst();
    v.check(found.isPresent(), "selects the pods of component '%s', but no workload of the app is that component",
        component);
    return found;
  }

  private static void checkTargetPorts(Service service, Workload workload, Validation ports) {
    for (int i = 0; i < service.ports().size(); i++) {
      ServicePort port = service.ports().get(i);
      PortRef target = port.effectiveTargetPort();
      Validation at = ports.index(i).field("targetPort");
      if (target.isName()) {
        String name = target.name().get();
        at.check(workload.pod().port(name).isPresent(),
            "names port '%s', which no container of %s declares (its ports: %s)",
            name, workload.objectRef(), portList(workload));
      } else {
        int number = target.number().getAsInt();
        at.check(workload.pod().allContainers().stream().flatMap(c -> c.ports().stream())
                .anyMatch(p -> p.containerPort() == number),
            "is port %d, which no container of %s declares (its ports: %s)", number, workload.objectRef(),
            portList(workload));
      }
    }
  }

  private static String portList(Workload workload) {
    List<String> ports = new ArrayList<>();
    workload.pod().allContainers().forEach(c -> c.ports().stream().map(Port::toString).forEach(ports::add));
    return ports.isEmpty() ? "none" : String.join(", ", ports);
  }

  private static void checkBackend(IngressBackend backend, List<Service> services, Validation v) {
    Optional<Service> service = services.stream().filter(s -> s.name().equals(backend.serviceName())).findFirst();
    if (!v.field("service.name").check(service.isPresent(),
        "names Service '%s', which is not part of the app", backend.serviceName())) {
      return;
    }
    PortRef port = backend.port();
    boolean found = service.get().ports().stream().anyMatch(p -> port.isName()
        ? p.name().equals(port.name())
        : p.port() == port.number().getAsInt());
    v.field("service.port").check(found, "is %s, which Service %s does not expose",
        port.isName() ? "port '" + port.name().get() + "'" : "port " + port.number().getAsInt(), backend.serviceName());
  }
}
