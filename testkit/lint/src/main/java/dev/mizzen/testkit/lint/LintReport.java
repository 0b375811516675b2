package dev.mizzen.testkit.lint;

import com.google.common.collect.ImmutableList;
import dev.mizzen.testkit.policy.Severity;
import java.util.List;

/**
 * What {@link Lint} found: the findings in input order (schema findings of each object, then
 * policy findings in the policy's order), the inputs that could not be read, and how many
 * objects were checked.
 */
public record LintReport(ImmutableList<LintFinding> findings, ImmutableList<String> unreadable, int objects) {

  public LintReport(List<LintFinding> findings, List<String> unreadable, int objects) {
    this(ImmutableList.copyOf(findings), ImmutableList.copyOf(unreadable), objects);
  }

  /** The exit code of the lint command: 2 unreadable input, 1 error-level findings, else 0. */
  public int exitCode() {
    if (!unreadable.isEmpty()) {
      return 2;
    }
    return findings.stream().anyMatch(LintFinding::isError) ? 1 : 0;
  }

  /** How many findings have {@code severity}. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
