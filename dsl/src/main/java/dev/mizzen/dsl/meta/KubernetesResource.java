package dev.mizzen.dsl.meta;

import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.common.KubernetesObject;

/**
 * A Kubernetes object described with the DSL: validated when built, rendered to its
 * client-java model with every {@code customize(...)} applied last.
 *
 * <p>It is also the extension point for kinds Mizzen has no type for: implement it and an
 * {@code App} orders, renders and serializes the object with its own, rendering it with
 * {@link #render(RenderContext)} in the App's {@link RenderContext}. Label it with
 * {@link RecommendedLabels#of(String, RenderContext)} to carry the recommended labels like the
 * objects around it.
 */
public interface KubernetesResource extends ObjectMetadata {

  /** {@code apps/v1}, {@code v1}, ... */
  String apiVersion();

  /** {@code Deployment}, {@code Service}, ... */
  String kind();

  /**
   * The client-java object for this value in {@code context} (the App's namespace, name and
   * manager, or {@link RenderContext#standalone()}); a fresh, mutable object each call.
   */
  KubernetesObject render(RenderContext context);

  /** Renders on its own, outside any application. */
  default KubernetesObject render() {
    return render(RenderContext.standalone());
  }

  /**
   * The object's identity as validation messages name it, {@code Deployment/web}: the format of
   * every other message ({@code Kind/namespace/name}) without the namespace, which a value often
   * leaves to its App.
   */
  default ObjectRef objectRef() {
    return ObjectRef.of(kind(), name());
  }

  /**
   * Anything that builds a Kubernetes object: the builder of every object kind
   * ({@code Deployment.named("web")...}). {@code App.Builder.add} takes builders unbuilt, so that
   * {@code App.build()} builds each and reports the problems of every object at once.
   */
  interface Buildable {
    /** The object; throws {@code InvalidSpecException} listing every problem of it. */
    KubernetesResource build();
  }
}
