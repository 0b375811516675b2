package dev.mizzen.dsl.meta;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What an object needs from its surroundings to render: the default namespace, the
 * application it is part of ({@code app.kubernetes.io/part-of}) and the manager
 * ({@code app.kubernetes.io/managed-by}). Public API, as the argument of
 * {@link KubernetesResource#render(RenderContext)}: an {@code App} renders its objects in
 * {@code App.context()}, and {@link #standalone()} renders an object on its own.
 */
public record RenderContext(Optional<String> namespace, Optional<String> partOf, String managedBy) {

  /** The value of {@code app.kubernetes.io/managed-by} unless told otherwise. */
  public static final String MANAGED_BY = "mizzen";

  public RenderContext {
    requireNonNull(namespace, "namespace");
    requireNonNull(partOf, "partOf");
    requireNonNull(managedBy, "managedBy");
  }

  /** An object rendered on its own: no default namespace, not part of an application. */
  public static RenderContext standalone() {
    return new RenderContext(Optional.empty(), Optional.empty(), MANAGED_BY);
  }

  /** Objects of application {@code partOf} in {@code namespace}. */
  public static RenderContext of(String namespace, String partOf) {
    return new RenderContext(Optional.of(namespace), Optional.of(partOf), MANAGED_BY);
  }

  public RenderContext withManagedBy(String managedBy) {
    return new RenderContext(namespace, partOf, managedBy);
  }

  /** This context with {@code namespace} as the default namespace (for the parts of an object in it). */
  public RenderContext withNamespace(String namespace) {
    return new RenderContext(Optional.of(namespace), partOf, managedBy);
  }

  /**
   * This context without the application: for selecting pods that need not belong to it, such as
   * a NetworkPolicy peer's pods in another namespace.
   */
  public RenderContext withoutPartOf() {
    return new RenderContext(namespace, Optional.empty(), managedBy);
  }
}
