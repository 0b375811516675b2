package dev.mizzen.dsl.meta;

import io.kubernetes.client.common.KubernetesObject;

/**
 * A Kubernetes object described with the DSL: validated when built, rendered to its
 * client-java model with every {@code customize(...)} applied last.
 */
public interface KubernetesResource extends ObjectMetadata {

  /** {@code apps/v1}, {@code v1}, ... */
  String apiVersion();

  /** {@code Deployment}, {@code Service}, ... */
  String kind();

  /** The client-java object for this value in {@code context}; a fresh, mutable object each call. */
  KubernetesObject render(RenderContext context);

  /** Renders on its own, outside any application. */
  default KubernetesObject render() {
    return render(RenderContext.standalone());
  }

  /** {@code kind/name} in lower case, as validation messages name the object ({@code deployment/web}). */
  default String objectRef() {
    return kind().toLowerCase(java.util.Locale.ROOT) + "/" + name();
  }
}
