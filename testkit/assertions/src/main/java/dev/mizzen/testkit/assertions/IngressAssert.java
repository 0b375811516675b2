package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Assertions on an Ingress: its class, its routes (host and path to a Service port) and TLS. */
public class IngressAssert extends AbstractKubernetesObjectAssert<IngressAssert, V1Ingress> {

  /** An assert on {@code actual}. */
  public IngressAssert(V1Ingress actual) {
    super(actual, IngressAssert.class);
  }

  /** Asserts {@code spec.ingressClassName}. */
  public IngressAssert hasIngressClassName(String name) {
    requireActual();
    String found = actual.getSpec() == null ? null : actual.getSpec().getIngressClassName();
    if (!Objects.equals(name, found)) {
      failAt(location().field("spec.ingressClassName"), "expected " + quote(name) + ", but was "
          + (found == null ? "unset (the cluster's default IngressClass)" : quote(found)));
    }
    return myself;
  }

  /**
   * Asserts requests for {@code host} (null: any host) and {@code path} go to port number {@code port}
   * of Service {@code service}.
   */
  public IngressAssert routes(String host, String path, String service, int port) {
    return checkRoute(host, path, service, String.valueOf(port));
  }

  /**
   * Asserts requests for {@code host} (null: any host) and {@code path} go to the port named {@code
   * port} of Service {@code service}.
   */
  public IngressAssert routes(String host, String path, String service, String port) {
    return checkRoute(host, path, service, port);
  }

  private IngressAssert checkRoute(String host, String path, String service, String port) {
    requireActual();
    List<String> found = new ArrayList<>();
    List<V1IngressRule> rules = actual.getSpec() == null || actual.getSpec().getRules() == null
        ? List.of() : actual.getSpec().getRules();
    String expected = describe(host, path, service, port);
    for (V1IngressRule rule : rules) {
      List<V1HTTPIngressPath> paths = rule.getHttp() == null || rule.getHttp().getPaths() == null
          ? List.of() : rule.getHttp().getPaths();
      for (V1HTTPIngressPath p : paths) {
        V1IngressServiceBackend backend = p.getBackend() == null ? null : p.getBackend().getService();
        String route = describe(rule.getHost(), p.getPath(), backend == null ? null : backend.getName(),
            backendPort(p.getBackend()));
        if (route.equals(expected)) {
          return myself;
        }
        found.add(route);
      }
    }
    failAt(location().field("spec.rules"), "expected a route " + expected + ", but found " + found);
    return myself;
  }

  private static String backendPort(V1IngressBackend backend) {
    if (backend == null || backend.getService() == null || backend.getService().getPort() == null) {
      return null;
    }
    var port = backend.getService().getPort();
    return port.getName() != null ? port.getName() : String.valueOf(port.getNumber());
  }

  private static String describe(String host, String path, String service, String port) {
    return (host == null ? "*" : host) + (path == null ? "" : path) + " -> " + service + ":" + port;
  }

  /** Asserts TLS for {@code host} with the certificate in Secret {@code secretName}. */
  public IngressAssert hasTls(String host, String secretName) {
    requireActual();
    List<V1IngressTLS> tls = actual.getSpec() == null || actual.getSpec().getTls() == null
        ? List.of() : actual.getSpec().getTls();
    boolean found = tls.stream().anyMatch(t -> Objects.equals(secretName, t.getSecretName())
        && t.getHosts() != null && t.getHosts().contains(host));
    if (!found) {
      List<String> shown = tls.stream().map(t -> t.getHosts() + " with " + t.getSecretName()).toList();
      failAt(location().field("spec.tls"), "expected TLS for " + host + " with secret " + quote(secretName)
          + ", but found " + shown);
    }
    return myself;
  }
}
