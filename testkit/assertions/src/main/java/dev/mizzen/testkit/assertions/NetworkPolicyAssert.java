package dev.mizzen.testkit.assertions;

import dev.mizzen.dsl.workload.Workload;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Assertions on one NetworkPolicy: which pods it selects and which directions it isolates. To
 * ask whether traffic flows under all policies together, use
 * {@code assertThat(objects).networkPolicies().allow(from, to, port)} ({@link NetworkPoliciesAssert}).
 */
public class NetworkPolicyAssert extends AbstractKubernetesObjectAssert<NetworkPolicyAssert, V1NetworkPolicy> {

  /** An assert on {@code actual}. */
  public NetworkPolicyAssert(V1NetworkPolicy actual) {
    super(actual, NetworkPolicyAssert.class);
  }

  /**
   * Asserts the policy applies to the pods of {@code workload}: same namespace, and its podSelector
   * selects their labels.
   */
  public NetworkPolicyAssert selectsPodsOf(KubernetesObject workload) {
    requireActual();
    String target = ObjectFields.ref(workload);
    if (!Objects.equals(ObjectFields.namespace(actual), ObjectFields.namespace(workload))) {
      failAt(location().field("metadata.namespace"), "expected to apply to the pods of " + target
          + ", but they are in another namespace");
    } else if (!NetworkPolicies.selects(actual, PodTemplates.podLabels(workload))) {
      failAt(location().field("spec.podSelector"), "expected to select the pods of " + target + " "
          + LabelSelectors.describe(PodTemplates.podLabels(workload)) + ", but was "
          + LabelSelectors.describe(actual.getSpec().getPodSelector()));
    }
    return myself;
  }

  /** As {@link #selectsPodsOf(KubernetesObject)} for a DSL workload, rendered in this policy's context. */
  public NetworkPolicyAssert selectsPodsOf(Workload workload) {
    requireActual();
    return selectsPodsOf(workload.render(PodTemplates.contextOf(actual)));
  }

  /**
   * Asserts the policy isolates its pods' ingress ({@code Ingress} among its policy types, defaulted
   * as the API server does).
   */
  public NetworkPolicyAssert isolatesIngress() {
    return checkType("Ingress");
  }

  /**
   * Asserts the policy isolates its pods' egress ({@code Egress} among its policy types, defaulted as
   * the API server does).
   */
  public NetworkPolicyAssert isolatesEgress() {
    return checkType("Egress");
  }

  private NetworkPolicyAssert checkType(String type) {
    requireActual();
    List<String> types = NetworkPolicies.types(actual);
    if (!types.contains(type)) {
      failAt(location().field("spec.policyTypes"),
          "expected " + type + " among the policy types, but they are " + types);
    }
    return myself;
  }
}
