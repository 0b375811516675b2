package dev.mizzen.dsl.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.internal.SecurityContexts;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSecurityTest {
  private static final String AT = "Deployment/web: spec.template.spec.containers[web].securityContext";

  private static List<String> problems(ContainerSecurity security, boolean podAllowsRoot) {
    Validation v = Validation.of("Deployment/web");
    SecurityContexts.validate(v.field("spec.template.spec.containers[web].securityContext"), security, podAllowsRoot);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void defaultRendersExactlyWhatRestrictedAsksOfAContainer() {
    V1SecurityContext rendered = ContainerSecurity.defaults().toV1SecurityContext();

    assertThat(JSON.serialize(rendered))
        .isEqualTo("{\"allowPrivilegeEscalation\":false,\"capabilities\":{\"drop\":[\"ALL\"]}}");
    assertThat(rendered).isEqualTo(new V1SecurityContext()
        .allowPrivilegeEscalation(false)
        .capabilities(new V1Capabilities().add(null).drop(List.of("ALL"))));
    assertThat(ContainerSecurity.restricted().build()).isEqualTo(ContainerSecurity.defaults());
    assertThat(problems(ContainerSecurity.defaults(), false)).isEmpty();
  }

  @Test
  void stricterSettingsNeedNoOptOut() {
    ContainerSecurity security = ContainerSecurity.restricted()
        .runAsUser(10001)
        .runAsGroup(10001)
        .readOnlyRootFilesystem(true)
        .bindPrivilegedPorts()
        .seccompLocalhostProfile("profiles/web.json")
        .appArmorLocalhostProfile("k8s-web")
        .build();

    assertThat(JSON.serialize(security.toV1SecurityContext())).isEqualTo("{"
        + "\"allowPrivilegeEscalation\":false,"
        + "\"appArmorProfile\":{\"localhostProfile\":\"k8s-web\",\"type\":\"Localhost\"},"
        + "\"capabilities\":{\"add\":[\"NET_BIND_SERVICE\"],\"drop\":[\"ALL\"]},"
        + "\"readOnlyRootFilesystem\":true,"
        + "\"runAsGroup\":10001,"
        + "\"runAsUser\":10001,"
        + "\"seccompProfile\":{\"localhostProfile\":\"profiles/web.json\",\"type\":\"Localhost\"}}");
    assertThat(security.optOuts()).isEmpty();
    assertThat(problems(security, false)).isEmpty();
  }

  @Test
  void privilegedOptOutRendersPrivilegedAndEscalation() {
    ContainerSecurity security = ContainerSecurity.restricted()
        .optOut(ContainerOptOut.privileged("needs /dev access for the GPU driver"))
        .build();

    assertThat(JSON.serialize(security.toV1SecurityContext())).isEqualTo(
        "{\"allowPrivilegeEscalation\":true,\"capabilities\":{\"drop\":[\"ALL\"]},\"privileged\":true}");
    assertThat(security.isPrivileged()).isTrue();
    assertThat(security.allowsPrivilegeEscalation()).isTrue();
    assertThat(security.optOut(ContainerOptOut.Kind.PRIVILEGED).map(ContainerOptOut::reason))
        .contains("needs /dev access for the GPU driver");
    assertThat(problems(security, false)).isEmpty();
  }

  @Test
  void everyOtherContainerOptOutRendersItsRelaxation() {
    ContainerSecurity security = ContainerSecurity.restricted()
        .runAsUser(0)
        .bindPrivilegedPorts()
        .optOut(ContainerOptOut.privilegeEscalation("sudo in the legacy entrypoint"))
        .optOut(ContainerOptOut.runAsRoot("the vendor image only runs as root"))
        .optOut(ContainerOptOut.capabilities("manages iptables rules", "NET_ADMIN", "NET_RAW"))
        .optOut(ContainerOptOut.seccompUnconfined("strace needs ptrace"))
        .optOut(ContainerOptOut.appArmorUnconfined("the profile blocks /proc/sys writes"))
        .optOut(ContainerOptOut.hostPorts("the node-local DNS cache listens on port 53 of the node"))
        .build();

    assertThat(JSON.serialize(security.toV1SecurityContext())).isEqualTo("{"
        + "\"allowPrivilegeEscalation\":true,"
        + "\"appArmorProfile\":{\"type\":\"Unconfined\"},"
        + "\"capabilities\":{\"add\":[\"NET_BIND_SERVICE\",\"NET_ADMIN\",\"NET_RAW\"],\"drop\":[\"ALL\"]},"
        + "\"runAsNonRoot\":false,"
        + "\"runAsUser\":0,"
        + "\"seccompProfile\":{\"type\":\"Unconfined\"}}");
    assertThat(SecurityOptOut.describe(security.optOuts())).isEqualTo(String.join("\n",
        "allowPrivilegeEscalation: sudo in the legacy entrypoint",
        "runAsRoot: the vendor image only runs as root",
        "capabilities NET_ADMIN,NET_RAW: manages iptables rules",
        "seccompUnconfined: strace needs ptrace",
        "appArmorUnconfined: the profile blocks /proc/sys writes",
        "hostPorts: the node-local DNS cache listens on port 53 of the node"));
    assertThat(problems(security, false)).isEmpty();
  }

  @Test
  void rootNeedsAnOptOutHereOrOnThePod() {
    ContainerSecurity root = ContainerSecurity.restricted().runAsUser(0).build();
    assertThat(problems(root, false)).containsExactly(AT + ".runAsUser: must not be 0 (root) while the pod"
        + " requires runAsNonRoot: choose a non-zero uid or opt out with ContainerOptOut.runAsRoot(reason)");
    assertThat(problems(root, true)).isEmpty();
  }

  @Test
  void idsMustBeInRange() {
    ContainerSecurity security = ContainerSecurity.restricted().runAsUser(-1).runAsGroup(1L << 31).build();
    assertThat(problems(security, false)).containsExactly(
        AT + ".runAsUser: must be 0..2147483647, was -1",
        AT + ".runAsGroup: must be 0..2147483647, was 2147483648");
  }

  @Test
  void capabilitiesBeyondNetBindServiceNeedAnOptOut() {
    ContainerSecurity security = ContainerSecurity.restricted()
        .capability("NET_ADMIN")
        .capability("CAP_SYS_TIME")
        .capability("net_raw")
        .build();
    assertThat(problems(security, false)).containsExactly(
        AT + ".capabilities.add[0]: adds NET_ADMIN, which Pod Security restricted forbids (only"
            + " NET_BIND_SERVICE is allowed): opt out with ContainerOptOut.capabilities(reason, \"NET_ADMIN\")",
        AT + ".capabilities.add[1]: must be a capability name without the CAP_ prefix, such as SYS_TIME,"
            + " was 'CAP_SYS_TIME'",
        AT + ".capabilities.add[2]: must be an upper-case capability name such as NET_ADMIN, was 'net_raw'");
  }

  @Test
  void optOutsNeedAOneLineReasonOnceEach() {
    ContainerSecurity security = ContainerSecurity.restricted()
        .optOut(ContainerOptOut.privileged(" "))
        .optOut(ContainerOptOut.runAsRoot("first line\nsecond line"))
        .optOut(ContainerOptOut.privileged("again"))
        .optOut(ContainerOptOut.capabilities("why"))
        .optOut(ContainerOptOut.hostPorts(""))
        .build();
    assertThat(problems(security, false)).containsExactly(
        AT + ".privileged: the privileged opt-out needs a reason (say what requires it), was blank",
        AT + ".runAsNonRoot: the runAsRoot opt-out reason must be one line (it is recorded in an annotation)",
        AT + ".privileged: the privileged opt-out is given more than once",
        AT + ".capabilities.add: the capabilities opt-out must name at least one capability",
        AT + ": the hostPorts opt-out needs a reason (say what requires it), was blank");
  }

  @Test
  void optedOutCapabilitiesMustBeNamedProperly() {
    ContainerSecurity security = ContainerSecurity.restricted()
        .optOut(ContainerOptOut.capabilities("why", "CAP_NET_ADMIN")).build();
    assertThat(problems(security, false)).containsExactly(AT + ".capabilities.add[CAP_NET_ADMIN]:"
        + " must be a capability name without the CAP_ prefix, such as NET_ADMIN, was 'CAP_NET_ADMIN'");
  }

  @Test
  void profilesMustBeRelativeAndNotContradictOptOuts() {
    ContainerSecurity security = ContainerSecurity.restricted()
        .seccompLocalhostProfile("/etc/seccomp/x.json")
        .appArmorLocalhostProfile("")
        .build();
    assertThat(problems(security, false)).containsExactly(
        AT + ".seccompProfile.localhostProfile: must be a path relative to the kubelet's profile root,"
            + " was '/etc/seccomp/x.json'",
        AT + ".appArmorProfile.localhostProfile: must not be empty");
    assertThat(problems(ContainerSecurity.restricted().seccompLocalhostProfile("").build(), false)).containsExactly(
        AT + ".seccompProfile.localhostProfile: must not be empty: name a profile file under the kubelet's seccomp"
            + " root");

    ContainerSecurity both = ContainerSecurity.restricted()
        .seccompLocalhostProfile("../x.json")
        .optOut(ContainerOptOut.seccompUnconfined("debugging"))
        .build();
    assertThat(problems(both, false)).containsExactly(
        AT + ".seccompProfile.localhostProfile: must not contain '..', was '../x.json'",
        AT + ".seccompProfile.localhostProfile: must not be set together with the seccompUnconfined opt-out");
  }

  /** {@code ValidateAppArmorProfileField}: a profile name, any string but padded or empty ones. */
  @Test
  void appArmorProfilesAreNamesNotPaths() {
    assertThat(problems(ContainerSecurity.restricted().appArmorLocalhostProfile("/usr/sbin/ntpd").build(), false))
        .isEmpty();
    assertThat(problems(ContainerSecurity.restricted().appArmorLocalhostProfile("k8s/../deny-write").build(), false))
        .isEmpty();
    assertThat(problems(ContainerSecurity.restricted().appArmorLocalhostProfile(" deny-write").build(), false))
        .containsExactly(AT + ".appArmorProfile.localhostProfile: must not be padded with whitespace,"
            + " was ' deny-write'");
    assertThat(problems(ContainerSecurity.restricted().appArmorLocalhostProfile("x".repeat(4096)).build(), false))
        .containsExactly(AT + ".appArmorProfile.localhostProfile: must be at most 4095 bytes, was 4096");
  }
}
