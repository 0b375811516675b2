package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code recommended} rules: best practices kube-score, kube-linter and Polaris agree on.
 * Each rule, with its severity, rationale, fix and the peer tools' equivalent checks, is listed
 * in {@code docs/policies.md}.
 *
 * <p>Cross-object rules (Services, PDBs, HPAs, NetworkPolicies, Ingresses) only see the objects
 * of the check: lint an application's manifests together.
 */
public final class Recommended {
  private static final List<Rule> RULES = List.of(
      new ImageTag(),
      new ResourceRequests(),
      new ResourceLimits(),
      ServedProbe.readiness(),
      ServedProbe.liveness(),
      new ProbePort(),
      new ReadOnlyRootFilesystem(),
      new DuplicateEnv(),
      new EnvSecretLiteral(),
      new DeploymentReplicas(),
      new PodSpread(),
      new PdbPresent(),
      new PdbPolicy(),
      new PdbAllowsDisruption(),
      new PdbSelectsPods(),
      new HpaRange(),
      new HpaReplicas(),
      new HpaTarget(),
      new HpaStaticReplicas(),
      new NetworkPolicyCoverage(),
      new NetworkPolicySelectsPods(),
      new ServiceSelectsPods(),
      new ServiceTargetPort(),
      new IngressBackend(),
      new SelectorMatchesTemplate(),
      ApiVersionRule.removed(),
      ApiVersionRule.deprecated(),
      new CronJobDeadline(),
      new JobTtl());

  private Recommended() {}

  /** The recommended rules. */
  public static List<Rule> rules() {
    return RULES;
  }

  /**
   * The {@code pod-spread} rule accepting spread over {@code topologyKeys} (instead of
   * {@code kubernetes.io/hostname} and {@code topology.kubernetes.io/zone}), for clusters whose
   * failure domains carry another label:
   *
   * <pre>{@code
   * Policies.recommended().with(Recommended.podSpread("kubernetes.io/hostname", "example.com/rack"))
   * }</pre>
   *
   * @throws IllegalArgumentException if no key is given or a key is blank
   */
  public static Rule podSpread(String... topologyKeys) {
    if (topologyKeys.length == 0 || Arrays.stream(topologyKeys).anyMatch(key -> key == null || key.isBlank())) {
      throw new IllegalArgumentException("topologyKeys must be one or more non-blank label keys, was "
          + Arrays.toString(topologyKeys));
    }
    return new PodSpread(List.copyOf(new LinkedHashSet<>(Arrays.asList(topologyKeys))));
  }
}
