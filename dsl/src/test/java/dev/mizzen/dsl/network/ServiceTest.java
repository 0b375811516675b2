package dev.mizzen.dsl.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.port.PortRef;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ClientIPConfig;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1SessionAffinityConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ServiceTest {
  private static final RenderContext SHOP = RenderContext.of("shop", "shop");

  @Test
  void rendersAClusterIpServiceSelectingAComponent() {
    Service web = Service.named("web").selecting("web").port(80, "http").build();

    assertThat(web.render(SHOP)).isEqualTo(new V1Service()
        .apiVersion("v1")
        .kind("Service")
        .metadata(new V1ObjectMeta()
            .name("web")
            .namespace("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "web",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen")))
        .spec(new V1ServiceSpec()
            .type("ClusterIP")
            .selector(Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop"))
            .addPortsItem(new V1ServicePort()
                .name("http").port(80).targetPort(new IntOrString("http")).protocol("TCP"))));
    assertThat(web.selectedComponent()).contains("web");
    assertThat(web.ports().get(0).effectiveTargetPort()).isEqualTo(PortRef.name("http"));
  }

  @Test
  void selectsTheComponentOfAnObject() {
    ConfigMap config = ConfigMap.named("web-config").component("web").build();
    assertThat(Service.named("web").selecting(config).port(80).build().selectedComponent()).contains("web");
  }

  @Test
  void rendersAHeadlessService() {
    V1Service db = Service.headless("db").selecting("db").port(5432, "pg")
        .publishNotReadyAddresses(true).build().render();

    assertThat(db.getSpec()).isEqualTo(new V1ServiceSpec()
        .type("ClusterIP")
        .clusterIP("None")
        .selector(Map.of("app.kubernetes.io/name", "db"))
        .addPortsItem(new V1ServicePort().name("pg").port(5432).targetPort(new IntOrString("pg")).protocol("TCP"))
        .publishNotReadyAddresses(true));
    assertThat(Service.headless("peers").selecting("db").build().ports()).isEmpty();
  }

  @Test
  void rendersNodePortAndLoadBalancerOptions() {
    V1Service edge = Service.loadBalancer("edge")
        .selecting(PodSelector.component("web").withLabel("track", "stable"))
        .port(ServicePort.tcp(443).name("https").targetPort(8443).nodePort(30443).appProtocol("https"))
        .port(ServicePort.udp(443).name("quic").targetPort("quic"))
        .externalTrafficPolicy(Service.TrafficPolicy.LOCAL)
        .loadBalancerSourceRange("203.0.113.0/24")
        .clientIpAffinity(Duration.ofMinutes(10))
        .build()
        .render();

    assertThat(edge.getSpec()).isEqualTo(new V1ServiceSpec()
        .type("LoadBalancer")
        .selector(Map.of("app.kubernetes.io/name", "web", "track", "stable"))
        .addPortsItem(new V1ServicePort().name("https").port(443).targetPort(new IntOrString(8443))
            .protocol("TCP").nodePort(30443).appProtocol("https"))
        .addPortsItem(new V1ServicePort().name("quic").port(443).targetPort(new IntOrString("quic"))
            .protocol("UDP"))
        .sessionAffinity("ClientIP")
        .sessionAffinityConfig(new V1SessionAffinityConfig().clientIP(new V1ClientIPConfig().timeoutSeconds(600)))
        .externalTrafficPolicy("Local")
        .addLoadBalancerSourceRangesItem("203.0.113.0/24"));
    assertThat(Service.nodePort("np").selecting("web").port(ServicePort.tcp(80).nodePort(30080)).build()
        .render().getSpec().getType()).isEqualTo("NodePort");
  }

  @Test
  void aServiceWithoutSelectorHasNone() {
    Service external = Service.named("legacy").port(5432).build();
    assertThat(external.selectedComponent()).isEmpty();
    assertThat(external.render().getSpec().getSelector()).isEmpty();
    assertThat(external.render().getSpec().getPorts()).containsExactly(new V1ServicePort().port(5432).protocol("TCP"));
  }

  @Test
  void customizersRunLast() {
    V1Service rendered = Service.named("web").selecting("web").port(80)
        .customize(s -> s.getSpec().setInternalTrafficPolicy("Local"))
        .build().render();
    assertThat(rendered.getSpec().getInternalTrafficPolicy()).isEqualTo("Local");
  }

  @Test
  void reportsNameAndPortProblems() {
    assertThat(problems(() -> Service.named("9web").selecting("web")
        .port(ServicePort.tcp(0).name("Http").targetPort(70000))
        .port(ServicePort.tcp(80).targetPort("http_port"))
        .build())).containsExactly(
        "Service/9web: metadata.name: must be a lowercase RFC 1035 label (lowercase letters, digits and '-',"
            + " starting with a letter and ending with a letter or digit), was '9web'",
        "Service/9web: spec.ports[0].name: must be a lowercase RFC 1123 label (lowercase letters, digits and"
            + " '-', starting and ending with a letter or digit), was 'Http'",
        "Service/9web: spec.ports[0].port: must be 1..65535, was 0",
        "Service/9web: spec.ports[0].targetPort: must be 1..65535, was 70000",
        "Service/9web: spec.ports[1].targetPort: port name must be at most 15 lowercase letters, digits or '-',"
            + " contain a letter, and not start, end or repeat '-', was 'http_port'",
        "Service/9web: spec.ports[1].name: is required when a Service has more than one port");
  }

  @Test
  void reportsDuplicatePorts() {
    assertThat(problems(() -> Service.nodePort("web").selecting("web")
        .port(ServicePort.tcp(80).name("http").nodePort(30080))
        .port(ServicePort.tcp(80).name("http").nodePort(30080))
        .port(ServicePort.udp(80).name("dns").nodePort(30080))
        .build())).containsExactly(
        "Service/web: spec.ports[1].name: duplicate name 'http' (also ports[0])",
        "Service/web: spec.ports[1]: duplicate port 80/TCP (also ports[0])",
        "Service/web: spec.ports[1].nodePort: duplicate nodePort 30080/TCP (also ports[0])");
  }

  @Test
  void reportsTypeRules() {
    assertThat(problems(() -> Service.named("web").selecting("web")
        .port(ServicePort.tcp(80).nodePort(30080))
        .externalTrafficPolicy(Service.TrafficPolicy.LOCAL)
        .loadBalancerSourceRange("10.0.0.0/8")
        .build())).containsExactly(
        "Service/web: spec.ports[0].nodePort: may not be used when type is ClusterIP",
        "Service/web: spec.externalTrafficPolicy: may only be set for NodePort and LoadBalancer Services",
        "Service/web: spec.loadBalancerSourceRanges: may only be used when type is LoadBalancer, was ClusterIP");
    assertThat(problems(() -> Service.headless("db").type(Service.Type.NODE_PORT).selecting("db").build()))
        .containsExactly("Service/db: spec.clusterIP: a headless Service (clusterIP None) must have type"
            + " ClusterIP, was NodePort");
    assertThat(problems(() -> Service.loadBalancer("lb").selecting("web")
        .port(ServicePort.tcp(10250).nodePort(29999))
        .loadBalancerSourceRange("10.0.0.1/8")
        .loadBalancerSourceRange("10.0.0.0/33")
        .build())).containsExactly(
        "Service/lb: spec.ports[0].nodePort: must be 30000..32767 (the default --service-node-port-range), was 29999",
        "Service/lb: spec.ports[0].port: may not expose port 10250 externally since it is used by kubelet",
        "Service/lb: spec.loadBalancerSourceRanges[0]: must have no bits set after the /8 prefix,"
            + " was '10.0.0.1/8'; did you mean '10.0.0.0/8'?",
        "Service/lb: spec.loadBalancerSourceRanges[1]: must be a CIDR block such as 10.0.0.0/16 or fd00::/64"
            + " (no leading zeros, no zone, prefix within the address length), was '10.0.0.0/33'");
  }

  @Test
  void reportsMissingPortsAndBadSelectors() {
    assertThat(problems(() -> Service.named("web").selecting(PodSelector.all()).build())).containsExactly(
        "Service/web: spec.selector: must select some pods: an empty selector means no selector for a Service",
        "Service/web: spec.ports: must have at least one port (only a headless Service may have none)");
    assertThat(problems(() -> Service.named("web")
        .selecting(PodSelector.component("Web!").withLabel("app.kubernetes.io/name", "x"))
        .port(80).build())).containsExactly(
        "Service/web: spec.selector[app.kubernetes.io/name]: label value 'Web!' must be at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        "Service/web: spec.selector[app.kubernetes.io/name]: set by component 'Web!' and again as a label;"
            + " use one of them");
  }

  /** SetDefaults_Service replaces a targetPort of 0 or "" by port: refused so that what is written is kept. */
  @Test
  void targetPortZeroOrEmptyIsRefusedWithTheReason() {
    assertThat(problems(() -> Service.named("web").selecting("web")
        .port(ServicePort.tcp(80).name("http").targetPort(0))
        .port(ServicePort.tcp(81).name("alt").targetPort(""))
        .build())).containsExactly(
        "Service/web: spec.ports[0].targetPort: must not be 0, which the API server replaces by port (80):"
            + " leave targetPort out instead",
        "Service/web: spec.ports[1].targetPort: must not be empty, which the API server replaces by port (81):"
            + " leave targetPort out instead");
  }

  @Test
  void reportsSessionAffinityProblems() {
    assertThat(problems(() -> Service.named("web").selecting("web").port(80)
        .sessionAffinityTimeout(Duration.ofSeconds(10)).build())).containsExactly(
        "Service/web: spec.sessionAffinityConfig.clientIP.timeoutSeconds: needs session affinity ClientIP"
            + " (with None the API server drops sessionAffinityConfig)");
    assertThat(problems(() -> Service.named("web").selecting("web").port(80)
        .clientIpAffinity(Duration.ofDays(2)).build())).containsExactly(
        "Service/web: spec.sessionAffinityConfig.clientIP.timeoutSeconds: must be 1s..86400s, was 172800s");
    assertThat(problems(() -> Service.named("web").selecting("web").port(80)
        .clientIpAffinity(Duration.ofMillis(1500)).build())).containsExactly(
        "Service/web: spec.sessionAffinityConfig.clientIP.timeoutSeconds: must be a whole number of seconds, was 1.5s");
  }

  @Test
  void reportsAppProtocolProblems() {
    assertThat(problems(() -> Service.named("web").selecting("web")
        .port(ServicePort.tcp(80).appProtocol("not a name")).build())).containsExactly(
        "Service/web: spec.ports[0].appProtocol: key 'not a name' must have a name part of at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
  }

  static List<String> problems(Supplier<?> build) {
    try {
      build.get();
    } catch (InvalidSpecException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected an InvalidSpecException");
  }
}
