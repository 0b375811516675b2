package dev.mizzen.scheduling;

import dev.mizzen.validation.Names;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One expression of a {@link LabelSelector}: a pod's (or namespace's) label compared with
 * values. Made by {@link Label}: {@code Label.key("tier").in("web", "api")}.
 */
@Value.Immutable
public abstract class LabelSelectorRequirement {

  /** A requirement on the label {@code key}; {@link Label} reads better. */
  public static LabelSelectorRequirement of(
      String key, LabelSelectorOperator operator, Collection<String> values) {
    return new Builder().key(key).operator(operator).addAllValues(values).build();
  }

  /** The label key. */
  public abstract String key();

  /** How the label's value is compared with {@link #values()}. */
  public abstract LabelSelectorOperator operator();

  /** The values compared with; none for {@code Exists} and {@code DoesNotExist}. */
  public abstract List<String> values();

  /**
   * Adds every problem to {@code v}, positioned at this expression, as the API server's
   * {@code ValidateLabelSelectorRequirement}: a qualified key; values for {@code In} and
   * {@code NotIn}, none for {@code Exists} and {@code DoesNotExist}; each value a label value.
   */
  public void validate(Validation v) {
    Names.checkQualifiedName(v.field("key"), key());
    Validation values = v.field("values");
    switch (operator()) {
      case IN, NOT_IN -> values.check(!values().isEmpty(),
          "must not be empty when operator is %s", operator().apiValue());
      case EXISTS, DOES_NOT_EXIST -> values.check(values().isEmpty(),
          "must be empty when operator is %s, was %s", operator().apiValue(), values());
    }
    for (int i = 0; i < values().size(); i++) {
      Names.checkLabelValue(values.index(i), values().get(i));
    }
  }

  /**
   * Whether an object carrying {@code labels} meets this expression, as the API server decides
   * ({@code labels.Requirement.Matches}): {@code In} when the label is present with one of the
   * values, {@code NotIn} when it is absent or has none of them, {@code Exists} when present,
   * {@code DoesNotExist} when absent. An expression the API server refuses to build ({@code In}
   * or {@code NotIn} without values, {@code Exists} or {@code DoesNotExist} with some) makes its
   * selector select nothing, so it matches nothing here.
   */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key());
    return switch (operator()) {
      case IN -> !values().isEmpty() && value != null && values().contains(value);
      case NOT_IN -> !values().isEmpty() && (value == null || !values().contains(value));
      case EXISTS -> values().isEmpty() && value != null;
      case DOES_NOT_EXIST -> values().isEmpty() && value == null;
    };
  }

  /** The client-java model: key, operator and, when there are any, values. */
  public V1LabelSelectorRequirement toV1LabelSelectorRequirement() {
    return new V1LabelSelectorRequirement()
        .key(key())
        .operator(operator().apiValue())
        .values(Models.list(values()));
  }

  /** Builds a {@link LabelSelectorRequirement}; {@link Label} reads better. */
  public static final class Builder extends ImmutableLabelSelectorRequirement.Builder {
    Builder() {}
  }
}
