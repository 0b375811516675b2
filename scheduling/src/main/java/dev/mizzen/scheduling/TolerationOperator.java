package dev.mizzen.scheduling;

/** How a {@link Toleration} matches a taint's value. */
public enum TolerationOperator {
  /** The taint's value must equal the toleration's value. */
  EQUAL("Equal"),
  /** Any value of the taint's key (or, without a key, any taint at all). */
  EXISTS("Exists");

  private final String apiValue;

  TolerationOperator(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The name the Kubernetes API uses ({@code Equal}, {@code Exists}). */
  public String apiValue() {
    return apiValue;
  }
}
