package dev.mizzen.dsl.network;

import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * Traffic a NetworkPolicy allows: from (ingress) or to (egress) some peers, on some ports.
 * No peers means any peer; no ports means every port.
 *
 * <pre>{@code
 * NetworkPolicyRule.from(NetworkPolicyPeer.pods("web")).tcp(9090);
 * NetworkPolicyRule.to(NetworkPolicyPeer.namespace("kube-system")).udp(53).tcp(53);
 * }</pre>
 */
@Value.Immutable
public abstract class NetworkPolicyRule {

  /** Traffic from {@code peers} (for {@code ingressRule}). */
  public static Builder from(NetworkPolicyPeer... peers) {
    return new Builder().peers(peers);
  }

  /** Traffic to {@code peers} (for {@code egressRule}). */
  public static Builder to(NetworkPolicyPeer... peers) {
    return new Builder().peers(peers);
  }

  /** Traffic from or to anywhere, narrowed by ports only. */
  public static Builder anyPeer() {
    return new Builder();
  }

  /** The peers; empty means any source or destination. */
  public abstract List<NetworkPolicyPeer> peers();

  /** The destination ports; empty means every port. */
  public abstract List<NetworkPolicyPort> ports();

  /** As an ingress rule ({@code from}, {@code ports}); {@code context}'s namespace is the policy's. */
  final V1NetworkPolicyIngressRule toV1IngressRule(RenderContext context) {
    V1NetworkPolicyIngressRule rule = new V1NetworkPolicyIngressRule();
    if (!peers().isEmpty()) {
      rule.setFrom(renderPeers(context));
    }
    if (!ports().isEmpty()) {
      rule.setPorts(renderPorts());
    }
    return rule;
  }

  /** As an egress rule ({@code to}, {@code ports}); {@code context}'s namespace is the policy's. */
  final V1NetworkPolicyEgressRule toV1EgressRule(RenderContext context) {
    V1NetworkPolicyEgressRule rule = new V1NetworkPolicyEgressRule();
    if (!peers().isEmpty()) {
      rule.setTo(renderPeers(context));
    }
    if (!ports().isEmpty()) {
      rule.setPorts(renderPorts());
    }
    return rule;
  }

  private List<V1NetworkPolicyPeer> renderPeers(RenderContext context) {
    List<V1NetworkPolicyPeer> rendered = new ArrayList<>();
    peers().forEach(peer -> rendered.add(peer.toV1NetworkPolicyPeer(context)));
    return rendered;
  }

  private List<V1NetworkPolicyPort> renderPorts() {
    List<V1NetworkPolicyPort> rendered = new ArrayList<>();
    ports().forEach(port -> rendered.add(port.toV1NetworkPolicyPort()));
    return rendered;
  }

  /**
   * Checks every peer and port; {@code v} is at the rule ({@code spec.ingress[0]}) and
   * {@code peersField} is {@code from} or {@code to}.
   */
  final void validate(Validation v, String peersField) {
    for (int i = 0; i < ports().size(); i++) {
      ports().get(i).validate(v.field("ports").index(i));
    }
    for (int i = 0; i < peers().size(); i++) {
      peers().get(i).validate(v.field(peersField).index(i));
    }
  }

  /** Builds a {@link NetworkPolicyRule}. */
  public static final class Builder extends ImmutableNetworkPolicyRule.Builder {
    Builder() {}

    /** Allows TCP port {@code port}. */
    public Builder tcp(int port) {
      return port(NetworkPolicyPort.tcp(port));
    }

    /** Allows the TCP port named {@code name}. */
    public Builder tcp(String name) {
      return port(NetworkPolicyPort.tcp(name));
    }

    /** Allows UDP port {@code port}. */
    public Builder udp(int port) {
      return port(NetworkPolicyPort.udp(port));
    }
  }
}
