package dev.mizzen.dsl.app;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.style.MizzenFacadeStyle;
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
import java.util.function.Function;
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
 *
 * <p>Objects may also be added unbuilt, as their builders: {@code build()} then builds each and
 * throws one {@link InvalidSpecException} with the problems of every object, of the App itself
 * and of the references between the objects.
 */
@Value.Immutable
@MizzenFacadeStyle
public abstract class App {

  /** Starts an application named {@code name}: the value of {@code app.kubernetes.io/part-of}. */
  public static Builder named(String name) {
    return new Builder(name);
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

  /**
   * The App's own problems (its fields, duplicate objects, a {@link RawObject} naming another
   * namespace than the App's), then the broken references between its objects; references to the
   * objects in {@code unbuilt} ({@code Kind/name}), which failed to build, are not reported as
   * missing. Not a {@code @Value.Check}: only {@link Builder#build()} makes an App, and it reports
   * these with the problems of the objects it built.
   */
  List<Problem> problems(Set<String> unbuilt) {
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
    for (KubernetesResource resource : resources()) {
      if (resource instanceof RawObject raw && !raw.clusterScoped()) {
        Validation at = Validation.of(raw.objectRef()).field("metadata.namespace");
        raw.namespace().filter(namespace -> !namespace.equals(namespace())).ifPresent(namespace -> at.problem(
            "is '%s', but the App's namespace is '%s': remove it, and the object renders in the App's namespace",
            namespace, namespace()));
        problems.addAll(at.problems());
      }
    }
    problems.addAll(References.check(resources(), context(), unbuilt));
    return problems;
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

  /**
   * Builds an {@link App}; {@code build()} reports every problem at once. Objects are added with
   * {@code add(...)}, built or as their builders, and render in the order they were added: the one
   * way to add them (the generated builder behind it stays package-private).
   */
  public static final class Builder {
    private final ImmutableApp.Builder generated = ImmutableApp.builder();
    /** What {@code add} was given, in order: built objects as builders of themselves. */
    private final List<KubernetesResource.Buildable> added = new ArrayList<>();

    Builder(String name) {
      generated.name(name);
    }

    /** The namespace of every namespaced object that does not name its own; required. */
    public Builder namespace(String namespace) {
      generated.namespace(namespace);
      return this;
    }

    /** The value of {@code app.kubernetes.io/managed-by}; {@value RenderContext#MANAGED_BY} by default. */
    public Builder managedBy(String managedBy) {
      generated.managedBy(managedBy);
      return this;
    }

    /** Adds objects, in order. */
    public Builder add(KubernetesResource... resources) {
      return add(List.of(resources));
    }

    /** Adds objects, in order. */
    public Builder add(Iterable<? extends KubernetesResource> resources) {
      for (KubernetesResource resource : resources) {
        requireNonNull(resource, "resource");
        added.add(() -> resource);
      }
      return this;
    }

    /**
     * Adds objects unbuilt, in order ({@code Deployment.named("web")...} without {@code build()}):
     * {@link #build()} builds each, and reports the problems of all of them together with the
     * App's own and those of the references between the objects.
     */
    public Builder add(KubernetesResource.Buildable... builders) {
      for (KubernetesResource.Buildable builder : builders) {
        added.add(requireNonNull(builder, "builder"));
      }
      return this;
    }

    /**
     * Builds each object added unbuilt, then the App; a builder builds once.
     *
     * @throws InvalidSpecException listing every problem: of each object, in the order they were
     *     added, each naming its object ({@code Deployment/web: spec...}); then the App's own; then
     *     the broken references between the objects (a reference to an object that failed to build
     *     is not reported as missing: it is there, with its own problems)
     */
    public App build() {
      // The problems of each object that failed to build, given the App's name (known once built).
      List<Function<String, List<Problem>>> failures = new ArrayList<>();
      Set<String> unbuilt = new HashSet<>();
      List<KubernetesResource> built = new ArrayList<>(added.size());
      for (int i = 0; i < added.size(); i++) {
        try {
          built.add(added.get(i).build());
        } catch (InvalidSpecException e) {
          failures.add(app -> e.problems());
          e.problems().forEach(problem -> unbuilt.add(problem.object()));
        } catch (IllegalStateException e) {
          // A strict builder missing a required field: the object is known by its place only.
          String path = "resources[" + i + "]";
          failures.add(app -> List.of(new Problem(ObjectRef.of("App", app).toString(), path,
              "cannot be built: " + e.getMessage())));
        }
      }
      added.clear();
      generated.addAllResources(built);
      App app = generated.build();
      List<Problem> problems = new ArrayList<>();
      failures.forEach(failure -> problems.addAll(failure.apply(app.name())));
      problems.addAll(app.problems(unbuilt));
      if (!problems.isEmpty()) {
        throw new InvalidSpecException(problems);
      }
      return app;
    }
  }
}
