package dev.mizzen.testkit.assertions;

import dev.mizzen.scheduling.LabelSelector;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether pods may connect to other pods on a port under a set of NetworkPolicies, with
 * Kubernetes' semantics: a pod is isolated for a direction when a policy of its namespace selects
 * it with that direction in its (defaulted) policyTypes, and an isolated pod accepts (or sends)
 * only what some rule of those policies allows. Both the source's egress and the destination's
 * ingress must allow a connection. ipBlock peers, and namespace selectors on namespaces whose
 * labels are unknown, are not evaluated: a verdict that depends on them is {@link Outcome#UNKNOWN}.
 */
final class NetworkPolicies {
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /** The result of a check. */
  enum Outcome { ALLOWED, DENIED, UNKNOWN }

  /** Pods: a workload's, or any carrying some labels. {@code spec} (for named ports) may be null. */
  record Pods(String description, String namespace, Map<String, String> labels, V1PodSpec spec) {}

  /** A connection's destination port: protocol, number, and optionally the container port's name. */
  record Port(String protocol, int number) {
    @Override
    public String toString() {
      return protocol + " " + number;
    }
  }

  /** An outcome and the reasons for it, each naming the policy and rule it comes from. */
  record Verdict(Outcome outcome, List<String> reasons) {}

  private final List<V1NetworkPolicy> policies = new ArrayList<>();
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

  /** An evaluator over every NetworkPolicy among {@code objects}, with the labels of every Namespace among them. */
  NetworkPolicies(List<? extends KubernetesObject> objects) {
    for (KubernetesObject object : objects) {
      if (object instanceof V1NetworkPolicy policy) {
        policies.add(policy);
      } else if (object instanceof V1Namespace namespace) {
        Map<String, String> labels = new HashMap<>(ObjectFields.labels(namespace));
        labels.put(NAMESPACE_NAME_LABEL, ObjectFields.name(namespace));
        namespaceLabels.put(ObjectFields.name(namespace), labels);
      }
    }
  }

  /** Whether {@code from} may open a connection to {@code to} on {@code port}. */
  Verdict check(Pods from, Pods to, Port port) {
    Verdict egress = side(false, from, to, port);
    Verdict ingress = side(true, to, from, port);
    List<String> reasons = new ArrayList<>();
    Outcome outcome;
    if (egress.outcome() == Outcome.DENIED || ingress.outcome() == Outcome.DENIED) {
      outcome = Outcome.DENIED;
      for (Verdict v : List.of(egress, ingress)) {
        if (v.outcome() == Outcome.DENIED) {
          reasons.addAll(v.reasons());
        }
      }
    } else if (egress.outcome() == Outcome.UNKNOWN || ingress.outcome() == Outcome.UNKNOWN) {
      outcome = Outcome.UNKNOWN;
      for (Verdict v : List.of(egress, ingress)) {
        if (v.outcome() == Outcome.UNKNOWN) {
          reasons.addAll(v.reasons());
        }
      }
    } else {
      outcome = Outcome.ALLOWED;
      reasons.addAll(egress.reasons());
      reasons.addAll(ingress.reasons());
    }
    return new Verdict(outcome, reasons);
  }

  /** One direction: {@code subject}'s ingress from {@code peer}, or its egress to {@code peer}. */
  private Verdict side(boolean ingress, Pods subject, Pods peer, Port port) {
    String direction = ingress ? "ingress" : "egress";
    Pods destination = ingress ? subject : peer;
    List<V1NetworkPolicy> isolating = policies.stream()
        .filter(p -> Objects.equals(ObjectFields.namespace(p), subject.namespace()))
        .filter(p -> selects(p, subject.labels()) && types(p).contains(ingress ? "Ingress" : "Egress"))
        .toList();
    if (isolating.isEmpty()) {
      return new Verdict(Outcome.ALLOWED, List.of(subject.description() + " is not isolated for " + direction
          + " (no NetworkPolicy selects it for " + (ingress ? "Ingress" : "Egress") + ")"));
    }
    List<String> unknown = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (V1NetworkPolicy policy : isolating) {
      Location spec = Location.of(ObjectFields.ref(policy)).field("spec");
      List<Rule> rules = rules(policy, ingress);
      if (rules.isEmpty()) {
        misses.add(spec.message("no " + direction + " rules"));
      }
      for (int i = 0; i < rules.size(); i++) {
        Rule rule = rules.get(i);
        Location at = spec.field(direction).index(i);
        Match peers = peersMatch(rule.peers(), ObjectFields.namespace(policy), peer,
            at.field(ingress ? "from" : "to"));
        boolean ports = portsMatch(rule.ports(), port, destination.spec());
        if (peers.outcome() == Outcome.ALLOWED && ports) {
          return new Verdict(Outcome.ALLOWED, List.of(direction + " allowed by " + at));
        } else if (peers.outcome() == Outcome.UNKNOWN && ports) {
          unknown.addAll(peers.reasons());
        } else if (peers.outcome() == Outcome.DENIED) {
          misses.add(at.message((ingress ? "from" : "to") + " does not match " + peer.description()));
        } else {
          misses.add(at.message("ports do not include " + port));
        }
      }
    }
    if (!unknown.isEmpty()) {
      return new Verdict(Outcome.UNKNOWN, unknown);
    }
    List<String> reasons = new ArrayList<>();
    reasons.add(direction + " of " + subject.description() + " is isolated by "
        + isolating.stream().map(ObjectFields::ref).toList() + " and no rule allows it");
    reasons.addAll(misses);
    return new Verdict(Outcome.DENIED, reasons);
  }

  private record Rule(List<V1NetworkPolicyPeer> peers, List<V1NetworkPolicyPort> ports) {}

  private record Match(Outcome outcome, List<String> reasons) {}

  private static List<Rule> rules(V1NetworkPolicy policy, boolean ingress) {
    List<Rule> rules = new ArrayList<>();
    V1NetworkPolicySpec spec = policy.getSpec();
    if (spec == null) {
      return rules;
    }
    if (ingress && spec.getIngress() != null) {
      spec.getIngress().forEach(r -> rules.add(new Rule(nonNull(r.getFrom()), nonNull(r.getPorts()))));
    } else if (!ingress && spec.getEgress() != null) {
      spec.getEgress().forEach(r -> rules.add(new Rule(nonNull(r.getTo()), nonNull(r.getPorts()))));
    }
    return rules;
  }

  /** The policy types, defaulted as the API server does: Ingress, plus Egress when there are egress rules. */
  static List<String> types(V1NetworkPolicy policy) {
    V1NetworkPolicySpec spec = policy.getSpec();
    if (spec != null && spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
      return spec.getPolicyTypes();
    }
    return spec != null && spec.getEgress() != null && !spec.getEgress().isEmpty()
        ? List.of("Ingress", "Egress") : List.of("Ingress");
  }

  /** Whether the policy's podSelector selects pods with {@code labels}; an absent selector is empty and selects all. */
  static boolean selects(V1NetworkPolicy policy, Map<String, String> labels) {
    V1LabelSelector selector = policy.getSpec() == null ? null : policy.getSpec().getPodSelector();
    return selector == null || LabelSelector.matches(selector, labels);
  }

  /** An empty peer list matches every peer; otherwise the best of the peers' matches. */
  private Match peersMatch(List<V1NetworkPolicyPeer> peers, String policyNamespace, Pods other, Location at) {
    if (peers.isEmpty()) {
      return new Match(Outcome.ALLOWED, List.of());
    }
    List<String> unknown = new ArrayList<>();
    for (int j = 0; j < peers.size(); j++) {
      Match match = peerMatch(peers.get(j), policyNamespace, other, at.index(j));
      if (match.outcome() == Outcome.ALLOWED) {
        return match;
      }
      unknown.addAll(match.reasons());
    }
    return new Match(unknown.isEmpty() ? Outcome.DENIED : Outcome.UNKNOWN, unknown);
  }

  private Match peerMatch(V1NetworkPolicyPeer peer, String policyNamespace, Pods other, Location at) {
    if (peer.getIpBlock() != null) {
      return new Match(Outcome.UNKNOWN, List.of(at.message("ipBlock " + peer.getIpBlock().getCidr()
          + " is not evaluated: pod IPs are not known before the pods run")));
    }
    if (peer.getPodSelector() != null && !LabelSelector.matches(peer.getPodSelector(), other.labels())) {
      return new Match(Outcome.DENIED, List.of());
    }
    V1LabelSelector namespaces = peer.getNamespaceSelector();
    if (namespaces == null) {
      boolean sameNamespace = Objects.equals(policyNamespace, other.namespace());
      return new Match(sameNamespace ? Outcome.ALLOWED : Outcome.DENIED, List.of());
    }
    Optional<LabelSelector> selector = LabelSelector.fromV1LabelSelector(namespaces);
    if (selector.isEmpty()) {
      return new Match(Outcome.DENIED, List.of()); // one the API server cannot read selects nothing
    }
    if (selector.get().isEverything()) {
      return new Match(Outcome.ALLOWED, List.of());
    }
    Optional<Map<String, String>> labels = namespaceLabels(other.namespace(), selector.get());
    if (labels.isEmpty()) {
      return new Match(Outcome.UNKNOWN, List.of(at.message("namespaceSelector " + LabelSelectors.describe(namespaces)
          + " is not evaluated: the labels of namespace " + (other.namespace() == null ? "(none)" : other.namespace())
          + " are unknown (add its Namespace object)")));
    }
    return new Match(selector.get().matches(labels.get()) ? Outcome.ALLOWED : Outcome.DENIED, List.of());
  }

  /**
   * The labels of namespace {@code name}: its object's, or, when only {@code kubernetes.io/metadata.name}
   * matters to {@code selector}, the one label the API server always sets.
   */
  private Optional<Map<String, String>> namespaceLabels(String name, LabelSelector selector) {
    if (name == null) {
      return Optional.empty();
    }
    if (namespaceLabels.containsKey(name)) {
      return Optional.of(namespaceLabels.get(name));
    }
    boolean onlyName = selector.keys().stream().allMatch(NAMESPACE_NAME_LABEL::equals);
    return onlyName ? Optional.of(Map.of(NAMESPACE_NAME_LABEL, name)) : Optional.empty();
  }

  /**
   * An empty port list matches every port; otherwise a port matches on protocol (TCP when unset)
   * and number: absent (every port), equal, within {@code port..endPort}, or a name the
   * destination's container port of that number carries.
   */
  private static boolean portsMatch(List<V1NetworkPolicyPort> ports, Port wanted, V1PodSpec destination) {
    if (ports.isEmpty()) {
      return true;
    }
    for (V1NetworkPolicyPort port : ports) {
      if (!Ports.protocol(port.getProtocol()).equals(wanted.protocol())) {
        continue;
      }
      if (port.getPort() == null) {
        return true;
      }
      if (port.getPort().isInteger()) {
        int first = port.getPort().getIntValue();
        int last = port.getEndPort() == null ? first : port.getEndPort();
        if (wanted.number() >= first && wanted.number() <= last) {
          return true;
        }
      } else {
        for (V1ContainerPort declared : Ports.containerPorts(destination)) {
          if (port.getPort().getStrValue().equals(declared.getName())
              && Objects.equals(wanted.number(), declared.getContainerPort())
              && wanted.protocol().equals(Ports.protocol(declared.getProtocol()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
