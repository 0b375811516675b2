package dev.mizzen.scheduling;

/** How a {@link NodeSelectorRequirement} compares a node's label (or field) with its values. */
public enum NodeSelectorOperator {
  /** The label's value is one of the values. */
  IN("In"),
  /** The label is absent or its value is none of the values. */
  NOT_IN("NotIn"),
  /** The label is present, whatever its value; takes no values. */
  EXISTS("Exists"),
  /** The label is absent; takes no values. */
  DOES_NOT_EXIST("DoesNotExist"),
  /** The label's value, read as an integer, is greater than the single value. */
  GREATER_THAN("Gt"),
  /** The label's value, read as an integer, is less than the single value. */
  LESS_THAN("Lt");

  private final String apiValue;

  NodeSelectorOperator(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The name the Kubernetes API uses ({@code In}, {@code NotIn}, {@code Gt}, ...). */
  public String apiValue() {
    return apiValue;
  }
}
