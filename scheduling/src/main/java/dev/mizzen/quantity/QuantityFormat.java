package dev.mizzen.quantity;

/**
 * How Kubernetes renders a quantity, remembered from the way it was written (as the API server's
 * {@code resource.Quantity} does): {@code 512Mi} stays binary, {@code 1G} decimal, {@code 1e3}
 * an exponent.
 */
public enum QuantityFormat {
  /** Suffixes n, u, m, (none), k, M, G, T, P, E. */
  DECIMAL_SI,
  /** Suffixes Ki, Mi, Gi, Ti, Pi, Ei. */
  BINARY_SI,
  /** Suffix e&lt;exponent&gt; (or E&lt;exponent&gt;). */
  DECIMAL_EXPONENT
}
