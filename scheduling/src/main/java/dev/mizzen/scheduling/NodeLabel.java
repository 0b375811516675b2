package dev.mizzen.scheduling;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.List;

/**
 * The first half of a {@link NodeSelectorRequirement} on a node label:
 * {@code NodeLabel.key("node-pool").in("general")}.
 */
public final class NodeLabel {
  private final String key;

  private NodeLabel(String key) {
    this.key = requireNonNull(key, "key");
  }

  /** The node label {@code key}, for example {@code node-pool} or {@link Topology#ZONE}. */
  public static NodeLabel key(String key) {
    return new NodeLabel(key);
  }

  /** The label's value is one of {@code values}. */
  public NodeSelectorRequirement in(String... values) {
    return in(ImmutableList.copyOf(values));
  }

  /** The label's value is one of {@code values}. */
  public NodeSelectorRequirement in(Collection<String> values) {
    return NodeSelectorRequirement.label(key, NodeSelectorOperator.IN, values);
  }

  /** The label is absent or its value is none of {@code values}. */
  public NodeSelectorRequirement notIn(String... values) {
    return notIn(ImmutableList.copyOf(values));
  }

  /** The label is absent or its value is none of {@code values}. */
  public NodeSelectorRequirement notIn(Collection<String> values) {
    return NodeSelectorRequirement.label(key, NodeSelectorOperator.NOT_IN, values);
  }

  /** The label is present, whatever its value. */
  public NodeSelectorRequirement exists() {
    return NodeSelectorRequirement.label(key, NodeSelectorOperator.EXISTS, List.of());
  }

  /** The label is absent. */
  public NodeSelectorRequirement doesNotExist() {
    return NodeSelectorRequirement.label(key, NodeSelectorOperator.DOES_NOT_EXIST, List.of());
  }

  /** The label's value, read as an integer, is greater than {@code value} ({@code Gt}). */
  public NodeSelectorRequirement greaterThan(long value) {
    return NodeSelectorRequirement.label(key, NodeSelectorOperator.GREATER_THAN, List.of(Long.toString(value)));
  }

  /** The label's value, read as an integer, is less than {@code value} ({@code Lt}). */
  public NodeSelectorRequirement lessThan(long value) {
    return NodeSelectorRequirement.label(key, NodeSelectorOperator.LESS_THAN, List.of(Long.toString(value)));
  }
}
