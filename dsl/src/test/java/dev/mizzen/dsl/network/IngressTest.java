package dev.mizzen.dsl.network;

import static dev.mizzen.dsl.network.ServiceTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.meta.RenderContext;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngressTest {

  @Test
  void rendersHostsPathsAndTls() {
    Ingress web = Ingress.named("web")
        .ingressClassName("nginx")
        .rule(IngressRule.host("shop.example.com").prefix("/", "web", 80))
        .tls("shop-tls", "shop.example.com")
        .build();

    assertThat(web.render(RenderContext.of("shop", "shop"))).isEqualTo(new V1Ingress()
        .apiVersion("networking.k8s.io/v1")
        .kind("Ingress")
        .metadata(new V1ObjectMeta()
            .name("web")
            .namespace("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "web",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen")))
        .spec(new V1IngressSpec()
            .ingressClassName("nginx")
            .addTlsItem(new V1IngressTLS().addHostsItem("shop.example.com").secretName("shop-tls"))
            .addRulesItem(new V1IngressRule()
                .host("shop.example.com")
                .http(new V1HTTPIngressRuleValue().addPathsItem(new V1HTTPIngressPath()
                    .path("/")
                    .pathType("Prefix")
                    .backend(new V1IngressBackend().service(new V1IngressServiceBackend()
                        .name("web").port(new V1ServiceBackendPort().number(80)))))))));
    assertThat(web.backends()).containsExactly(IngressBackend.service("web", 80));
  }

  @Test
  void rendersDefaultBackendNamedPortsAndPathTypes() {
    Service api = Service.named("api").selecting("api").port(9090, "http").build();
    Ingress ingress = Ingress.named("edge")
        .defaultBackend("fallback", 8080)
        .rule(IngressRule.anyHost()
            .exact("/healthz", IngressBackend.service(api, "http"))
            .path(IngressPath.implementationSpecific("/api(/|$)(.*)", IngressBackend.service(api, 9090)))
            .path(IngressPath.implementationSpecific("", IngressBackend.service("web", "http"))))
        .rule(IngressRule.host("*.example.com").prefix("/static", IngressBackend.service("cdn", "http")))
        .tls(IngressTls.secret("wildcard-tls", "*.example.com"))
        .build();

    V1IngressSpec spec = ingress.render().getSpec();
    assertThat(spec.getDefaultBackend()).isEqualTo(new V1IngressBackend().service(
        new V1IngressServiceBackend().name("fallback").port(new V1ServiceBackendPort().number(8080))));
    assertThat(spec.getRules().get(0).getHost()).isNull();
    assertThat(spec.getRules().get(0).getHttp().getPaths()).containsExactly(
        new V1HTTPIngressPath().path("/healthz").pathType("Exact").backend(new V1IngressBackend().service(
            new V1IngressServiceBackend().name("api").port(new V1ServiceBackendPort().name("http")))),
        new V1HTTPIngressPath().path("/api(/|$)(.*)").pathType("ImplementationSpecific")
            .backend(new V1IngressBackend().service(
                new V1IngressServiceBackend().name("api").port(new V1ServiceBackendPort().number(9090)))),
        new V1HTTPIngressPath().pathType("ImplementationSpecific").backend(new V1IngressBackend().service(
            new V1IngressServiceBackend().name("web").port(new V1ServiceBackendPort().name("http")))));
    assertThat(spec.getRules().get(1).getHost()).isEqualTo("*.example.com");
    assertThat(spec.getIngressClassName()).isNull();
    assertThat(ingress.backends()).extracting(IngressBackend::serviceName)
        .containsExactly("fallback", "api", "api", "web", "cdn");
  }

  @Test
  void needsRulesOrADefaultBackend() {
    assertThat(problems(() -> Ingress.named("empty").build()))
        .containsExactly("Ingress/empty: spec: either defaultBackend or rules must be specified");
    assertThat(problems(() -> Ingress.named("empty").rule(IngressRule.host("a.example.com")).build()))
        .containsExactly("Ingress/empty: spec.rules[0].http.paths: must have at least one path");
  }

  @Test
  void rejectsAnIpv6HostAndAcceptsANameOfDigits() {
    assertThat(problems(() -> Ingress.named("web")
        .rule(IngressRule.host("fd00::1").prefix("/", "web", 80))
        .rule(IngressRule.host("1.example.com").prefix("/", "web", 80))
        .build())).containsExactly(
        "Ingress/web: spec.rules[0].host: must be a DNS name, not an IP address, was 'fd00::1'");
  }

  @Test
  void reportsHostProblems() {
    assertThat(problems(() -> Ingress.named("web")
        .rule(IngressRule.host("10.0.0.1").prefix("/", "web", 80))
        .rule(IngressRule.host("Shop.Example.com").prefix("/", "web", 80))
        .rule(IngressRule.host("*.*.example.com").prefix("/", "web", 80))
        .rule(IngressRule.host("shop.*.com").prefix("/", "web", 80))
        .tls("web-tls", "*", "10.0.0.1")
        .build())).containsExactly(
        "Ingress/web: spec.rules[0].host: must be a DNS name, not an IP address, was '10.0.0.1'",
        "Ingress/web: spec.rules[1].host: must be a lowercase RFC 1123 subdomain (lowercase letters, digits,"
            + " '-' and '.', starting and ending with a letter or digit), was 'Shop.Example.com'",
        "Ingress/web: spec.rules[2].host: a wildcard host must be '*.' followed by a lowercase RFC 1123"
            + " subdomain (at most 253 characters in all), was '*.*.example.com'",
        "Ingress/web: spec.rules[3].host: a wildcard host must be '*.' followed by a lowercase RFC 1123"
            + " subdomain (at most 253 characters in all), was 'shop.*.com'",
        "Ingress/web: spec.tls[0].hosts[0]: a wildcard host must be '*.' followed by a lowercase RFC 1123"
            + " subdomain (at most 253 characters in all), was '*'");
  }

  @Test
  void reportsPathProblems() {
    IngressBackend web = IngressBackend.service("web", 80);
    assertThat(problems(() -> Ingress.named("web")
        .rule(IngressRule.anyHost()
            .prefix("api", web)
            .exact("/a//b", web)
            .prefix("/a/./b/..", web)
            .prefix("/x%2Fy/.", web)
            .path(IngressPath.implementationSpecific("relative", web)))
        .build())).containsExactly(
        "Ingress/web: spec.rules[0].http.paths[0].path: must be an absolute path (start with '/'), was 'api'",
        "Ingress/web: spec.rules[0].http.paths[1].path: must not contain '//', was '/a//b'",
        "Ingress/web: spec.rules[0].http.paths[2].path: must not contain '/./', was '/a/./b/..'",
        "Ingress/web: spec.rules[0].http.paths[2].path: cannot end with '/..', was '/a/./b/..'",
        "Ingress/web: spec.rules[0].http.paths[3].path: must not contain '%2F', was '/x%2Fy/.'",
        "Ingress/web: spec.rules[0].http.paths[3].path: cannot end with '/.', was '/x%2Fy/.'",
        "Ingress/web: spec.rules[0].http.paths[4].path: must be an absolute path (start with '/'), was 'relative'");
  }

  @Test
  void reportsBackendTlsAndClassProblems() {
    assertThat(problems(() -> Ingress.named("web")
        .ingressClassName("Nginx")
        .annotation("kubernetes.io/ingress.class", "nginx")
        .defaultBackend(IngressBackend.service("1web", 0))
        .rule(IngressRule.anyHost().prefix("/", IngressBackend.service("web", "https-port-too-long")))
        .tls("Bad_Secret", "shop.example.com")
        .build())).containsExactly(
        "Ingress/web: spec.defaultBackend.service.name: must be a lowercase RFC 1035 label (lowercase letters,"
            + " digits and '-', starting with a letter and ending with a letter or digit), was '1web'",
        "Ingress/web: spec.defaultBackend.service.port.number: must be 1..65535, was 0",
        "Ingress/web: spec.rules[0].http.paths[0].backend.service.port.name: port name must be at most 15"
            + " lowercase letters, digits or '-', contain a letter, and not start, end or repeat '-',"
            + " was 'https-port-too-long'",
        "Ingress/web: spec.tls[0].secretName: must be a lowercase RFC 1123 subdomain (lowercase letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit), was 'Bad_Secret'",
        "Ingress/web: spec.ingressClassName: must be a lowercase RFC 1123 subdomain (lowercase letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit), was 'Nginx'",
        "Ingress/web: metadata.annotations[kubernetes.io/ingress.class]: may not be set together with"
            + " spec.ingressClassName; remove the annotation");
  }

  @Test
  void customizersRunLast() {
    V1Ingress rendered = Ingress.named("web").defaultBackend("web", 80)
        .customize(i -> i.getMetadata().putAnnotationsItem("nginx.ingress.kubernetes.io/ssl-redirect", "true"))
        .build().render();
    assertThat(rendered.getMetadata().getAnnotations())
        .containsExactly(Map.entry("nginx.ingress.kubernetes.io/ssl-redirect", "true"));
  }
}
