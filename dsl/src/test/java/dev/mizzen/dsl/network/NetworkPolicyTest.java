package dev.mizzen.dsl.network;

import static dev.mizzen.dsl.network.ServiceTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.port.Protocol;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1IPBlock;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {
  private static final RenderContext SHOP = RenderContext.of("shop", "shop");
  private static final Map<String, String> API_PODS =
      Map.of("app.kubernetes.io/name", "api", "app.kubernetes.io/part-of", "shop");
  private static final Map<String, String> WEB_PODS =
      Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop");

  @Test
  void rendersIngressFromAComponentOnOnePort() {
    NetworkPolicy api = NetworkPolicy.named("api")
        .selecting("api")
        .ingressRule(NetworkPolicyRule.from(NetworkPolicyPeer.pods("web")).tcp(9090))
        .build();

    assertThat(api.render(SHOP)).isEqualTo(new V1NetworkPolicy()
        .apiVersion("networking.k8s.io/v1")
        .kind("NetworkPolicy")
        .metadata(new V1ObjectMeta()
            .name("api")
            .namespace("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "api",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen")))
        .spec(new V1NetworkPolicySpec()
            .podSelector(new V1LabelSelector().matchLabels(API_PODS))
            .addIngressItem(new V1NetworkPolicyIngressRule()
                .addFromItem(new V1NetworkPolicyPeer().podSelector(new V1LabelSelector().matchLabels(WEB_PODS)))
                .addPortsItem(new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(9090))))
            .addPolicyTypesItem("Ingress")));
    assertThat(api.selectedComponent()).contains("api");
    assertThat(api.effectivePolicyTypes()).containsExactly(NetworkPolicy.PolicyType.INGRESS);
  }

  @Test
  void rendersEveryKindOfPeerAndPort() {
    NetworkPolicy policy = NetworkPolicy.named("web-egress")
        .selecting("web")
        .egressRule(NetworkPolicyRule.to(NetworkPolicyPeer.namespace("kube-system")).udp(53).tcp(53))
        .egressRule(NetworkPolicyRule.to(
                NetworkPolicyPeer.pods("prometheus").inNamespace("monitoring"),
                NetworkPolicyPeer.ipBlock("10.0.0.0/8", "10.1.0.0/16"),
                NetworkPolicyPeer.allNamespaces())
            .port(NetworkPolicyPort.tcpRange(32000, 32768))
            .tcp("metrics")
            .port(NetworkPolicyPort.anyPort(Protocol.SCTP)))
        .egressRule(NetworkPolicyRule.anyPeer().port(NetworkPolicyPort.udp("dns")))
        .build();

    V1NetworkPolicySpec spec = policy.render(SHOP).getSpec();
    assertThat(spec.getIngress()).isEmpty();
    assertThat(spec.getPolicyTypes()).containsExactly("Egress");
    assertThat(spec.getEgress()).containsExactly(
        new V1NetworkPolicyEgressRule()
            .addToItem(new V1NetworkPolicyPeer().namespaceSelector(
                new V1LabelSelector().matchLabels(Map.of("kubernetes.io/metadata.name", "kube-system"))))
            .addPortsItem(new V1NetworkPolicyPort().protocol("UDP").port(new IntOrString(53)))
            .addPortsItem(new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(53))),
        new V1NetworkPolicyEgressRule()
            .addToItem(new V1NetworkPolicyPeer()
                .podSelector(new V1LabelSelector().matchLabels(Map.of("app.kubernetes.io/name", "prometheus")))
                .namespaceSelector(new V1LabelSelector().matchLabels(
                    Map.of("kubernetes.io/metadata.name", "monitoring"))))
            .addToItem(new V1NetworkPolicyPeer().ipBlock(new V1IPBlock().cidr("10.0.0.0/8").addExceptItem("10.1.0.0/16")))
            .addToItem(new V1NetworkPolicyPeer().namespaceSelector(new V1LabelSelector()))
            .addPortsItem(new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(32000)).endPort(32768))
            .addPortsItem(new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString("metrics")))
            .addPortsItem(new V1NetworkPolicyPort().protocol("SCTP")),
        new V1NetworkPolicyEgressRule()
            .addPortsItem(new V1NetworkPolicyPort().protocol("UDP").port(new IntOrString("dns"))));
  }

  @Test
  void peersInOtherNamespacesSelectPodsWithoutThisAppsPartOf() {
    NetworkPolicy api = NetworkPolicy.named("api")
        .selecting("api")
        .ingressRule(NetworkPolicyRule.from(
            NetworkPolicyPeer.pods("prometheus").inNamespace("monitoring"),
            NetworkPolicyPeer.pods(PodSelector.component("fluentd").withLabel("tier", "logs"))
                .inNamespaces(NamespaceSelector.label("purpose", "logging")),
            NetworkPolicyPeer.pods("probe").inNamespaces(NamespaceSelector.all()),
            NetworkPolicyPeer.pods(PodSelector.label("app", "legacy")).inNamespace("legacy"),
            NetworkPolicyPeer.pods("web").inNamespace("shop"),
            NetworkPolicyPeer.pods("web")))
        .build();

    assertThat(api.render(SHOP).getSpec().getIngress().get(0).getFrom())
        .extracting(peer -> peer.getPodSelector().getMatchLabels())
        .containsExactly(
            Map.of("app.kubernetes.io/name", "prometheus"),
            Map.of("app.kubernetes.io/name", "fluentd", "tier", "logs"),
            Map.of("app.kubernetes.io/name", "probe"),
            Map.of("app", "legacy"),
            WEB_PODS,
            WEB_PODS);
  }

  @Test
  void aPeersOwnNamespaceIsThePolicysNotTheApps() {
    NetworkPolicy edge = NetworkPolicy.named("proxy").namespace("edge")
        .selecting("proxy")
        .ingressRule(NetworkPolicyRule.from(
            NetworkPolicyPeer.pods("web").inNamespace("shop"),
            NetworkPolicyPeer.pods("lb").inNamespace("edge"),
            NetworkPolicyPeer.pods("lb").inNamespaces(NamespaceSelector.labels(
                Map.of(NamespaceSelector.NAME_LABEL, "edge", "tier", "edge")))))
        .build();

    assertThat(edge.render(SHOP).getSpec().getIngress().get(0).getFrom())
        .extracting(peer -> peer.getPodSelector().getMatchLabels())
        .containsExactly(
            Map.of("app.kubernetes.io/name", "web"),
            Map.of("app.kubernetes.io/name", "lb", "app.kubernetes.io/part-of", "shop"),
            Map.of("app.kubernetes.io/name", "lb", "app.kubernetes.io/part-of", "shop"));
    assertThat(edge.render().getSpec().getIngress().get(0).getFrom())
        .extracting(peer -> peer.getPodSelector().getMatchLabels())
        .allSatisfy(labels -> assertThat(labels).doesNotContainKey("app.kubernetes.io/part-of"));
  }

  @Test
  void derivesPolicyTypesWithoutIgnoringAnyRule() {
    NetworkPolicy denyAll = NetworkPolicy.named("default-deny").selectingAllPods().build();
    assertThat(denyAll.render().getSpec()).isEqualTo(new V1NetworkPolicySpec()
        .podSelector(new V1LabelSelector())
        .addPolicyTypesItem("Ingress"));

    NetworkPolicy lockdown = NetworkPolicy.named("lockdown").selectingAllPods()
        .isolateEgress().isolateIngress().build();
    assertThat(lockdown.render().getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");

    NetworkPolicy both = NetworkPolicy.named("both").selecting("web")
        .isolateIngress()
        .egressRule(NetworkPolicyRule.to(NetworkPolicyPeer.allPods()))
        .build();
    assertThat(both.render().getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(both.render().getSpec().getEgress().get(0).getTo())
        .containsExactly(new V1NetworkPolicyPeer().podSelector(new V1LabelSelector()));
  }

  @Test
  void needsAPodSelector() {
    assertThat(problems(() -> NetworkPolicy.named("np").build()))
        .containsExactly("NetworkPolicy/np: spec.podSelector: is required: call selecting(component) or selectingAllPods()");
  }

  @Test
  void reportsPortProblems() {
    assertThat(problems(() -> NetworkPolicy.named("np").selecting("api")
        .ingressRule(NetworkPolicyRule.anyPeer()
            .tcp(0)
            .tcp("HTTP")
            .port(NetworkPolicyPort.tcpRange(9000, 8000))
            .port(NetworkPolicyPort.udpRange(1, 70000)))
        .build())).containsExactly(
        "NetworkPolicy/np: spec.ingress[0].ports[0].port: must be 1..65535, was 0",
        "NetworkPolicy/np: spec.ingress[0].ports[1].port: port name must be at most 15 lowercase letters,"
            + " digits or '-', contain a letter, and not start, end or repeat '-', was 'HTTP'",
        "NetworkPolicy/np: spec.ingress[0].ports[2].endPort: must be >= port 9000, was 8000",
        "NetworkPolicy/np: spec.ingress[0].ports[3].endPort: must be 1..65535, was 70000");
  }

  @Test
  void reportsPeerProblems() {
    assertThat(problems(() -> NetworkPolicy.named("np").selecting(PodSelector.label("tier", "back end"))
        .ingressRule(NetworkPolicyRule.from(
            NetworkPolicyPeer.ipBlock("10.0.0.0/8").inNamespace("other"),
            NetworkPolicyPeer.ipBlock("10.0.0.0/8", "10.0.0.0/8", "192.168.0.0/24", "10.2.0.0/33"),
            NetworkPolicyPeer.ipBlock("10.0.0.1/8"),
            NetworkPolicyPeer.ipBlock("010.0.0.0/8"),
            NetworkPolicyPeer.ipBlock("fd00::/64", "fd00::/72"),
            NetworkPolicyPeer.namespaces(NamespaceSelector.label("team", "a b")),
            NetworkPolicyPeer.pods("web!")))
        .build())).containsExactly(
        "NetworkPolicy/np: spec.podSelector.matchLabels[tier]: label value 'back end' must be at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        "NetworkPolicy/np: spec.ingress[0].from[0]: may not specify both ipBlock and another peer",
        "NetworkPolicy/np: spec.ingress[0].from[1].ipBlock.except[0]: must be a strict subset of cidr"
            + " '10.0.0.0/8', was '10.0.0.0/8'",
        "NetworkPolicy/np: spec.ingress[0].from[1].ipBlock.except[1]: must be a strict subset of cidr"
            + " '10.0.0.0/8', was '192.168.0.0/24'",
        "NetworkPolicy/np: spec.ingress[0].from[1].ipBlock.except[2]: must be a CIDR block such as 10.0.0.0/16"
            + " or fd00::/64 (no leading zeros, no zone, prefix within the address length), was '10.2.0.0/33'",
        "NetworkPolicy/np: spec.ingress[0].from[2].ipBlock.cidr: must have no bits set after the /8 prefix,"
            + " was '10.0.0.1/8'; did you mean '10.0.0.0/8'?",
        "NetworkPolicy/np: spec.ingress[0].from[3].ipBlock.cidr: must be a CIDR block such as 10.0.0.0/16"
            + " or fd00::/64 (no leading zeros, no zone, prefix within the address length), was '010.0.0.0/8'",
        "NetworkPolicy/np: spec.ingress[0].from[5].namespaceSelector.matchLabels[team]: label value 'a b' must"
            + " be at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        "NetworkPolicy/np: spec.ingress[0].from[6].podSelector.matchLabels[app.kubernetes.io/name]: label value"
            + " 'web!' must be at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
  }

  @Test
  void reportsEgressPeersUnderTo() {
    assertThat(problems(() -> NetworkPolicy.named("np").selectingAllPods()
        .egressRule(NetworkPolicyRule.to(NetworkPolicyPeer.ipBlock("nonsense")))
        .build())).containsExactly(
        "NetworkPolicy/np: spec.egress[0].to[0].ipBlock.cidr: must be a CIDR block such as 10.0.0.0/16"
            + " or fd00::/64 (no leading zeros, no zone, prefix within the address length), was 'nonsense'");
  }

  @Test
  void customizersRunLast() {
    V1NetworkPolicy rendered = NetworkPolicy.named("np").selectingAllPods()
        .customize(np -> np.getSpec().getPolicyTypes().add("Egress"))
        .build().render();
    assertThat(rendered.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
  }
}
