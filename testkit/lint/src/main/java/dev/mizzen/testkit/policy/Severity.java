package dev.mizzen.testkit.policy;

/** How much a {@link Finding} matters, from the most to the least serious. */
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
}
