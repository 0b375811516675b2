package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.meta.ObjectMetadata;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Annotations;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and renders the {@link ObjectMetadata} of every object: what each object's
 * {@code build()} and {@code render(RenderContext)} do with its name, namespace, labels and
 * annotations.
 */
public final class Metadata {

  /** How an object's name is checked: most kinds use a DNS-1123 subdomain. */
  public enum NameRule {
    DNS1123_SUBDOMAIN,
    DNS1123_LABEL,
    /** Services: a DNS-1035 label. */
    DNS1035_LABEL
  }

  private Metadata() {}

  /** Checks name, namespace, component, label keys and values and annotation keys under {@code metadata}. */
  public static void validate(Validation object, ObjectMetadata meta, NameRule nameRule) {
    Validation metadata = object.field("metadata");
    Validation name = metadata.field("name");
    boolean nameValid = switch (nameRule) {
      case DNS1123_SUBDOMAIN -> Names.checkDns1123Subdomain(name, meta.name());
      case DNS1123_LABEL -> Names.checkDns1123Label(name, meta.name());
      case DNS1035_LABEL -> Names.checkDns1035Label(name, meta.name());
    };
    meta.namespace().ifPresent(ns -> Names.checkDns1123Label(metadata.field("namespace"), ns));
    // The component (by default the name) becomes a label value, which is shorter and stricter.
    Validation component = metadata.field("labels").key(RecommendedLabels.NAME);
    if (meta.component().isPresent()) {
      Names.checkLabelValue(component, meta.component().get());
    } else if (nameValid && !Names.isLabelValue(meta.name())) {
      component.problem("the name '%s' is this label's value by default, but a label value is at most 63"
          + " characters: set component(...) to a shorter one", meta.name());
    }
    validateLabels(metadata.field("labels"), meta.labels());
    validateAnnotations(metadata.field("annotations"), meta.annotations());
  }

  /** Checks each key and value of a label map positioned at {@code labels}. */
  public static void validateLabels(Validation labels, Map<String, String> values) {
    values.forEach((key, value) -> {
      Validation entry = labels.key(key);
      Names.checkQualifiedName(entry, key);
      Names.checkLabelValue(entry, value);
    });
  }

  /** Checks each annotation key, and the 256 KiB total size (UTF-8 bytes) the API server allows. */
  public static void validateAnnotations(Validation annotations, Map<String, String> values) {
    Annotations.validate(annotations, values);
  }

  /** {@code metadata} with the recommended labels, then the object's own labels and annotations. */
  public static V1ObjectMeta render(ObjectMetadata meta, RenderContext context) {
    return render(meta, context, Map.of());
  }

  /** As {@link #render(ObjectMetadata, RenderContext)}, adding {@code extraAnnotations} (for example opt-out reasons). */
  public static V1ObjectMeta render(
      ObjectMetadata meta, RenderContext context, Map<String, String> extraAnnotations) {
    V1ObjectMeta rendered = new V1ObjectMeta().name(meta.name());
    meta.namespace().or(context::namespace).ifPresent(rendered::setNamespace);
    Map<String, String> labels = RecommendedLabels.of(meta.componentName(), context);
    labels.putAll(meta.labels());
    rendered.setLabels(labels);
    if (!meta.annotations().isEmpty() || !extraAnnotations.isEmpty()) {
      Map<String, String> annotations = new LinkedHashMap<>(meta.annotations());
      annotations.putAll(extraAnnotations);
      rendered.setAnnotations(annotations);
    }
    return rendered;
  }

  /** As {@link #render(ObjectMetadata, RenderContext)} for cluster-scoped kinds: never a namespace. */
  public static V1ObjectMeta renderClusterScoped(ObjectMetadata meta, RenderContext context) {
    V1ObjectMeta rendered = render(meta, context);
    rendered.setNamespace(null);
    return rendered;
  }
}
