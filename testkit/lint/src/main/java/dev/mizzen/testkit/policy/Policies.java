package dev.mizzen.testkit.policy;

import dev.mizzen.testkit.policy.podsecurity.PodSecurity;
import dev.mizzen.testkit.policy.recommended.Recommended;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in policies. Rule lists, rationales, fixes and the peer tools' equivalent checks are
 * in {@code docs/policies.md}.
 *
 * <pre>{@code
 * assertThat(Policies.all().check(objects)).isEmpty();
 * }</pre>
 */
public final class Policies {
  private static final Policy BASELINE = Policy.of("baseline", PodSecurity.baseline());
  private static final Policy RESTRICTED = Policy.of("restricted", PodSecurity.restricted());
  private static final Policy RECOMMENDED = Policy.of("recommended", Recommended.rules());
  private static final Policy ALL = Policy.named("all").rulesOf(RESTRICTED).rulesOf(RECOMMENDED).build();
  private static final Set<String> BUILT_IN_IDS = builtInIds();

  private Policies() {}

  /**
   * Pod Security Standards "baseline" of Kubernetes 1.33, exactly as the API server's
   * PodSecurity admission enforces {@code baseline:latest}: the 11 baseline checks, each an ERROR.
   */
  public static Policy baseline() {
    return BASELINE;
  }

  /**
   * Pod Security Standards "restricted" of Kubernetes 1.33, as PodSecurity admission enforces
   * {@code restricted:latest}: the baseline checks plus 6 restricted ones, of which
   * {@code restrictedVolumes}, {@code capabilities_restricted} and {@code seccompProfile_restricted}
   * replace {@code hostPathVolumes}, {@code capabilities_baseline} and {@code seccompProfile_baseline}.
   */
  public static Policy restricted() {
    return RESTRICTED;
  }

  /**
   * Best practices that kube-score, kube-linter and Polaris agree on: pinned images, resources,
   * probes, replicas and spread, PDBs, HPAs, NetworkPolicies, Services, Ingresses, selectors,
   * environment variables, API versions, Jobs and CronJobs.
   */
  public static Policy recommended() {
    return RECOMMENDED;
  }

  /** {@link #restricted()} and {@link #recommended()} together, named {@code all}. */
  public static Policy all() {
    return ALL;
  }

  /**
   * The built-in policy named {@code name}: {@code baseline}, {@code restricted},
   * {@code recommended} or {@code all}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Policy named(String name) {
    switch (name) {
      case "baseline":
        return BASELINE;
      case "restricted":
        return RESTRICTED;
      case "recommended":
        return RECOMMENDED;
      case "all":
        return ALL;
      default:
        throw new IllegalArgumentException("policy must be baseline, restricted, recommended or all, was \"" + name + "\"");
    }
  }

  /** Whether {@code ruleId} is the id of a built-in rule (of any built-in policy). */
  static boolean isBuiltIn(String ruleId) {
    return BUILT_IN_IDS.contains(ruleId);
  }

  private static Set<String> builtInIds() {
    Set<String> ids = new HashSet<>();
    for (List<? extends Rule> rules : List.of(PodSecurity.baseline(), PodSecurity.restricted(), Recommended.rules())) {
      rules.forEach(rule -> ids.add(rule.id()));
    }
    return Set.copyOf(ids);
  }
}
