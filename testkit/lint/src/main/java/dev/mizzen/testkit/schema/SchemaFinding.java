package dev.mizzen.testkit.schema;

import dev.mizzen.testkit.policy.Severity;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One problem found by the {@link SchemaCheck}: the rule, its severity, the object
 * ({@code Kind/namespace/name}), the field path inside the object
 * ({@code spec.template.spec.containers[0].ports[0].containerPort}), a message saying what was
 * expected and what was found, and where it is in the source.
 *
 * <pre>
 * deploy.yaml:14:11: ERROR schema/unknown-field Deployment/shop/web: spec.selector.matchLabel:
 *     unknown field "matchLabel" in LabelSelector; did you mean "matchLabels"?
 * </pre>
 */
@Value.Immutable
public abstract class SchemaFinding {

  /** Starts a finding of {@code rule}, with the rule's severity. */
  static Builder of(SchemaRule rule) {
    return new Builder().rule(rule).severity(rule.severity());
  }

  /** The rule that found the problem. */
  public abstract SchemaRule rule();

  /** The rule's id, such as {@code schema/unknown-field}. */
  public final String ruleId() {
    return rule().id();
  }

  /**
   * {@link Severity#ERROR} when the API server would refuse the manifest; {@link Severity#WARNING}
   * when it accepts it today but it should change (deprecated but still served APIs).
   */
  public abstract Severity severity();

  /**
   * The object: {@code Kind/namespace/name}, {@code Kind/name} without a namespace, {@code Kind}
   * without a name, {@code ?} for a missing kind, and empty when the document has neither kind
   * nor name or is not an object.
   */
  public abstract String object();

  /**
   * The field path inside the object, dotted, with list indexes and map keys in brackets
   * ({@code metadata.labels[app.kubernetes.io/name]}); empty for the whole document.
   */
  public abstract String path();

  /** What is wrong: what was expected, what was found, and how to fix it where useful. */
  public abstract String message();

  /** Where the problem is in the source. */
  public abstract SourceLocation location();

  /** The 0-based index of the YAML document in the file (each {@code ---} starts one). */
  public abstract int document();

  /** The 0-based index in {@code items} when the object is an item of a List, or of a JSON array. */
  public abstract OptionalInt item();

  /** Whether this finding is an error (not a warning). */
  public final boolean isError() {
    return severity() == Severity.ERROR;
  }

  /**
   * {@code file:line:column: SEVERITY rule object: path: message}, as the lint command prints it.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(location()).append(": ").append(severity()).append(' ').append(ruleId()).append(' ');
    if (!object().isEmpty()) {
      out.append(object()).append(": ");
    }
    if (!path().isEmpty()) {
      out.append(path()).append(": ");
    }
    return out.append(message()).toString();
  }

  /** Builds a {@link SchemaFinding}. */
  public static final class Builder extends ImmutableSchemaFinding.Builder {
    Builder() {}
  }
}
