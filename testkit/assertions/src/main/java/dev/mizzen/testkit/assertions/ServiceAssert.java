package dev.mizzen.testkit.assertions;

import dev.mizzen.dsl.workload.Workload;
import dev.mizzen.scheduling.LabelSelector;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions on a Service: type, ports, and whether it routes to the pods of a workload.
 *
 * <pre>{@code
 * assertThat(app).service("web").selectsPodsOf(web).onPort("http");   // web: the DSL Deployment
 * }</pre>
 *
 * {@link #onPort(String)} checks against the workload given to the last {@code selectsPodsOf}.
 */
public class ServiceAssert extends AbstractKubernetesObjectAssert<ServiceAssert, V1Service> {
  private KubernetesObject workload;

  /** An assert on {@code actual}. */
  public ServiceAssert(V1Service actual) {
    super(actual, ServiceAssert.class);
  }

  /** Asserts the Service type ({@code ClusterIP}, the API server's default when unset, {@code NodePort}, ...). */
  public ServiceAssert hasType(String type) {
    requireActual();
    String found = actual.getSpec() == null ? null : actual.getSpec().getType();
    if (!Objects.equals(type, found == null ? "ClusterIP" : found)) {
      failAt(location().field("spec.type"), "expected " + quote(type) + ", but was "
          + (found == null ? "unset (the API server's default is \"ClusterIP\")" : quote(found)));
    }
    return myself;
  }

  /** Asserts a headless Service ({@code clusterIP: None}). */
  public ServiceAssert isHeadless() {
    requireActual();
    String found = actual.getSpec() == null ? null : actual.getSpec().getClusterIP();
    if (!"None".equals(found)) {
      failAt(location().field("spec.clusterIP"), "expected \"None\" (headless), but was "
          + (found == null ? "unset (a cluster IP is allocated)" : quote(found)));
    }
    return myself;
  }

  /**
   * Asserts the Service selects the pods of {@code workload} (a Deployment, StatefulSet, ... as
   * rendered): same namespace, and a non-empty selector whose every label the pod template carries.
   */
  public ServiceAssert selectsPodsOf(KubernetesObject workload) {
    requireActual();
    this.workload = workload;
    Map<String, String> selector = selector();
    String target = ObjectFields.ref(workload);
    if (!PodTemplates.runsPods(workload)) {
      failAt(location(), "expected a workload to compare with, but " + target + " runs no pods");
    } else if (!Objects.equals(ObjectFields.namespace(actual), ObjectFields.namespace(workload))) {
      failAt(location().field("metadata.namespace"), "expected to select the pods of " + target
          + ", but they are in another namespace");
    } else if (selector.isEmpty()) {
      failAt(location().field("spec.selector"), "expected to select the pods of " + target
          + ", but the Service has no selector");
    } else if (!LabelSelector.matches(selector, PodTemplates.podLabels(workload))) {
      failAt(location().field("spec.selector"), "expected to select the pods of " + target + ", but the selector "
          + LabelSelectors.describe(selector) + " does not match their labels "
          + LabelSelectors.describe(PodTemplates.podLabels(workload)));
    }
    return myself;
  }

  /**
   * Asserts the Service selects the pods of the DSL {@code workload}, rendered in this Service's
   * context (its namespace and {@code part-of} / {@code managed-by} labels).
   */
  public ServiceAssert selectsPodsOf(Workload workload) {
    return selectsPodsOf(workload.render(PodTemplates.contextOf(actual)));
  }

  /**
   * Asserts the Service has a port named {@code port} (or, failing that, one targeting the
   * container port named {@code port}) whose target port a container of the workload given to
   * {@link #selectsPodsOf} declares, with the same protocol.
   */
  public ServiceAssert onPort(String port) {
    requireActual();
    List<V1ServicePort> ports = ports();
    int index = -1;
    for (int i = 0; i < ports.size() && index < 0; i++) {
      if (port.equals(ports.get(i).getName())) {
        index = i;
      }
    }
    for (int i = 0; i < ports.size() && index < 0; i++) {
      IntOrString target = ports.get(i).getTargetPort();
      if (target != null && !target.isInteger() && port.equals(target.getStrValue())) {
        index = i;
      }
    }
    return checkTarget(index, "a port named " + quote(port) + " or targeting " + quote(port));
  }

  /** As {@link #onPort(String)}, for the Service port numbered {@code port}. */
  public ServiceAssert onPort(int port) {
    requireActual();
    List<V1ServicePort> ports = ports();
    int index = -1;
    for (int i = 0; i < ports.size() && index < 0; i++) {
      if (Objects.equals(port, ports.get(i).getPort())) {
        index = i;
      }
    }
    return checkTarget(index, "a port " + port);
  }

  private ServiceAssert checkTarget(int index, String expected) {
    List<V1ServicePort> ports = ports();
    if (index < 0) {
      failAt(location().field("spec.ports"), "expected " + expected + ", but found " + describe(ports));
      return myself;
    }
    if (workload == null) {
      throw new IllegalStateException("onPort(...) checks the workload of selectsPodsOf(...): call that first");
    }
    V1ServicePort port = ports.get(index);
    IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
    Optional<V1PodTemplateSpec> template = PodTemplates.of(workload);
    Optional<V1ContainerPort> resolved = template.flatMap(t -> Ports.resolve(t.getSpec(), target));
    Location where = location().field("spec.ports").index(index).field("targetPort");
    if (resolved.isEmpty()) {
      failAt(where, "expected the target port " + Ports.describe(target) + " to be a container port of "
          + ObjectFields.ref(workload) + ", but its containers have "
          + Ports.describeAll(template.map(V1PodTemplateSpec::getSpec).orElse(null)));
    } else if (!Ports.protocol(port.getProtocol()).equals(Ports.protocol(resolved.get().getProtocol()))) {
      failAt(where, "expected the container port " + Ports.describe(target) + " of " + ObjectFields.ref(workload)
          + " to use " + Ports.protocol(port.getProtocol()) + ", but it uses "
          + Ports.protocol(resolved.get().getProtocol()));
    }
    return myself;
  }

  private Map<String, String> selector() {
    return actual.getSpec() == null || actual.getSpec().getSelector() == null
        ? Map.of() : actual.getSpec().getSelector();
  }

  private List<V1ServicePort> ports() {
    return actual.getSpec() == null || actual.getSpec().getPorts() == null ? List.of() : actual.getSpec().getPorts();
  }

  private static String describe(List<V1ServicePort> ports) {
    List<String> shown = new ArrayList<>();
    for (V1ServicePort p : ports) {
      shown.add((p.getName() == null ? "" : p.getName() + ":") + p.getPort() + "->"
          + (p.getTargetPort() == null ? String.valueOf(p.getPort()) : Ports.describe(p.getTargetPort())));
    }
    return shown.toString();
  }
}
