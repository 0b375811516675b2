package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An Ingress ({@code networking.k8s.io/v1}): HTTP(S) routes from outside the cluster to Services.
 *
 * <pre>{@code
 * Ingress web = Ingress.named("web")
 *     .ingressClassName("nginx")
 *     .rule(IngressRule.host("shop.example.com").prefix("/", "web", 80))
 *     .tls("shop-tls", "shop.example.com")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Ingress implements KubernetesResource {
  /** The annotation that named the class before {@code ingressClassName} existed. */
  static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

  /** Starts an Ingress named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The IngressClass that serves this Ingress; absent means the cluster's default class. */
  public abstract Optional<String> ingressClassName();

  /** Where requests that match no rule go; absent leaves them to the controller. */
  public abstract Optional<IngressBackend> defaultBackend();

  /** The host rules, in order. */
  public abstract List<IngressRule> rules();

  /** The TLS entries ({@code spec.tls}), in order. */
  public abstract List<IngressTls> tls();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1Ingress>> customizers();

  /** Every backend this Ingress routes to: the default backend first, then each path's in order. */
  public final List<IngressBackend> backends() {
    List<IngressBackend> backends = new ArrayList<>();
    defaultBackend().ifPresent(backends::add);
    rules().forEach(rule -> rule.paths().forEach(path -> backends.add(path.backend())));
    return List.copyOf(backends);
  }

  @Override
  public final String apiVersion() {
    return "networking.k8s.io/v1";
  }

  @Override
  public final String kind() {
    return "Ingress";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    Validation spec = v.field("spec");
    spec.check(!rules().isEmpty() || defaultBackend().isPresent(),
        "either defaultBackend or rules must be specified");
    defaultBackend().ifPresent(backend -> backend.validate(spec.field("defaultBackend")));
    for (int i = 0; i < rules().size(); i++) {
      rules().get(i).validate(spec.field("rules").index(i));
    }
    for (int i = 0; i < tls().size(); i++) {
      tls().get(i).validate(spec.field("tls").index(i));
    }
    ingressClassName().ifPresent(name -> {
      Names.checkDns1123Subdomain(spec.field("ingressClassName"), name);
      v.field("metadata").field("annotations").key(CLASS_ANNOTATION).check(
          !annotations().containsKey(CLASS_ANNOTATION),
          "may not be set together with spec.ingressClassName; remove the annotation");
    });
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1Ingress render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1Ingress render(RenderContext context) {
    V1IngressSpec spec = new V1IngressSpec();
    ingressClassName().ifPresent(spec::setIngressClassName);
    defaultBackend().ifPresent(backend -> spec.setDefaultBackend(backend.toV1IngressBackend()));
    if (!tls().isEmpty()) {
      List<io.kubernetes.client.openapi.models.V1IngressTLS> tls = new ArrayList<>();
      tls().forEach(entry -> tls.add(entry.toV1IngressTLS()));
      spec.setTls(tls);
    }
    if (!rules().isEmpty()) {
      List<io.kubernetes.client.openapi.models.V1IngressRule> rules = new ArrayList<>();
      rules().forEach(rule -> rules.add(rule.toV1IngressRule()));
      spec.setRules(rules);
    }
    V1Ingress rendered = new V1Ingress()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds an {@link Ingress}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableIngress.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Adds the rule {@code rule} builds. */
    public Builder rule(IngressRule.Builder rule) {
      return rule(rule.build());
    }

    /** Serves {@code hosts} over TLS with the certificate in the Secret named {@code secretName}. */
    public Builder tls(String secretName, String... hosts) {
      return tls(IngressTls.secret(secretName, hosts));
    }

    /** Sends requests that match no rule to port {@code port} of Service {@code service}. */
    public Builder defaultBackend(String service, int port) {
      return defaultBackend(IngressBackend.service(service, port));
    }
  }
}
