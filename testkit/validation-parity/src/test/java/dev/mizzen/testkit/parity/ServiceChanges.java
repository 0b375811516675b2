package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.list;
import static dev.mizzen.testkit.parity.RawObject.of;

import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.network.ServicePort;
import dev.mizzen.dsl.port.PortRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Changes to a Service (base: ClusterIP, selecting {@code web}, port 80 named {@code http}). */
final class ServiceChanges {
  private ServiceChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("service.ports", EnumSet.of(Kind.SERVICE), r -> {
      int port = Edges.port(r);
      String name = pick(r, null, "http", "admin", "Admin", Edges.label(63), Edges.label(64), "");
      Object target = pick(r, null, 0, 1, 8080, 65536, "", "http", "HTTP", Edges.label(16), "a--b");
      String protocol = pick(r, "TCP", "TCP", "UDP");
      return Change.of("service.ports", "second port " + protocol + " " + port + " name '" + name + "' targetPort '" + target + "'",
          d -> d.on(Service.Builder.class, b -> {
            ServicePort.Builder p = protocol.equals("UDP") ? ServicePort.udp(port) : ServicePort.tcp(port);
            if (name != null) {
              p.name(name);
            }
            if (target instanceof Integer n) {
              p.targetPort(PortRef.number(n));
            } else if (target != null) {
              p.targetPort(PortRef.name((String) target));
            }
            b.port(p);
          }),
          raw -> {
            Map<String, Object> p = of();
            if (name != null) {
              p.put("name", name);
            }
            p.put("port", port);
            p.put("protocol", protocol);
            if (target != null) {
              p.put("targetPort", target);
            }
            list(raw.spec(), "ports").add(p);
          }).stricterWhen(Integer.valueOf(0).equals(target) || "".equals(target), StricterRule.SERVICE_TARGET_PORT_ZERO);
    }));
    all.add(new ChangeSource("service.type", EnumSet.of(Kind.SERVICE), r -> {
      String type = pick(r, "NodePort", "LoadBalancer", "ClusterIP");
      Integer nodePort = pick(r, null, 0, 29999, 30000, 32767, 32768);
      return Change.of("service.type", type + " with nodePort " + nodePort,
          d -> d.on(Service.Builder.class, b -> {
            b.type(Service.Type.valueOf(type.equals("NodePort") ? "NODE_PORT"
                : type.equals("LoadBalancer") ? "LOAD_BALANCER" : "CLUSTER_IP"));
            if (nodePort != null) {
              b.port(ServicePort.tcp(81).name("extra").nodePort(nodePort));
            }
          }),
          raw -> {
            raw.spec().put("type", type);
            if (nodePort != null) {
              list(raw.spec(), "ports").add(of("name", "extra", "port", 81, "protocol", "TCP", "nodePort", nodePort));
            }
          }).stricterWhen(nodePort != null && (nodePort == 0 || (nodePort < 30000 || nodePort > 32767)
              && !type.equals("ClusterIP")), StricterRule.SERVICE_NODE_PORT_RANGE);
    }));
    all.add(new ChangeSource("service.affinity", EnumSet.of(Kind.SERVICE), r -> {
      boolean clientIp = r.nextBoolean();
      long timeout = pick(r, -1L, 0L, 1L, 10800L, 86400L, 86401L);
      return Change.of("service.affinity", "sessionAffinity " + (clientIp ? "ClientIP" : "None") + " timeout " + timeout + "s",
          d -> d.on(Service.Builder.class, b -> b.sessionAffinity(clientIp ? Service.SessionAffinity.CLIENT_IP
              : Service.SessionAffinity.NONE).sessionAffinityTimeout(Duration.ofSeconds(timeout))),
          raw -> {
            raw.spec().put("sessionAffinity", clientIp ? "ClientIP" : "None");
            raw.spec().put("sessionAffinityConfig", of("clientIP", of("timeoutSeconds", timeout)));
          }).stricterWhen(!clientIp, StricterRule.SERVICE_AFFINITY_TIMEOUT);
    }));
    return all;
  }
}
