package dev.mizzen.scheduling;

import dev.mizzen.validation.Names;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import java.util.Collection;
import java.util.List;
import org.immutables.value.Value;

/**
 * One condition on a node: a label (or, for {@link NodeField}, a field) compared with values.
 * Made by {@link NodeLabel} and {@link NodeField}:
 *
 * <pre>{@code
 * NodeLabel.key("node-pool").in("general")
 * NodeLabel.key("example.com/generation").greaterThan(3)
 * NodeField.name().notIn("node-7")
 * }</pre>
 *
 * <p>Requirements of one {@link NodeSelectorTerm} are ANDed.
 */
@Value.Immutable
public abstract class NodeSelectorRequirement {
  /** The only node field the API server accepts in {@code matchFields}. */
  public static final String NODE_NAME_FIELD = "metadata.name";

  /** A requirement on the node label {@code key}; {@link NodeLabel} reads better. */
  public static NodeSelectorRequirement label(
      String key, NodeSelectorOperator operator, Collection<String> values) {
    return new Builder().key(key).operator(operator).addAllValues(values).build();
  }

  static NodeSelectorRequirement field(String key, NodeSelectorOperator operator, String value) {
    return new Builder().key(key).operator(operator).addValue(value).onField(true).build();
  }

  /** The label key (or field path, for a field requirement). */
  public abstract String key();

  /** How the label's value is compared with {@link #values()}. */
  public abstract NodeSelectorOperator operator();

  /** The values compared with; none for {@code Exists} and {@code DoesNotExist}. */
  public abstract List<String> values();

  /**
   * Whether this requirement is on a node field ({@code matchFields}) rather than a label
   * ({@code matchExpressions}). Defaults to {@code false}, a label.
   */
  @Value.Default
  public boolean onField() {
    return false;
  }

  /**
   * Adds every problem to {@code v}, positioned at this requirement
   * ({@code ...matchExpressions[0]}), as the API server's {@code ValidateNodeSelectorRequirement}
   * and {@code ValidateNodeFieldSelectorRequirement} do.
   */
  public void validate(Validation v) {
    if (onField()) {
      validateField(v);
    } else {
      validateLabel(v);
    }
  }

  private void validateLabel(Validation v) {
    Names.checkQualifiedName(v.field("key"), key());
    Validation values = v.field("values");
    switch (operator()) {
      case IN, NOT_IN -> {
        values.check(!values().isEmpty(), "must not be empty when operator is %s", operator().apiValue());
        checkLabelValues(values);
      }
      case EXISTS, DOES_NOT_EXIST -> values.check(values().isEmpty(),
          "must be empty when operator is %s, was %s", operator().apiValue(), values());
      case GREATER_THAN, LESS_THAN -> {
        if (values.check(values().size() == 1,
            "must be exactly one integer when operator is %s, was %s", operator().apiValue(), values())) {
          if (values.index(0).check(isInteger(values().get(0)),
              "must be an integer when operator is %s, was '%s'", operator().apiValue(), values().get(0))) {
            checkLabelValues(values);
          }
        }
      }
    }
  }

  private void validateField(Validation v) {
    v.field("key").check(key().equals(NODE_NAME_FIELD),
        "must be %s, the only node field a selector can use, was '%s'", NODE_NAME_FIELD, key());
    v.field("operator").check(operator() == NodeSelectorOperator.IN || operator() == NodeSelectorOperator.NOT_IN,
        "must be In or NotIn for a node field, was %s", operator().apiValue());
    Validation values = v.field("values");
    if (values.check(values().size() == 1,
        "must be exactly one node name for a node field, was %s", values())) {
      Names.checkDns1123Subdomain(values.index(0), values().get(0));
    }
  }

  private void checkLabelValues(Validation values) {
    for (int i = 0; i < values().size(); i++) {
      Names.checkLabelValue(values.index(i), values().get(i));
    }
  }

  private static boolean isInteger(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The client-java model: key, operator and, when there are any, values. */
  public V1NodeSelectorRequirement toV1NodeSelectorRequirement() {
    return new V1NodeSelectorRequirement()
        .key(key())
        .operator(operator().apiValue())
        .values(Models.list(values()));
  }

  /** Builds a {@link NodeSelectorRequirement}; {@link NodeLabel} and {@link NodeField} read better. */
  public static final class Builder extends ImmutableNodeSelectorRequirement.Builder {
    Builder() {}
  }
}
