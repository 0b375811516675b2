package dev.mizzen.scheduling;

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
    return new Builder().key(key).operator(operator).values(values).build();
  }

  static NodeSelectorRequirement field(String key, NodeSelectorOperator operator, String value) {
    return new Builder().key(key).operator(operator).value(value).onField(true).build();
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
