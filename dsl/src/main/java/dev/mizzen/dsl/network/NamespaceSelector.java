package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which namespaces a NetworkPolicy peer lies in: one namespace by name (through the
 * {@code kubernetes.io/metadata.name} label the API server puts on every namespace), the
 * namespaces carrying some labels, or all of them.
 */
@Value.Immutable
public abstract class NamespaceSelector {
  /** The label the API server sets on every namespace to its name. */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  /** The namespace named {@code namespace}. */
  public static NamespaceSelector named(String namespace) {
    return label(NAME_LABEL, namespace);
  }

  /** The namespaces carrying every label of {@code labels}. */
  public static NamespaceSelector labels(Map<String, String> labels) {
    return ImmutableNamespaceSelector.builder().matchLabels(labels).build();
  }

  /** The namespaces labelled {@code key=value}. */
  public static NamespaceSelector label(String key, String value) {
    return ImmutableNamespaceSelector.builder().matchLabel(key, value).build();
  }

  /** Every namespace (an empty selector). */
  public static NamespaceSelector all() {
    return ImmutableNamespaceSelector.builder().build();
  }

  /** The labels a namespace must carry; empty selects every namespace. */
  public abstract Map<String, String> matchLabels();

  /**
   * The one namespace this selector can choose, when it names one through {@value #NAME_LABEL}
   * (as {@link #named(String)} does); empty when it selects by other labels only, or everything.
   */
  public final Optional<String> namespaceName() {
    return Optional.ofNullable(matchLabels().get(NAME_LABEL));
  }

  /** As a {@code LabelSelector}; {@code {}} when selecting all namespaces. */
  public final V1LabelSelector toV1LabelSelector() {
    V1LabelSelector selector = new V1LabelSelector();
    if (!matchLabels().isEmpty()) {
      selector.setMatchLabels(new LinkedHashMap<>(matchLabels()));
    }
    return selector;
  }

  /**
   * Checks each label key and value, reporting at {@code labels}, the path of the rendered
   * label map ({@code ...namespaceSelector.matchLabels}).
   */
  final void validate(Validation labels) {
    Metadata.validateLabels(labels, matchLabels());
  }
}
