package dev.mizzen.testkit.lint;

import dev.mizzen.testkit.policy.Severity;
import dev.mizzen.testkit.schema.SourceLocation;

/**
 * One finding of {@link Lint}: a schema problem or a policy finding, with its severity (the same
 * {@link Severity} for both) and where it is in the input.
 */
public record LintFinding(String rule, Severity severity, String object, String path, String message,
    SourceLocation location) {

  /** Whether it makes the lint fail. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code shop.yaml:12:7: error [schema/unknown-field] Deployment/shop/web: spec.x: message}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + " [" + rule + "] " + object + (path.isEmpty() ? "" : ": " + path) + ": " + message;
  }
}
