package dev.mizzen.scheduling;

import java.util.Optional;

/** How a {@link LabelSelectorRequirement} compares a pod's (or namespace's) label with its values. */
public enum LabelSelectorOperator {
  /** The label's value is one of the values. */
  IN("In"),
  /** The label is absent or its value is none of the values. */
  NOT_IN("NotIn"),
  /** The label is present, whatever its value; takes no values. */
  EXISTS("Exists"),
  /** The label is absent; takes no values. */
  DOES_NOT_EXIST("DoesNotExist");

  private final String apiValue;

  LabelSelectorOperator(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The name the Kubernetes API uses ({@code In}, {@code NotIn}, ...). */
  public String apiValue() {
    return apiValue;
  }

  /** The operator the Kubernetes API calls {@code apiValue} ({@code NotIn}); empty for any other text. */
  public static Optional<LabelSelectorOperator> fromApiValue(String apiValue) {
    for (LabelSelectorOperator operator : values()) {
      if (operator.apiValue.equals(apiValue)) {
        return Optional.of(operator);
      }
    }
    return Optional.empty();
  }
}
