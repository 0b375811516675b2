package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.list;
import static dev.mizzen.testkit.parity.RawObject.of;

import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressRule;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyPeer;
import dev.mizzen.dsl.network.NetworkPolicyPort;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Changes to PodDisruptionBudgets (base: selecting {@code web}, nothing else), NetworkPolicies
 * (base: selecting {@code web}, isolating nothing) and Ingresses (base: one host, {@code /} to {@code web:80}).
 */
final class NetworkChanges {
  private NetworkChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("pdb.amounts", EnumSet.of(Kind.POD_DISRUPTION_BUDGET), r -> {
      String min = pick(r, null, WorkloadChanges.amount(r));
      String max = pick(r, null, WorkloadChanges.amount(r));
      return Change.of("pdb.amounts", "minAvailable " + min + " maxUnavailable " + max,
          d -> d.budget(b -> {
            if (min != null) {
              b.minAvailable(Amount.parse(min));
            }
            if (max != null) {
              b.maxUnavailable(Amount.parse(max));
            }
          }),
          raw -> {
            raw.spec().remove("maxUnavailable");
            if (min != null) {
              raw.spec().put("minAvailable", WorkloadChanges.intOrString(min));
            }
            if (max != null) {
              raw.spec().put("maxUnavailable", WorkloadChanges.intOrString(max));
            }
          }).stricterWhen(min == null && max == null, StricterRule.PDB_NEITHER);
    }));
    all.add(new ChangeSource("networkpolicy.rule", EnumSet.of(Kind.NETWORK_POLICY), r -> {
      String cidr = pick(r, "10.0.0.0/8", "10.0.0.1/8", "10.0.0.0/33", "010.0.0.0/8", "fd00::/8", "fd00::1/8",
          "::ffff:10.0.0.0/104", "10.0.0.0", "0.0.0.0/0", "10.1.0.0/16");
      String except = pick(r, null, "10.1.0.0/16", "10.0.0.0/8", "11.0.0.0/16", "10.1.0.1/16");
      int port = pick(r, -1, 0, 1, 80, 65535, 65536);
      Integer end = pick(r, null, 79, 80, 81, 65536);
      boolean egress = r.nextBoolean();
      return Change.of("networkpolicy.rule", (egress ? "egress to " : "ingress from ") + cidr
              + (except == null ? "" : " except " + except) + " port " + port + (end == null ? "" : "-" + end),
          d -> d.on(NetworkPolicy.Builder.class, b -> {
            NetworkPolicyPeer peer = except == null ? NetworkPolicyPeer.ipBlock(cidr) : NetworkPolicyPeer.ipBlock(cidr, except);
            NetworkPolicyRule.Builder rule = (egress ? NetworkPolicyRule.to(peer) : NetworkPolicyRule.from(peer))
                .port(end == null ? NetworkPolicyPort.tcp(port) : NetworkPolicyPort.tcpRange(port, end));
            if (egress) {
              b.egressRule(rule);
            } else {
              b.ingressRule(rule);
            }
          }),
          raw -> {
            Map<String, Object> block = of("cidr", cidr);
            if (except != null) {
              block.put("except", List.of(except));
            }
            Map<String, Object> p = of("port", port, "protocol", "TCP");
            if (end != null) {
              p.put("endPort", end);
            }
            list(raw.spec(), egress ? "egress" : "ingress").add(of(egress ? "to" : "from", List.of(of("ipBlock", block)),
                "ports", List.of(p)));
            raw.spec().put("policyTypes", List.of(egress ? "Egress" : "Ingress"));
          }).stricterWhen(List.of("10.0.0.1/8", "fd00::1/8", "010.0.0.0/8", "::ffff:10.0.0.0/104").contains(cidr)
              || "10.1.0.1/16".equals(except), StricterRule.CIDR_STRICT);
    }));
    all.add(new ChangeSource("ingress.rule", EnumSet.of(Kind.INGRESS), r -> {
      String host = pick(r, "shop.example.com", "*.example.com", "*", "10.0.0.1", "Shop.example.com",
          Edges.subdomain(253), Edges.subdomain(254), "a..b", "");
      String path = pick(r, "/", "/api", "api", "/a//b", "/a/./b", "/a/../b", "/a/..", "/a%2fb", "");
      boolean exact = r.nextBoolean();
      String service = pick(r, "web", "Web", "web.x", Edges.label(63), Edges.label(64), "1web");
      int port = Edges.port(r);
      return Change.of("ingress.rule", "rule host '" + host + "' " + (exact ? "Exact" : "Prefix") + " '" + path
              + "' -> " + service + ":" + port,
          d -> d.on(Ingress.Builder.class, b -> {
            IngressRule.Builder rule = host.isEmpty() ? IngressRule.anyHost() : IngressRule.host(host);
            b.rule(exact ? rule.exact(path, service, port) : rule.prefix(path, service, port));
          }),
          raw -> {
            Map<String, Object> rule = of();
            if (!host.isEmpty()) {
              rule.put("host", host);
            }
            rule.put("http", of("paths", List.of(of("path", path, "pathType", exact ? "Exact" : "Prefix",
                "backend", of("service", of("name", service, "port", of("number", port)))))));
            list(raw.spec(), "rules").add(rule);
          });
    }));
    return all;
  }
}
