package dev.mizzen.testkit.policy;

import java.util.Locale;

/**
 * How much a finding matters, from the most to the least serious: the one severity of policy
 * {@link Finding findings}, schema findings ({@code dev.mizzen.testkit.schema.SchemaFinding}),
 * the lint report and the {@code lint} command.
 */
public enum Severity {
  /** Must be fixed: the object is insecure, broken, or will be rejected. A lint run fails on these. */
  ERROR,
  /** Should be fixed: the object works but is fragile or weaker than it should be. */
  WARNING,
  /** Worth knowing: a recommendation that depends on the situation. */
  INFO;

  /** Whether this severity is {@code other} or more serious ({@code ERROR.isAtLeast(WARNING)} is true). */
  public boolean isAtLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  /** The lowercase name lint output uses: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
