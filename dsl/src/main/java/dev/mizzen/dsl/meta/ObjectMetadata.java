package dev.mizzen.dsl.meta;

import java.util.Map;
import java.util.Optional;

/**
 * The metadata every Mizzen object carries. Value types implement it, so their builders gain
 * {@code namespace(...)}, {@code component(...)}, {@code label(...)} and {@code annotation(...)}.
 */
public interface ObjectMetadata {

  /** The object's name ({@code metadata.name}). */
  String name();

  /** The namespace; when absent, the {@link RenderContext}'s namespace (if any) applies. */
  Optional<String> namespace();

  /**
   * The component this object belongs to, rendered as {@code app.kubernetes.io/name} and used
   * in derived selectors. Defaults to the object's name when absent.
   */
  Optional<String> component();

  /** Extra labels, rendered after the recommended ones (and overriding them on a clash). */
  Map<String, String> labels();

  /** Annotations, rendered as given. */
  Map<String, String> annotations();

  /** {@link #component()} or, when absent, {@link #name()}. */
  default String componentName() {
    return component().orElse(name());
  }
}
