package dev.mizzen.scheduling.explain;

import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A pod as the scheduler holds it: identity, labels, requests, host ports and affinity terms, read once. */
final class PodInfo {
  final String namespace;
  final String name;
  final Map<String, String> labels;
  final V1PodSpec spec;
  final Map<String, Long> requests;
  final Map<String, Long> nonZeroRequests;
  final List<HostPort> hostPorts;
  final List<AffinityTerm> requiredAffinity;
  final List<AffinityTerm> requiredAntiAffinity;
  final List<AffinityTerm> preferredAffinity;
  final List<AffinityTerm> preferredAntiAffinity;

  private PodInfo(String namespace, String name, Map<String, String> labels, V1PodSpec spec) {
    this.namespace = namespace;
    this.name = name;
    this.labels = labels;
    this.spec = spec;
    this.requests = PodResources.requests(spec);
    this.nonZeroRequests = PodResources.nonZeroRequests(spec);
    this.hostPorts = hostPorts(spec);
    V1Affinity affinity = spec.getAffinity();
    var podAffinity = affinity == null ? null : affinity.getPodAffinity();
    var antiAffinity = affinity == null ? null : affinity.getPodAntiAffinity();
    this.requiredAffinity = required(podAffinity == null ? null : podAffinity.getRequiredDuringSchedulingIgnoredDuringExecution());
    this.requiredAntiAffinity = required(antiAffinity == null ? null : antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution());
    this.preferredAffinity = preferred(podAffinity == null ? null : podAffinity.getPreferredDuringSchedulingIgnoredDuringExecution());
    this.preferredAntiAffinity = preferred(antiAffinity == null ? null : antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution());
  }

  static PodInfo of(PendingPod pod) {
    return new PodInfo(pod.namespace(), pod.name(), pod.labels(), pod.spec());
  }

  static PodInfo of(PlacedPod pod) {
    return new PodInfo(pod.namespace(), pod.name(), pod.labels(), pod.spec());
  }

  boolean hasAffinity() {
    return !requiredAffinity.isEmpty() || !requiredAntiAffinity.isEmpty()
        || !preferredAffinity.isEmpty() || !preferredAntiAffinity.isEmpty();
  }

  /** A host port a container binds ({@code hostIP} empty means every address). */
  record HostPort(String ip, String protocol, int port) {
    static HostPort of(V1ContainerPort port) {
      String ip = port.getHostIP() == null || port.getHostIP().isEmpty() ? "0.0.0.0" : port.getHostIP();
      String protocol = port.getProtocol() == null || port.getProtocol().isEmpty() ? "TCP" : port.getProtocol();
      return new HostPort(ip, protocol, port.getHostPort());
    }

    /** Whether binding {@code wanted} conflicts with this port already bound. */
    boolean conflictsWith(HostPort wanted) {
      if (port != wanted.port || !protocol.equals(wanted.protocol)) {
        return false;
      }
      return wanted.ip.equals("0.0.0.0") || ip.equals("0.0.0.0") || ip.equals(wanted.ip);
    }
  }

  private static List<HostPort> hostPorts(V1PodSpec spec) {
    List<HostPort> ports = new ArrayList<>();
    if (spec.getInitContainers() != null) {
      for (V1Container container : spec.getInitContainers()) {
        if ("Always".equals(container.getRestartPolicy())) {
          addHostPorts(ports, container);
        }
      }
    }
    if (spec.getContainers() != null) {
      spec.getContainers().forEach(container -> addHostPorts(ports, container));
    }
    return ports;
  }

  private static void addHostPorts(List<HostPort> ports, V1Container container) {
    if (container.getPorts() != null) {
      for (V1ContainerPort port : container.getPorts()) {
        if (port.getHostPort() != null && port.getHostPort() > 0) {
          ports.add(HostPort.of(port));
        }
      }
    }
  }

  private List<AffinityTerm> required(List<V1PodAffinityTerm> terms) {
    List<AffinityTerm> read = new ArrayList<>();
    if (terms != null) {
      terms.forEach(term -> read.add(AffinityTerm.of(term, 0, namespace, labels)));
    }
    return read;
  }

  private List<AffinityTerm> preferred(List<V1WeightedPodAffinityTerm> terms) {
    List<AffinityTerm> read = new ArrayList<>();
    if (terms != null) {
      for (V1WeightedPodAffinityTerm term : terms) {
        if (term.getPodAffinityTerm() != null) {
          read.add(AffinityTerm.of(term.getPodAffinityTerm(), term.getWeight() == null ? 0 : term.getWeight(), namespace, labels));
        }
      }
    }
    return read;
  }
}
