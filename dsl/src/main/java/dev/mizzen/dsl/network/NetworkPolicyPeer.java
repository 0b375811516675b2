package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.PodSelectors;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1IPBlock;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The other end of a NetworkPolicy rule: pods (of a component, in the policy's namespace or in
 * other namespaces), whole namespaces, or an IP block.
 *
 * <pre>{@code
 * NetworkPolicyPeer.pods("web");                              // web pods of this app, same namespace
 * NetworkPolicyPeer.pods("prometheus").inNamespace("monitoring");   // any app's, by name only
 * NetworkPolicyPeer.namespace("ingress-nginx");               // every pod there
 * NetworkPolicyPeer.ipBlock("10.0.0.0/8", "10.1.0.0/16");     // 10/8 except 10.1/16
 * }</pre>
 *
 * <p>Pods in the policy's own namespace (no namespace selector, or one naming that namespace)
 * are this application's: in an App their selector includes {@code app.kubernetes.io/part-of}.
 * Pods anywhere else (another namespace by name, namespaces by label, all namespaces) belong to
 * other applications, which never carry this one's {@code part-of}: their selector is the
 * component's {@code app.kubernetes.io/name} and the explicit labels only.
 */
@Value.Immutable
public abstract class NetworkPolicyPeer {

  /** The pods of {@code component} in the policy's namespace. */
  public static NetworkPolicyPeer pods(String component) {
    return pods(PodSelector.component(component));
  }

  /** The pods {@code selector} chooses, in the policy's namespace. */
  public static NetworkPolicyPeer pods(PodSelector selector) {
    return ImmutableNetworkPolicyPeer.builder().podSelector(selector).build();
  }

  /** Every pod in the policy's namespace. */
  public static NetworkPolicyPeer allPods() {
    return pods(PodSelector.all());
  }

  /** Every pod in the namespace named {@code namespace}. */
  public static NetworkPolicyPeer namespace(String namespace) {
    return namespaces(NamespaceSelector.named(namespace));
  }

  /** Every pod in the namespaces {@code selector} chooses. */
  public static NetworkPolicyPeer namespaces(NamespaceSelector selector) {
    return ImmutableNetworkPolicyPeer.builder().namespaceSelector(selector).build();
  }

  /** Every pod in every namespace (not addresses outside the cluster). */
  public static NetworkPolicyPeer allNamespaces() {
    return namespaces(NamespaceSelector.all());
  }

  /** Addresses in the CIDR block {@code cidr} except those in the {@code except} blocks. */
  public static NetworkPolicyPeer ipBlock(String cidr, String... except) {
    return ImmutableNetworkPolicyPeer.builder().cidr(cidr).except(except).build();
  }

  /** Which pods. */
  public abstract Optional<PodSelector> podSelector();

  /** Which namespaces; absent with a pod selector means the policy's namespace. */
  public abstract Optional<NamespaceSelector> namespaceSelector();

  /** The CIDR block of an IP block peer. */
  public abstract Optional<String> cidr();

  /** The CIDR blocks inside {@link #cidr()} that are excluded. */
  public abstract List<String> except();

  /** These pods, but in the namespace named {@code namespace} instead of the policy's. */
  public final NetworkPolicyPeer inNamespace(String namespace) {
    return inNamespaces(NamespaceSelector.named(namespace));
  }

  /** These pods, but in the namespaces {@code selector} chooses. */
  public final NetworkPolicyPeer inNamespaces(NamespaceSelector selector) {
    return ImmutableNetworkPolicyPeer.builder()
        .podSelector(podSelector())
        .namespaceSelector(selector)
        .cidr(cidr())
        .except(except())
        .build();
  }

  /**
   * Whether the pods are in the policy's own namespace, {@code policyNamespace}: there is no
   * namespace selector, or it names that namespace. Only these pods are selected as the
   * application's (with its {@code app.kubernetes.io/part-of}).
   */
  public final boolean inPolicyNamespace(Optional<String> policyNamespace) {
    return namespaceSelector()
        .map(selector -> selector.namespaceName().isPresent() && selector.namespaceName().equals(policyNamespace))
        .orElse(true);
  }

  /**
   * The client-java model, in the context of its policy: {@code context}'s namespace is the
   * policy's (see {@link #inPolicyNamespace(Optional)}).
   */
  final V1NetworkPolicyPeer toV1NetworkPolicyPeer(RenderContext context) {
    V1NetworkPolicyPeer rendered = new V1NetworkPolicyPeer();
    RenderContext pods = inPolicyNamespace(context.namespace()) ? context : context.withoutPartOf();
    podSelector().ifPresent(selector -> rendered.setPodSelector(PodSelectors.toV1LabelSelector(selector, pods)));
    namespaceSelector().ifPresent(selector -> rendered.setNamespaceSelector(selector.toV1LabelSelector()));
    cidr().ifPresent(cidr -> {
      V1IPBlock block = new V1IPBlock().cidr(cidr);
      if (!except().isEmpty()) {
        block.setExcept(new ArrayList<>(except()));
      }
      rendered.setIpBlock(block);
    });
    return rendered;
  }

  /**
   * Checks selectors, CIDR blocks and that an IP block stands alone; {@code v} is at the peer.
   * (Every factory sets a peer, so the API server's "must specify a peer" cannot happen.)
   */
  final void validate(Validation v) {
    podSelector().ifPresent(s -> PodSelectors.validate(v.field("podSelector").field("matchLabels"), s));
    namespaceSelector().ifPresent(s -> s.validate(v.field("namespaceSelector").field("matchLabels")));
    if (cidr().isPresent()) {
      v.check(podSelector().isEmpty() && namespaceSelector().isEmpty(),
          "may not specify both ipBlock and another peer");
      Validation block = v.field("ipBlock");
      Optional<Cidrs.Block> outer = Cidrs.check(block.field("cidr"), cidr().get());
      for (int i = 0; i < except().size(); i++) {
        Validation at = block.field("except").index(i);
        Optional<Cidrs.Block> inner = Cidrs.check(at, except().get(i));
        if (outer.isPresent() && inner.isPresent()) {
          at.check(outer.get().strictlyContains(inner.get()),
              "must be a strict subset of cidr '%s', was '%s'", cidr().get(), except().get(i));
        }
      }
    }
  }
}
