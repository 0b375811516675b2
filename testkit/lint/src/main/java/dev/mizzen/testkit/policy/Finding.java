package dev.mizzen.testkit.policy;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem a {@link Rule} found on one object, at one field path. A finding is in force
 * unless an {@link Exemption} covers it: {@link Policy#check} returns the findings in force,
 * {@link Policy#checkIncludingExempted} the exempted ones too, each with its reason.
 *
 * <pre>{@code
 * ERROR privileged Deployment/shop/web spec.template.spec.containers[web].securityContext.privileged:
 *     container "web" must not set securityContext.privileged=true
 * EXEMPTED runAsNonRoot Deployment/shop/web spec.template.spec.containers[web].securityContext.runAsNonRoot:
 *     container "web" must not set securityContext.runAsNonRoot=false
 *     (ERROR, exempted by spec.template.metadata.annotations[opt-out.security.mizzen.dev/web]: legacy image)
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

  /** How much it matters: its rule's {@link Rule#severity() severity}, unless the rule chose one for this finding. */
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

  /** Why the finding is not in force, if an exemption or a security opt-out covers it. */
  public abstract Optional<Exemption> exemption();

  /** Whether an {@link #exemption()} covers it, so that it does not count against the object. */
  public boolean isExempted() {
    return exemption().isPresent();
  }

  /** This finding, exempted for {@code exemption}. */
  public Finding exemptedBy(Exemption exemption) {
    return ((ImmutableFinding) ImmutableFinding.copyOf(this)).withExemption(exemption);
  }

  /**
   * {@code SEVERITY rule object path: message}, one line; for an exempted finding
   * {@code EXEMPTED rule object path: message (SEVERITY, exempted by annotation: reason)}.
   */
  @Override
  public String toString() {
    String where = ruleId() + " " + object() + (path().isEmpty() ? "" : " " + path()) + ": " + message();
    return exemption().map(e -> "EXEMPTED " + where + " (" + severity() + ", exempted by " + e + ")")
        .orElseGet(() -> severity() + " " + where);
  }
}
