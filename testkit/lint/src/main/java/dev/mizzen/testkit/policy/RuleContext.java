package dev.mizzen.testkit.policy;

import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.common.KubernetesObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link Rule} sees while it checks one object: the object, its pod (for pod-bearing
 * kinds), the whole list being checked, and where to {@link #report report} findings.
 *
 * <p>A context belongs to one {@link Policy#check} call on one thread; rules must not keep it.
 */
public final class RuleContext {
  private final PolicyRun run;
  private KubernetesObject object;
  private ObjectRef ref;
  private PodTemplate pod;
  private Rule rule;
  private Exemption ruleExemption;

  RuleContext(PolicyRun run) {
    this.run = run;
  }

  void reset(KubernetesObject object) {
    this.object = object;
    this.ref = ObjectRef.of(object);
    this.pod = PodTemplate.extract(object);
  }

  /** Makes {@code rule} the current rule; every finding it reports is exempted for {@code exemption}, if not null. */
  void rule(Rule rule, Exemption exemption) {
    this.rule = rule;
    this.ruleExemption = exemption;
  }

  /** The object being checked. */
  public KubernetesObject object() {
    return object;
  }

  /** Its kind, as {@link ObjectRef#of(KubernetesObject)} reads it. */
  public String kind() {
    return ref.kind();
  }

  /** Its namespace, or the empty string. */
  public String namespace() {
    return ref.namespace();
  }

  /** Its name, as {@link ObjectRef#of(KubernetesObject)} reads it. */
  public String name() {
    return ref.name();
  }

  /** Its identity; {@code Kind/namespace/name} as findings show it. */
  public ObjectRef objectRef() {
    return ref;
  }

  /** The pod of the object, if it is pod-bearing (see {@link PodTemplate#of}). */
  public Optional<PodTemplate> pod() {
    return Optional.ofNullable(pod);
  }

  /** Every object of the check, in the order given: what cross-object rules look at. */
  public List<KubernetesObject> objects() {
    return run.objects();
  }

  /**
   * A value computed from {@link #objects() all objects} once per check and shared by every rule
   * and object, keyed by the identity of {@code factory} (keep it in a constant). Cross-object
   * rules build their indexes with it, so that a check stays linear in the number of objects.
   */
  public <T> T shared(Function<? super List<KubernetesObject>, T> factory) {
    return run.shared(factory);
  }

  /** Reports a finding of the current rule, at its {@link Rule#severity() severity}, on the current object at {@code path}. */
  public void report(String path, String message) {
    report(rule.severity(), path, message);
  }

  /**
   * Reports a finding of the current rule at {@code severity}, for rules whose findings do not
   * all matter as much (a secret-looking name with a placeholder value is a WARNING, with a
   * real-looking secret an ERROR).
   */
  public void report(Severity severity, String path, String message) {
    Objects.requireNonNull(severity, "severity");
    add(Finding.of(rule.id(), severity, ref.toString(), path, message), null);
  }

  /**
   * Reports a finding like {@link #report(String, String)}, but not in force: {@code exemption}
   * (such as a security opt-out of the pod) covers it. It is shown, with the reason, only where
   * exempted findings are asked for ({@link Policy#checkIncludingExempted}, {@code lint --verbose}).
   */
  public void reportExempted(Exemption exemption, String path, String message) {
    Objects.requireNonNull(exemption, "exemption");
    add(Finding.of(rule.id(), rule.severity(), ref.toString(), path, message), exemption);
  }

  /** Adds {@code finding}, exempted by {@code exemption} or else by the object's exemption from the whole rule, if any. */
  private void add(Finding finding, Exemption exemption) {
    Exemption applied = exemption != null ? exemption : ruleExemption;
    run.add(applied == null ? finding : finding.exemptedBy(applied));
  }

  /** Reports a finding like {@link #report(String, String)} under another rule (for exemption findings). */
  void report(Rule other, String path, String message) {
    run.add(Finding.of(other.id(), other.severity(), ref.toString(), path, message));
  }
}
