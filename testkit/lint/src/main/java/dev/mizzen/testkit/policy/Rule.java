package dev.mizzen.testkit.policy;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A check on client-java objects: it looks at one object at a time (and, for cross-object rules,
 * at the whole list through {@link RuleContext#shared}) and reports {@link Finding findings}
 * with {@link RuleContext#report}.
 *
 * <p>A rule is stateless and may be shared by several {@link Policy policies} and threads.
 *
 * <pre>{@code
 * Rule noDefaultNamespace = Rule.of("no-default-namespace", Severity.WARNING,
 *     "Workloads in the default namespace share it with everything else.",
 *     "Set metadata.namespace.",
 *     context -> {
 *       if (context.namespace().equals("default")) {
 *         context.report("metadata.namespace", "must not be \"default\"");
 *       }
 *     });
 * }</pre>
 */
public abstract class Rule {
  private static final int MAX_ID_LENGTH = 63 - Policy.EXEMPTION_PREFIX_NAME.length();

  private final String id;
  private final Severity severity;
  private final String rationale;
  private final String fix;

  /**
   * A rule named {@code id}: letters, digits, {@code -}, {@code _} and {@code .}, starting and
   * ending with a letter or digit, at most 56 characters, so that it fits the exemption
   * annotation {@code policy.mizzen.dev/exempt.<id>}.
   */
  protected Rule(String id, Severity severity, String rationale, String fix) {
    this.id = checkId(id);
    this.severity = Objects.requireNonNull(severity, "severity");
    this.rationale = Objects.requireNonNull(rationale, "rationale");
    this.fix = Objects.requireNonNull(fix, "fix");
  }

  /** A rule whose check is {@code check}. */
  public static Rule of(String id, Severity severity, String rationale, String fix, Consumer<RuleContext> check) {
    Objects.requireNonNull(check, "check");
    return new Rule(id, severity, rationale, fix) {
      @Override
      public void check(RuleContext context) {
        check.accept(context);
      }
    };
  }

  /** The id, used in findings and in exemption annotations. */
  public final String id() {
    return id;
  }

  /**
   * The severity of this rule's findings, unless the rule gives one per finding with
   * {@link RuleContext#report(Severity, String, String)}.
   */
  public final Severity severity() {
    return severity;
  }

  /** Why the rule exists, in one line. */
  public final String rationale() {
    return rationale;
  }

  /** How to fix a finding, in one line. */
  public final String fix() {
    return fix;
  }

  /**
   * Ids of weaker rules this rule replaces: a {@link Policy} holding both runs only this one
   * (as {@code capabilities_restricted} replaces {@code capabilities_baseline}). None by default.
   */
  public Set<String> overrides() {
    return Set.of();
  }

  /** Checks {@link RuleContext#object() the object} and reports what is wrong. */
  public abstract void check(RuleContext context);

  @Override
  public String toString() {
    return id;
  }

  private static String checkId(String id) {
    Objects.requireNonNull(id, "id");
    boolean valid = !id.isEmpty() && id.length() <= MAX_ID_LENGTH
        && alphanumeric(id.charAt(0)) && alphanumeric(id.charAt(id.length() - 1));
    for (int i = 0; valid && i < id.length(); i++) {
      char c = id.charAt(i);
      valid = alphanumeric(c) || c == '-' || c == '_' || c == '.';
    }
    if (!valid) {
      throw new IllegalArgumentException("rule id must be 1.." + MAX_ID_LENGTH + " letters, digits, '-', '_' or '.',"
          + " starting and ending with a letter or digit, was \"" + id + "\"");
    }
    return id;
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
