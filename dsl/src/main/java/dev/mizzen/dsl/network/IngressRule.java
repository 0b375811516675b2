package dev.mizzen.dsl.network;

import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1IngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The HTTP paths an Ingress serves for one host (or for any host).
 *
 * <pre>{@code
 * IngressRule.host("shop.example.com")
 *     .prefix("/api", "api", 9090)
 *     .prefix("/", "web", 80);
 * }</pre>
 */
@Value.Immutable
public abstract class IngressRule {

  /** Paths for requests to {@code host} ({@code shop.example.com} or {@code *.example.com}). */
  public static Builder host(String host) {
    return new Builder().host(host);
  }

  /** Paths for requests to any host. */
  public static Builder anyHost() {
    return new Builder();
  }

  /** The host; absent matches every host. */
  public abstract Optional<String> host();

  /** The paths, in order (at least one). */
  public abstract List<IngressPath> paths();

  /** The client-java model. */
  public final V1IngressRule toV1IngressRule() {
    V1IngressRule rendered = new V1IngressRule();
    host().ifPresent(rendered::setHost);
    if (!paths().isEmpty()) {
      List<io.kubernetes.client.openapi.models.V1HTTPIngressPath> renderedPaths = new ArrayList<>();
      paths().forEach(path -> renderedPaths.add(path.toV1HTTPIngressPath()));
      rendered.setHttp(new V1HTTPIngressRuleValue().paths(renderedPaths));
    }
    return rendered;
  }

  /** Checks the host and every path; {@code v} is at the rule ({@code spec.rules[0]}). */
  final void validate(Validation v) {
    host().ifPresent(host -> IngressHosts.check(v.field("host"), host, true));
    Validation paths = v.field("http").field("paths");
    paths.check(!paths().isEmpty(), "must have at least one path");
    for (int i = 0; i < paths().size(); i++) {
      paths().get(i).validate(paths.index(i));
    }
  }

  /** Builds an {@link IngressRule}. */
  public static final class Builder extends ImmutableIngressRule.Builder {
    Builder() {}

    /** Sends requests under {@code path} (a Prefix match) to {@code backend}. */
    public Builder prefix(String path, IngressBackend backend) {
      return path(IngressPath.prefix(path, backend));
    }

    /** Sends requests under {@code path} (a Prefix match) to port {@code port} of Service {@code service}. */
    public Builder prefix(String path, String service, int port) {
      return prefix(path, IngressBackend.service(service, port));
    }

    /** Sends requests for exactly {@code path} to {@code backend}. */
    public Builder exact(String path, IngressBackend backend) {
      return path(IngressPath.exact(path, backend));
    }

    /** Sends requests for exactly {@code path} to port {@code port} of Service {@code service}. */
    public Builder exact(String path, String service, int port) {
      return exact(path, IngressBackend.service(service, port));
    }
  }
}
