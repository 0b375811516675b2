package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.internal.PodSelectors;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.ObjectMetadata;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A NetworkPolicy ({@code networking.k8s.io/v1}): which traffic may reach (ingress) or leave
 * (egress) the pods it selects. Once a pod is selected by a policy of a type, only traffic some
 * policy allows gets through in that direction.
 *
 * <pre>{@code
 * NetworkPolicy api = NetworkPolicy.named("api")
 *     .selecting("api")
 *     .ingressRule(NetworkPolicyRule.from(NetworkPolicyPeer.pods("web")).tcp(9090))
 *     .build();
 * NetworkPolicy denyAll = NetworkPolicy.named("default-deny")
 *     .selectingAllPods().isolateIngress().isolateEgress()
 *     .build();
 * }</pre>
 *
 * <p>{@code policyTypes} is always rendered, so no rule is ever ignored: Ingress when there are
 * ingress rules or {@code isolateIngress()} was called, Egress likewise, and Ingress alone when
 * there is nothing else (a policy denying all ingress). The API server's own default adds Ingress
 * even to egress-only policies, which would silently deny all ingress; this one does not.
 */
@Value.Immutable
public abstract class NetworkPolicy implements KubernetesResource {

  /** The directions a policy isolates. */
  public enum PolicyType {
    INGRESS("Ingress"),
    EGRESS("Egress");

    private final String value;

    PolicyType(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** Starts a NetworkPolicy named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The pods the policy applies to (required: {@code selecting(..)} or {@code selectingAllPods()}). */
  public abstract Optional<PodSelector> selecting();

  /** Allowed incoming traffic, in order. */
  public abstract List<NetworkPolicyRule> ingressRules();

  /** Allowed outgoing traffic, in order. */
  public abstract List<NetworkPolicyRule> egressRules();

  /** Directions isolated even without rules in them ({@code isolateIngress()}, {@code isolateEgress()}). */
  public abstract Set<PolicyType> policyTypes();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1NetworkPolicy>> customizers();

  /**
   * The directions rendered: those set explicitly, plus Ingress when there are ingress rules and
   * Egress when there are egress rules; Ingress alone when that leaves none.
   */
  public final Set<PolicyType> effectivePolicyTypes() {
    Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
    types.addAll(policyTypes());
    if (!ingressRules().isEmpty()) {
      types.add(PolicyType.INGRESS);
    }
    if (!egressRules().isEmpty()) {
      types.add(PolicyType.EGRESS);
    }
    if (types.isEmpty()) {
      types.add(PolicyType.INGRESS);
    }
    return types;
  }

  /** The component whose pods this policy applies to, if it selects by component. */
  public final Optional<String> selectedComponent() {
    return selecting().flatMap(PodSelector::component);
  }

  @Override
  public final String apiVersion() {
    return "networking.k8s.io/v1";
  }

  @Override
  public final String kind() {
    return "NetworkPolicy";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    Validation spec = v.field("spec");
    Validation selector = spec.field("podSelector");
    if (selector.check(selecting().isPresent(),
        "is required: call selecting(component) or selectingAllPods()")) {
      PodSelectors.validate(selector.field("matchLabels"), selecting().get());
    }
    for (int i = 0; i < ingressRules().size(); i++) {
      ingressRules().get(i).validate(spec.field("ingress").index(i), "from");
    }
    for (int i = 0; i < egressRules().size(); i++) {
      egressRules().get(i).validate(spec.field("egress").index(i), "to");
    }
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1NetworkPolicy render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1NetworkPolicy render(RenderContext context) {
    V1NetworkPolicySpec spec = new V1NetworkPolicySpec();
    selecting().ifPresent(selector -> spec.setPodSelector(PodSelectors.toV1LabelSelector(selector, context)));
    RenderContext own = namespace().map(context::withNamespace).orElse(context); // peers compare with it
    if (!ingressRules().isEmpty()) {
      List<V1NetworkPolicyIngressRule> rules = new ArrayList<>();
      ingressRules().forEach(rule -> rules.add(rule.toV1IngressRule(own)));
      spec.setIngress(rules);
    }
    if (!egressRules().isEmpty()) {
      List<V1NetworkPolicyEgressRule> rules = new ArrayList<>();
      egressRules().forEach(rule -> rules.add(rule.toV1EgressRule(own)));
      spec.setEgress(rules);
    }
    List<String> types = new ArrayList<>();
    for (PolicyType type : PolicyType.values()) {
      if (effectivePolicyTypes().contains(type)) {
        types.add(type.value());
      }
    }
    spec.setPolicyTypes(types);
    V1NetworkPolicy rendered = new V1NetworkPolicy()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link NetworkPolicy}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableNetworkPolicy.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Applies the policy to the pods of {@code component}. */
    public Builder selecting(String component) {
      return selecting(PodSelector.component(component));
    }

    /** Applies the policy to the pods of the component {@code workload} belongs to. */
    public Builder selecting(ObjectMetadata workload) {
      return selecting(PodSelector.component(workload));
    }


    /** Applies the policy to every pod in its namespace. */
    public Builder selectingAllPods() {
      return selecting(PodSelector.all());
    }

    /** Allows the incoming traffic {@code rule} describes (also {@code ingressRule(rule)} for a built one). */
    public Builder ingressRule(NetworkPolicyRule.Builder rule) {
      return ingressRule(rule.build());
    }

    /** Allows the outgoing traffic {@code rule} describes (also {@code egressRule(rule)} for a built one). */
    public Builder egressRule(NetworkPolicyRule.Builder rule) {
      return egressRule(rule.build());
    }

    /**
     * Isolates the selected pods for ingress: only traffic some {@code ingressRule} rule (of
     * this or another policy) allows gets in; with no such rule, none.
     */
    public Builder isolateIngress() {
      return policyType(PolicyType.INGRESS);
    }

    /** Isolates the selected pods for egress, as {@link #isolateIngress()} does for ingress. */
    public Builder isolateEgress() {
      return policyType(PolicyType.EGRESS);
    }
  }
}
