package dev.mizzen.testkit.policy;

/**
 * The findings about exemption annotations themselves, reported by every policy: they are not
 * rules of any policy and cannot be exempted from.
 */
final class Exemptions {
  /** A blank reason: the exemption does not apply. */
  static final Rule MISSING_REASON = Rule.of("exemption-reason", Severity.ERROR,
      "Opting out of a rule must be explicit and explained, so that reviewers can judge it.",
      "Write why the object needs the exemption as the annotation value.",
      context -> {});

  /** An exemption from a rule id nobody knows: usually a typo that leaves the rule in force. */
  static final Rule UNKNOWN_RULE = Rule.of("exemption-unknown-rule", Severity.WARNING,
      "An exemption naming no known rule is usually a misspelt id, and exempts from nothing.",
      "Use the exact, case-sensitive rule id from docs/policies.md.",
      context -> {});

  private Exemptions() {}
}
