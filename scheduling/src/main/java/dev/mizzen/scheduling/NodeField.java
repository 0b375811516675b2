package dev.mizzen.scheduling;

/**
 * The first half of a {@link NodeSelectorRequirement} on a node field ({@code matchFields}):
 * {@code NodeField.name().in("node-1")}. The API server only accepts {@code metadata.name},
 * with {@code In} or {@code NotIn} and exactly one node name.
 */
public final class NodeField {
  private static final NodeField NAME = new NodeField();

  private NodeField() {}

  /** The node's name, {@code metadata.name}. */
  public static NodeField name() {
    return NAME;
  }

  /** The node is the one named {@code nodeName}. */
  public NodeSelectorRequirement in(String nodeName) {
    return NodeSelectorRequirement.field(
        NodeSelectorRequirement.NODE_NAME_FIELD, NodeSelectorOperator.IN, nodeName);
  }

  /** The node is any but the one named {@code nodeName}. */
  public NodeSelectorRequirement notIn(String nodeName) {
    return NodeSelectorRequirement.field(
        NodeSelectorRequirement.NODE_NAME_FIELD, NodeSelectorOperator.NOT_IN, nodeName);
  }
}
