package dev.mizzen.scheduling;

import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  /** Starts an empty selector. */
  public static Builder builder() {
    return new Builder();
  }

  /** Selects what carries the label {@code key=value}. */
  public static LabelSelector matching(String key, String value) {
    return new Builder().putMatchLabel(key, value).build();
  }

  /** Selects what carries every one of {@code labels}. */
  public static LabelSelector matching(Map<String, String> labels) {
    return new Builder().putAllMatchLabels(labels).build();
  }

  /** Selects what meets every one of {@code expressions}. */
  public static LabelSelector of(LabelSelectorRequirement... expressions) {
    return new Builder().addMatchExpressions(expressions).build();
  }

  /** The empty selector: selects everything (every pod, or every namespace). */
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
   * Adds every problem to {@code v}, positioned at this selector ({@code ValidateLabelSelector}):
   * labels at {@code matchLabels[key]}, expressions at {@code matchExpressions[i]}.
   */
  public void validate(Validation v) {
    Labels.validate(v.field("matchLabels"), matchLabels());
    for (int i = 0; i < matchExpressions().size(); i++) {
      matchExpressions().get(i).validate(v.field("matchExpressions").index(i));
    }
  }

  /** The client-java model; the empty selector renders as {@code {}} (select everything). */
  public V1LabelSelector toV1LabelSelector() {
    return new V1LabelSelector()
        .matchLabels(Models.map(matchLabels()))
        .matchExpressions(Models.list(matchExpressions(), LabelSelectorRequirement::toV1LabelSelectorRequirement));
  }

  /** Builds a {@link LabelSelector}: {@code putMatchLabel(k, v)}, {@code addMatchExpression(e)}. */
  public static final class Builder extends ImmutableLabelSelector.Builder {
    Builder() {}

    /** Adds the label {@code key=value}. */
    public Builder matchLabel(String key, String value) {
      return putMatchLabel(key, value);
    }

    /** Adds the expression {@code expression}. */
    public Builder matchExpression(LabelSelectorRequirement expression) {
      return addMatchExpression(expression);
    }
  }
}
