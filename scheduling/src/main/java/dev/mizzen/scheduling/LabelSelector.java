package dev.mizzen.scheduling;

import com.google.common.base.Strings;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Selects pods (or namespaces) by label: every {@link #matchLabels()} entry and every
 * {@link #matchExpressions()} expression must hold. An empty selector selects everything.
 *
 * <pre>{@code
 * LabelSelector.matching("app.kubernetes.io/name", "db")
 * LabelSelector.of(Label.key("tier").in("web", "api"))
 * }</pre>
 */
@Value.Immutable
public abstract class LabelSelector {
  private static final LabelSelector EVERYTHING = new Builder().build();

  /** Selects what carries the label {@code key=value}. */
  public static LabelSelector matching(String key, String value) {
    return new Builder().matchLabel(key, value).build();
  }

  /** Selects what carries every one of {@code labels}. */
  public static LabelSelector matching(Map<String, String> labels) {
    return new Builder().matchLabels(labels).build();
  }

  /** Selects what meets every one of {@code expressions}. */
  public static LabelSelector of(LabelSelectorRequirement... expressions) {
    return new Builder().matchExpressions(expressions).build();
  }

  /**
   * Starts a selector with the label {@code key=value}; more labels ({@code matchLabel}) and
   * expressions ({@code matchExpression}) may follow.
   */
  public static Builder matchLabel(String key, String value) {
    return new Builder().matchLabel(key, value);
  }

  /**
   * Starts a selector with {@code expression} ({@link Label} makes one); more expressions and
   * labels may follow.
   */
  public static Builder matchExpression(LabelSelectorRequirement expression) {
    return new Builder().matchExpression(expression);
  }

  /**
   * The empty selector, {@code {}}. Kubernetes reads it as selecting everything where this type is
   * used: every pod as a pod affinity term's {@code labelSelector}, every namespace as its
   * {@code namespaceSelector}, every PersistentVolume as a claim's {@code selector}. In a
   * topology spread constraint, kube-scheduler counts no pods for it. It is not the absent
   * selector (an empty {@code Optional}): a pod affinity term without a {@code labelSelector}
   * selects no pod, and one without a {@code namespaceSelector} looks in the pod's own namespace
   * (or its {@code namespaces}).
   */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** Labels that must all be present with these values. */
  public abstract Map<String, String> matchLabels();

  /** Expressions that must all hold. */
  public abstract List<LabelSelectorRequirement> matchExpressions();

  /** Whether this selector has neither labels nor expressions, so it selects everything. */
  public final boolean isEverything() {
    return matchLabels().isEmpty() && matchExpressions().isEmpty();
  }

  /** Every label key the selector looks at, labels first, in order. */
  public final Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>(matchLabels().keySet());
    matchExpressions().forEach(e -> keys.add(e.key()));
    return keys;
  }

  /**
   * Whether an object carrying {@code labels} is selected: every {@link #matchLabels()} entry is
   * among them with the same value and every {@link #matchExpressions() expression}
   * {@link LabelSelectorRequirement#matches matches}. The empty selector selects everything.
   */
  public final boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> entry : matchLabels().entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement expression : matchExpressions()) {
      if (!expression.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the client-java selector {@code selector} selects an object carrying {@code labels},
   * as the API server decides ({@code metav1.LabelSelectorAsSelector}): {@code null} selects
   * nothing, an empty selector everything, and one the API server cannot read (see
   * {@link #fromV1LabelSelector}) nothing.
   */
  public static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
    Optional<LabelSelector> read = fromV1LabelSelector(selector);
    return read.isPresent() && read.get().matches(labels);
  }

  /**
   * Whether a map selector ({@code spec.selector} of a Service or a ReplicationController,
   * {@code labels.SelectorFromSet}) selects an object carrying {@code labels}: every entry is
   * among them with the same value, so an empty map selects everything. (A Service without a
   * selector selects no pods at all: its endpoints are managed elsewhere; callers decide that.)
   */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> entry : selector.entrySet()) {
      if (!Strings.nullToEmpty(entry.getValue()).equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The selector a client-java model stands for, as the API server reads it: absent for
   * {@code null} (which selects nothing) and for an expression whose operator is not one of
   * {@code In}, {@code NotIn}, {@code Exists} and {@code DoesNotExist} (the API server cannot
   * build such a selector, so it selects nothing either). Missing keys and values read as empty
   * strings, as Go reads them. Keys and values are not checked here.
   */
  public static Optional<LabelSelector> fromV1LabelSelector(V1LabelSelector selector) {
    if (selector == null) {
      return Optional.empty();
    }
    Builder read = new Builder();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((key, value) ->
          read.matchLabel(Strings.nullToEmpty(key), Strings.nullToEmpty(value)));
    }
    if (selector.getMatchExpressions() != null) {
      for (V1LabelSelectorRequirement expression : selector.getMatchExpressions()) {
        Optional<LabelSelectorOperator> operator = LabelSelectorOperator.fromApiValue(expression.getOperator());
        if (operator.isEmpty()) {
          return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        if (expression.getValues() != null) {
          expression.getValues().forEach(value -> values.add(Strings.nullToEmpty(value)));
        }
        read.matchExpressions(
            LabelSelectorRequirement.of(Strings.nullToEmpty(expression.getKey()), operator.get(), values));
      }
    }
    return Optional.of(read.build());
  }

  /** The client-java model; the empty selector renders as {@code {}} (select everything). */
  public V1LabelSelector toV1LabelSelector() {
    return new V1LabelSelector()
        .matchLabels(Models.map(matchLabels()))
        .matchExpressions(Models.list(matchExpressions(), LabelSelectorRequirement::toV1LabelSelectorRequirement));
  }

  /**
   * Builds a {@link LabelSelector}, started by {@link LabelSelector#matchLabel(String, String)} or
   * {@link LabelSelector#matchExpression(LabelSelectorRequirement)}: {@code matchLabel(k, v)},
   * {@code matchExpression(e)}.
   */
  public static final class Builder extends ImmutableLabelSelector.Builder {
    Builder() {}
  }
}
