package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pod Security Standards of Kubernetes 1.33 as {@link Rule rules}: one rule per check of the
 * upstream {@code k8s.io/pod-security-admission/policy} package, at the check's latest version
 * (what a namespace labelled {@code pod-security.kubernetes.io/enforce: <level>} enforces, with
 * {@code enforce-version} unset or {@code latest}).
 *
 * <p>Rules apply to the pod of every pod-bearing kind (Pod, and the templates of Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob and PodTemplate), and
 * to its init, regular and ephemeral containers. Every rule is an ERROR.
 */
public final class PodSecurity {
  private static final List<Rule> BASELINE = List.of(new AppArmorProfile(), new CapabilitiesBaseline(),
      new HostNamespaces(), new HostPathVolumes(), new HostPorts(), new Privileged(), new ProcMount(),
      new SeLinuxOptions(), new SeccompProfileBaseline(), new Sysctls(), new WindowsHostProcess());
  private static final List<Rule> RESTRICTED_ONLY = List.of(new AllowPrivilegeEscalation(),
      new CapabilitiesRestricted(), new RestrictedVolumes(), new RunAsNonRoot(), new RunAsUser(),
      new SeccompProfileRestricted());

  private PodSecurity() {}

  /** The 11 baseline checks, sorted by id as upstream orders them. */
  public static List<Rule> baseline() {
    return BASELINE;
  }

  /**
   * The baseline checks followed by the 6 restricted checks. Three of these
   * {@link Rule#overrides() override} baseline checks, which a {@code Policy} therefore drops.
   */
  public static List<Rule> restricted() {
    List<Rule> all = new ArrayList<>(BASELINE);
    all.addAll(RESTRICTED_ONLY);
    return List.copyOf(all);
  }

  /** Only the 6 checks restricted adds to baseline. */
  public static List<Rule> restrictedOnly() {
    return RESTRICTED_ONLY;
  }
}
