package dev.mizzen.testkit.lint;

import dev.mizzen.testkit.policy.Exemption;
import dev.mizzen.testkit.policy.Severity;
import dev.mizzen.testkit.schema.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of {@link Lint}: a schema problem or a policy finding, with its severity (the same
 * {@link Severity} for both), where it is in the input, and, for a policy finding an exemption
 * covers, the {@link Exemption} (such a finding is shown only by {@code lint --verbose} and never
 * fails the lint).
 */
public record LintFinding(String rule, Severity severity, String object, String path, String message,
    SourceLocation location, Optional<Exemption> exemption) {

  public LintFinding {
    Objects.requireNonNull(exemption, "exemption");
  }

  /** A finding in force. */
  public LintFinding(String rule, Severity severity, String object, String path, String message,
      SourceLocation location) {
    this(rule, severity, object, path, message, location, Optional.empty());
  }

  /** Whether an exemption covers it, so that it does not count. */
  public boolean isExempted() {
    return exemption.isPresent();
  }

  /** Whether it makes the lint fail: an error-level finding in force. */
  public boolean isError() {
    return severity == Severity.ERROR && !isExempted();
  }

  /**
   * {@code shop.yaml:12:7: error [schema/unknown-field] Deployment/shop/web: spec.x: message}; for an
   * exempted finding {@code exempted} stands in the severity's place and the severity and
   * exemption follow the message: {@code ...: message (error, exempted by <annotation>: <reason>)}.
   */
  @Override
  public String toString() {
    String where = " [" + rule + "] " + object + (path.isEmpty() ? "" : ": " + path) + ": " + message;
    return exemption.map(e -> location + ": exempted" + where + " (" + severity.label() + ", exempted by " + e + ")")
        .orElseGet(() -> location + ": " + severity.label() + where);
  }
}
