package dev.mizzen.testkit.lint;

import com.google.common.collect.ImmutableList;
import dev.mizzen.testkit.policy.Severity;
import java.util.List;

/**
 * What {@link Lint} found: {@link #all() every finding} in input order (schema findings of each
 * object, then policy findings in the policy's order, exempted ones in their place), the inputs
 * that could not be read, and how many objects were checked. {@link #findings()} are the ones
 * in force, which decide the {@link #exitCode()}; {@link #exempted()} are shown by
 * {@code lint --verbose}.
 */
public record LintReport(ImmutableList<LintFinding> all, ImmutableList<String> unreadable, int objects) {

  public LintReport(List<LintFinding> all, List<String> unreadable, int objects) {
    this(ImmutableList.copyOf(all), ImmutableList.copyOf(unreadable), objects);
  }

  /** The findings in force (not exempted), in order. */
  public ImmutableList<LintFinding> findings() {
    return all.stream().filter(f -> !f.isExempted()).collect(ImmutableList.toImmutableList());
  }

  /** The exempted findings, in order, each with its exemption. */
  public ImmutableList<LintFinding> exempted() {
    return all.stream().filter(LintFinding::isExempted).collect(ImmutableList.toImmutableList());
  }

  /** The exit code of the lint command: 2 unreadable input, 1 error-level findings in force, else 0. */
  public int exitCode() {
    if (!unreadable.isEmpty()) {
      return 2;
    }
    return all.stream().anyMatch(LintFinding::isError) ? 1 : 0;
  }

  /** How many findings in force have {@code severity}. */
  public long count(Severity severity) {
    return all.stream().filter(f -> f.severity() == severity && !f.isExempted()).count();
  }
}
