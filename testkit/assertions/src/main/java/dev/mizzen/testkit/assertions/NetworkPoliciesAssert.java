package dev.mizzen.testkit.assertions;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Can pod A reach pod B on port P?" under every NetworkPolicy among a list of objects, with
 * Kubernetes' semantics (see {@link #allow(String, String, int)}). Reached with
 * {@code assertThat(objects).networkPolicies()}.
 *
 * <p>Workloads are named {@code "web"} (the one pod-running object of that name),
 * {@code "Deployment/web"}, {@code "shop/web"} or {@code "shop/Deployment/web"} (a kind starts with
 * a capital letter); a source may also be given as pod labels, meaning such pods in the
 * destination's namespace. A port is a number (TCP) or the name of a destination container port
 * (with that port's protocol).
 */
public class NetworkPoliciesAssert extends AbstractMizzenAssert<NetworkPoliciesAssert, List<KubernetesObject>> {

  /** An assert on the NetworkPolicies (and the workloads and Namespaces they apply to) among {@code actual}. */
  public NetworkPoliciesAssert(List<KubernetesObject> actual) {
    super(actual, NetworkPoliciesAssert.class, "objects");
  }

  /**
   * Asserts pods of workload {@code from} may open a connection to pods of workload {@code to} on
   * TCP port {@code port}: neither the source's egress nor the destination's ingress is isolated,
   * or a rule of an isolating policy matches the peer and the port. Fails too when the answer
   * depends on peers that are not evaluated (ipBlocks, namespaces of unknown labels).
   */
  public NetworkPoliciesAssert allow(String from, String to, int port) {
    return check(true, Optional.of(from), Map.of(), to, new IntOrString(port));
  }

  /** As {@link #allow(String, String, int)}, on the container port of {@code to} named {@code port}. */
  public NetworkPoliciesAssert allow(String from, String to, String port) {
    return check(true, Optional.of(from), Map.of(), to, new IntOrString(port));
  }

  /** As {@link #allow(String, String, int)}, from pods labelled {@code fromLabels} in {@code to}'s namespace. */
  public NetworkPoliciesAssert allow(Map<String, String> fromLabels, String to, int port) {
    return check(true, Optional.empty(), fromLabels, to, new IntOrString(port));
  }

  /** As {@link #allow(String, String, String)}, from pods labelled {@code fromLabels} in {@code to}'s namespace. */
  public NetworkPoliciesAssert allow(Map<String, String> fromLabels, String to, String port) {
    return check(true, Optional.empty(), fromLabels, to, new IntOrString(port));
  }

  /** Asserts the policies deny pods of {@code from} a connection to pods of {@code to} on TCP port {@code port}. */
  public NetworkPoliciesAssert deny(String from, String to, int port) {
    return check(false, Optional.of(from), Map.of(), to, new IntOrString(port));
  }

  /** As {@link #deny(String, String, int)}, on the container port of {@code to} named {@code port}. */
  public NetworkPoliciesAssert deny(String from, String to, String port) {
    return check(false, Optional.of(from), Map.of(), to, new IntOrString(port));
  }

  /** As {@link #deny(String, String, int)}, from pods labelled {@code fromLabels} in {@code to}'s namespace. */
  public NetworkPoliciesAssert deny(Map<String, String> fromLabels, String to, int port) {
    return check(false, Optional.empty(), fromLabels, to, new IntOrString(port));
  }

  /** As {@link #deny(String, String, String)}, from pods labelled {@code fromLabels} in {@code to}'s namespace. */
  public NetworkPoliciesAssert deny(Map<String, String> fromLabels, String to, String port) {
    return check(false, Optional.empty(), fromLabels, to, new IntOrString(port));
  }

  private NetworkPoliciesAssert check(boolean expectAllowed, Optional<String> fromWorkload,
      Map<String, String> fromLabels, String toWorkload, IntOrString portRef) {
    requireActual();
    ObjectLookup to = ObjectLookup.workload(actual, toWorkload);
    if (to.found() == null) {
      failAt(location(), to.problem());
      return myself;
    }
    NetworkPolicies.Pods destination = pods(to.found());
    NetworkPolicies.Pods source;
    if (fromWorkload.isPresent()) {
      ObjectLookup from = ObjectLookup.workload(actual, fromWorkload.get());
      if (from.found() == null) {
        failAt(location(), from.problem());
        return myself;
      }
      source = pods(from.found());
    } else {
      source = new NetworkPolicies.Pods("pods " + LabelSelectors.describe(fromLabels) + " in namespace "
          + destination.namespace(), destination.namespace(), fromLabels, null);
    }
    NetworkPolicies.Port port;
    if (portRef.isInteger()) {
      port = new NetworkPolicies.Port("TCP", portRef.getIntValue());
    } else {
      Optional<V1ContainerPort> declared = Ports.resolve(destination.spec(), portRef);
      if (declared.isEmpty()) {
        failAt(location(), "expected a container port named " + quote(portRef.getStrValue()) + " on "
            + destination.description() + ", but its ports are " + Ports.describeAll(destination.spec()));
        return myself;
      }
      port = new NetworkPolicies.Port(Ports.protocol(declared.get().getProtocol()), declared.get().getContainerPort());
    }
    NetworkPolicies.Verdict verdict = new NetworkPolicies(actual).check(source, destination, port);
    String expected = "expected " + source.description() + (expectAllowed ? " to reach " : " not to reach ")
        + destination.description() + " on " + port;
    if (verdict.outcome() == NetworkPolicies.Outcome.UNKNOWN) {
      failAt(location(), expected + ", but it could not be decided: " + String.join("; ", verdict.reasons()));
    } else if (expectAllowed && verdict.outcome() == NetworkPolicies.Outcome.DENIED) {
      failAt(location(), expected + ", but it is denied: " + String.join("; ", verdict.reasons()));
    } else if (!expectAllowed && verdict.outcome() == NetworkPolicies.Outcome.ALLOWED) {
      failAt(location(), expected + ", but it is allowed: " + String.join("; ", verdict.reasons()));
    }
    return myself;
  }

  private static NetworkPolicies.Pods pods(KubernetesObject workload) {
    V1PodSpec spec = PodTemplates.of(workload).map(V1PodTemplateSpec::getSpec).orElse(null);
    return new NetworkPolicies.Pods(ObjectFields.ref(workload), ObjectFields.namespace(workload),
        PodTemplates.podLabels(workload), spec);
  }
}
