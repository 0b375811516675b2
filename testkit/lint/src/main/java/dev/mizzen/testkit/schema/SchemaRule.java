package dev.mizzen.testkit.schema;

import dev.mizzen.testkit.policy.Severity;

/**
 * The rules of the strict schema check. Each has a stable id prefixed {@code schema/}, as
 * printed by the lint command and used in {@link SchemaFinding#ruleId()}.
 */
public enum SchemaRule {
  /** The input is not readable YAML or JSON (a syntax error); nothing after it is checked. */
  PARSE_ERROR("schema/parse-error", "the input is not readable YAML or JSON"),
  /** A key appears twice in one mapping; the API server's decoder rejects this. */
  DUPLICATE_KEY("schema/duplicate-key", "a key appears twice in one mapping"),
  /** A field that the object's type does not have (typo, wrong indentation). */
  UNKNOWN_FIELD("schema/unknown-field", "a field that the type does not have"),
  /** A value of the wrong JSON type (a string for an integer, a map for a list, ...). */
  WRONG_TYPE("schema/wrong-type", "a value of the wrong type"),
  /** A string in the wrong format: a quantity, a date-time or base64 data. */
  INVALID_FORMAT("schema/invalid-format", "a quantity, date-time or base64 value that does not parse"),
  /** A required field is missing: apiVersion, kind, metadata.name, or one the API marks required. */
  REQUIRED("schema/required", "a required field is missing"),
  /** An apiVersion that the API server no longer serves. */
  REMOVED_API("schema/removed-api", "an API version that is no longer served"),
  /** An apiVersion and kind that are still served but deprecated. */
  DEPRECATED_API("schema/deprecated-api", "an API version that is deprecated but still served"),
  /** A kind that a known API group/version does not have. */
  UNKNOWN_KIND("schema/unknown-kind", "a kind that the API version does not have"),
  /** A built-in API group without that version, or an unknown group without a dot. */
  UNKNOWN_API_VERSION("schema/unknown-api-version", "an API version that Kubernetes does not have");

  private final String id;
  private final String description;

  SchemaRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable id, such as {@code schema/unknown-field}. */
  public String id() {
    return id;
  }

  /** A one-line description of what the rule finds. */
  public String description() {
    return description;
  }

  /** The severity of this rule's findings: WARNING for deprecated APIs, otherwise ERROR. */
  public Severity severity() {
    return this == DEPRECATED_API ? Severity.WARNING : Severity.ERROR;
  }

  @Override
  public String toString() {
    return id;
  }
}
