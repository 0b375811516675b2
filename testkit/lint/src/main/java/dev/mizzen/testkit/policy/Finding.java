package dev.mizzen.testkit.policy;

import org.immutables.value.Value;

/**
 * One problem a {@link Rule} found on one object, at one field path.
 *
 * <pre>{@code
 * ERROR privileged Deployment/shop/web spec.template.spec.containers[web].securityContext.privileged:
 *     container "web" must not set securityContext.privileged=true
 * }</pre>
 */
@Value.Immutable
public abstract class Finding {

  /** A finding of rule {@code ruleId} on {@code object} ({@code Kind/namespace/name}) at {@code path}. */
  public static Finding of(String ruleId, Severity severity, String object, String path, String message) {
    return ImmutableFinding.of(ruleId, severity, object, path, message);
  }

  /** The id of the rule that found it, as in {@code privileged} or {@code image-tag}. */
  @Value.Parameter
  public abstract String ruleId();

  /** The severity of the rule. */
  @Value.Parameter
  public abstract Severity severity();

  /**
   * The object, as {@code Kind/namespace/name}, or {@code Kind/name} when it has no namespace
   * (cluster-scoped objects, and namespaced objects whose manifest leaves the namespace to the
   * caller).
   */
  @Value.Parameter
  public abstract String object();

  /**
   * Where in the object: a dotted field path in which containers, volumes and env vars are
   * selected by name ({@code spec.template.spec.containers[web].securityContext.privileged}) and
   * other list items by index ({@code spec.ports[0].targetPort}); empty for the whole object.
   */
  @Value.Parameter
  public abstract String path();

  /** What is wrong: what was expected and what was found. */
  @Value.Parameter
  public abstract String message();

  /** {@code SEVERITY rule object path: message}, one line. */
  @Override
  public String toString() {
    return severity() + " " + ruleId() + " " + object() + (path().isEmpty() ? "" : " " + path()) + ": " + message();
  }
}
