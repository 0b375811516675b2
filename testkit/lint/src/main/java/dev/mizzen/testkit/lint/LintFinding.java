package dev.mizzen.testkit.lint;

import dev.mizzen.testkit.schema.SourceLocation;
import java.util.Locale;

/**
 * One finding of {@link Lint}: a schema problem or a policy finding, with where it is in the
 * input. {@code severity} is {@code error}, {@code warning} or {@code info}.
 */
public record LintFinding(String rule, String severity, String object, String path, String message,
    SourceLocation location) {

  /** Whether it makes the lint fail. */
  public boolean isError() {
    return severity.equals("error");
  }

  static String severity(Enum<?> severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  /** {@code shop.yaml:12:7: error [schema/unknown-field] Deployment/shop/web: spec.x: message}. */
  @Override
  public String toString() {
    return location + ": " + severity + " [" + rule + "] " + object + (path.isEmpty() ? "" : ": " + path) + ": " + message;
  }
}
