package dev.mizzen.dsl.app;

import com.google.common.collect.ImmutableList;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.ObjectRef;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.common.KubernetesObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An application: a named, ordered set of Kubernetes objects that share a namespace and the
 * {@code app.kubernetes.io/part-of} label. Rendering keeps the order objects were added in.
 *
 * <pre>{@code
 * App shop = App.named("shop").namespace("shop")
 *     .add(namespace, config, web, webService)
 *     .build();
 * String yaml = shop.yaml();
 * }</pre>
 */
@Value.Immutable
public abstract class App {

  /** Starts an application named {@code name}: the value of {@code app.kubernetes.io/part-of}. */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The application's name, rendered as {@code app.kubernetes.io/part-of} on every object. */
  public abstract String name();

  /** The namespace of every namespaced object that does not name its own. */
  public abstract String namespace();

  /** The objects, in the order they render. */
  public abstract List<KubernetesResource> resources();

  /** The value of {@code app.kubernetes.io/managed-by}; {@value RenderContext#MANAGED_BY} by default. */
  @Value.Default
  public String managedBy() {
    return RenderContext.MANAGED_BY;
  }

  /** The context every object renders in. */
  @Value.Derived
  @Value.Auxiliary
  public RenderContext context() {
    return RenderContext.of(namespace(), name()).withManagedBy(managedBy());
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(ObjectRef.of("App", name()));
    Validation nameAt = v.field("name");
    if (nameAt.check(!name().isEmpty(), "must not be empty: it is the value of app.kubernetes.io/part-of")) {
      Names.checkLabelValue(nameAt, name());
    }
    Names.checkDns1123Label(v.field("namespace"), namespace());
    Names.checkLabelValue(v.field("managedBy"), managedBy());
    Set<String> seen = new HashSet<>();
    for (KubernetesResource resource : resources()) {
      String namespace = resource.namespace().orElse(namespace());
      String ref = resource.apiVersion() + "/" + resource.kind() + "/" + namespace + "/" + resource.name();
      v.field("resources").key(resource.objectRef().toString()).check(seen.add(ref),
          "is added more than once in namespace '%s': each kind and name must be unique", namespace);
    }
    List<Problem> problems = new ArrayList<>(v.problems());
    problems.addAll(References.check(resources(), context()));
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
  }

  /** The rendered client-java objects, in order; fresh mutable objects on every call. */
  public ImmutableList<KubernetesObject> objects() {
    RenderContext context = context();
    ImmutableList.Builder<KubernetesObject> objects = ImmutableList.builderWithExpectedSize(resources().size());
    for (KubernetesResource resource : resources()) {
      objects.add(resource.render(context));
    }
    return objects.build();
  }

  /** Multi-document YAML of {@link #objects()}. */
  public String yaml() {
    return Manifests.yaml(objects());
  }

  /** JSON ({@code v1 List}) of {@link #objects()}. */
  public String json() {
    return Manifests.json(objects());
  }

  /** Builds an {@link App}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableApp.Builder {
    Builder() {}

    /** Adds objects, in order. */
    public Builder add(KubernetesResource... resources) {
      return addAllResources(List.of(resources));
    }

    /** Adds objects, in order. */
    public Builder add(Iterable<? extends KubernetesResource> resources) {
      return addAllResources(resources);
    }
  }
}
