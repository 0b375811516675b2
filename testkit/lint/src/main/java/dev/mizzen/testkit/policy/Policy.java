package dev.mizzen.testkit.policy;

import io.kubernetes.client.common.KubernetesObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A named group of {@link Rule rules} that checks client-java objects.
 *
 * <pre>{@code
 * List<Finding> findings = Policies.restricted().and(Policies.recommended()).check(objects);
 * }</pre>
 *
 * <p>Rule ids are unique in a policy. A rule that {@link Rule#overrides() overrides} another
 * replaces it: the overridden rule is dropped when the policy is built (so {@code restricted}
 * runs {@code capabilities_restricted} instead of {@code capabilities_baseline}, as the API
 * server does).
 *
 * <p><b>Exemptions.</b> An object opts out of a rule with the annotation
 * {@code policy.mizzen.dev/exempt.<rule-id>: <reason>} in its own {@code metadata.annotations}
 * (for a Deployment, the Deployment's, not its pod template's). A blank reason does not exempt
 * and is reported as {@code exemption-reason} (ERROR); an id that is no rule of the policy nor
 * a built-in rule is reported as {@code exemption-unknown-rule} (WARNING). The Pod Security
 * rules also read the security opt-outs the DSL records on the pod template, and exempt exactly
 * the findings about what each opt-out relaxes. An exempted finding is not in force: it is left
 * out of {@link #check} and kept, with its {@link Exemption}, by {@link #checkIncludingExempted}.
 * Exemptions are the testkit's own: the API server's PodSecurity admission does not read them.
 */
@Value.Immutable
public abstract class Policy {
  /** The prefix of exemption annotation keys: {@code policy.mizzen.dev/exempt.}. */
  public static final String EXEMPTION_PREFIX = "policy.mizzen.dev/exempt.";
  static final String EXEMPTION_PREFIX_NAME = "exempt.";

  /** Starts a policy named {@code name}. */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** A policy named {@code name} with {@code rules}, in that order. */
  public static Policy of(String name, Collection<? extends Rule> rules) {
    return named(name).rules(rules).build();
  }

  /** The annotation key that exempts an object from rule {@code ruleId}. */
  public static String exemptionAnnotation(String ruleId) {
    return EXEMPTION_PREFIX + ruleId;
  }

  /** The name, as in {@code restricted} or {@code restricted+recommended}. */
  public abstract String name();

  /** The rules, in order, without overridden ones. */
  public abstract List<Rule> rules();

  /** The ids of {@link #rules()}, in order. */
  @Value.Lazy
  public List<String> ruleIds() {
    List<String> ids = new ArrayList<>(rules().size());
    rules().forEach(rule -> ids.add(rule.id()));
    return List.copyOf(ids);
  }

  @Value.Lazy
  Map<String, Rule> rulesById() {
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules().forEach(rule -> byId.put(rule.id(), rule));
    return byId;
  }

  /** The rule named {@code id}, if the policy has it. */
  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(rulesById().get(id));
  }

  /**
   * This policy's rules followed by those of {@code other} whose ids it does not have yet, named
   * {@code this+other}; overridden rules are dropped.
   */
  public Policy and(Policy other) {
    Builder builder = named(name() + "+" + other.name()).rules(rules());
    for (Rule rule : other.rules()) {
      if (!rulesById().containsKey(rule.id())) {
        builder.rule(rule);
      }
    }
    return builder.build();
  }

  /**
   * This policy with {@code rules}: each replaces the rule of the same id in its place, or is
   * added at the end if the policy has none. For a configured built-in rule:
   *
   * <pre>{@code
   * Policies.recommended().with(Recommended.podSpread("kubernetes.io/hostname", "example.com/rack"))
   * }</pre>
   */
  public Policy with(Rule... rules) {
    Map<String, Rule> replacements = new LinkedHashMap<>();
    for (Rule rule : rules) {
      replacements.put(rule.id(), rule);
    }
    Builder builder = named(name());
    for (Rule rule : rules()) {
      Rule replacement = replacements.remove(rule.id());
      builder.rule(replacement == null ? rule : replacement);
    }
    replacements.values().forEach(builder::rule);
    return builder.build();
  }

  /**
   * This policy without the rules {@code ruleIds}.
   *
   * @throws IllegalArgumentException if an id is not a rule of this policy
   */
  public Policy without(String... ruleIds) {
    Set<String> removed = new HashSet<>(Arrays.asList(ruleIds));
    List<String> unknown = new ArrayList<>();
    for (String id : ruleIds) {
      if (!rulesById().containsKey(id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("ruleIds must be rules of policy \"" + name() + "\", unknown: " + unknown);
    }
    Builder builder = named(name());
    rules().stream().filter(rule -> !removed.contains(rule.id())).forEach(builder::rule);
    return builder.build();
  }

  /**
   * Checks {@code objects} and returns every finding in force (not {@link Finding#isExempted()
   * exempted}), sorted by object ({@code Kind/namespace/name}), then rule id, then path, then
   * message: the same objects give the same list, whatever their order. Cross-object rules
   * (Services, PDBs, NetworkPolicies, ...) see exactly these objects.
   */
  public List<Finding> check(Collection<? extends KubernetesObject> objects) {
    List<Finding> inForce = new ArrayList<>();
    for (Finding finding : checkIncludingExempted(objects)) {
      if (!finding.isExempted()) {
        inForce.add(finding);
      }
    }
    return List.copyOf(inForce);
  }

  /**
   * Checks {@code objects} like {@link #check(Collection)}, and also returns the exempted
   * findings, each in its place in the same order and carrying its {@link Finding#exemption()}:
   * what a verbose report shows, so that every exemption stays visible with its reason.
   */
  public List<Finding> checkIncludingExempted(Collection<? extends KubernetesObject> objects) {
    return List.copyOf(new PolicyRun(this, new ArrayList<>(objects)).run());
  }

  /** Checks {@code objects}, like {@link #checkIncludingExempted(Collection)}. */
  public List<Finding> checkIncludingExempted(KubernetesObject... objects) {
    return checkIncludingExempted(Arrays.asList(objects));
  }

  /** Checks {@code objects}, like {@link #check(Collection)}. */
  public List<Finding> check(KubernetesObject... objects) {
    return check(Arrays.asList(objects));
  }

  /** Rejects duplicate rule ids and drops the rules that other rules of the policy override. */
  @Value.Check
  protected Policy normalize() {
    Set<String> ids = new HashSet<>();
    Set<String> overridden = new HashSet<>();
    for (Rule rule : rules()) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("rules of policy \"" + name() + "\" must have unique ids, \""
            + rule.id() + "\" appears twice");
      }
      overridden.addAll(rule.overrides());
    }
    if (overridden.stream().noneMatch(ids::contains)) {
      return this;
    }
    Builder builder = named(name());
    rules().stream().filter(rule -> !overridden.contains(rule.id())).forEach(builder::rule);
    return builder.build();
  }

  @Override
  public String toString() {
    return "Policy{" + name() + ": " + ruleIds() + "}";
  }

  /** Builds a {@link Policy}. */
  public static final class Builder extends ImmutablePolicy.Builder {
    Builder() {}

    /** Adds every rule of {@code policy}. */
    public Builder rulesOf(Policy policy) {
      return rules(policy.rules());
    }
  }
}
