package dev.mizzen.scheduling;

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
    return new Builder().key(key).operator(operator).values(values).build();
  }

  /** The label key. */
  public abstract String key();

  /** How the label's value is compared with {@link #values()}. */
  public abstract LabelSelectorOperator operator();

  /** The values compared with; none for {@code Exists} and {@code DoesNotExist}. */
  public abstract List<String> values();

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
