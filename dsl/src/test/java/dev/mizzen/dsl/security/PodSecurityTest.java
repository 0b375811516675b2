package dev.mizzen.dsl.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.internal.SecurityContexts;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityTest {
  private static final String AT = "Deployment/web: spec.template.spec";

  private static List<String> problems(PodSecurity security) {
    Validation v = Validation.of("Deployment/web");
    SecurityContexts.validate(v.field("spec.template.spec"), security);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void defaultRendersExactlyWhatRestrictedAsksOfAPod() {
    V1PodSecurityContext rendered = PodSecurity.defaults().toV1PodSecurityContext();

    assertThat(JSON.serialize(rendered))
        .isEqualTo("{\"runAsNonRoot\":true,\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}");
    assertThat(rendered).isEqualTo(new V1PodSecurityContext()
        .runAsNonRoot(true)
        .seccompProfile(new V1SeccompProfile().type("RuntimeDefault"))
        .supplementalGroups(null)
        .sysctls(null));
    assertThat(rendered.getRunAsUser()).isNull();
    assertThat(problems(PodSecurity.defaults())).isEmpty();
  }

  @Test
  void defaultSetsNoHostNamespaces() {
    V1PodSpec spec = new V1PodSpec();
    PodSecurity.defaults().applyTo(spec);
    assertThat(spec.getHostNetwork()).isNull();
    assertThat(spec.getHostPID()).isNull();
    assertThat(spec.getHostIPC()).isNull();
    assertThat(spec.getSecurityContext()).isEqualTo(PodSecurity.defaults().toV1PodSecurityContext());
  }

  @Test
  void idsGroupsSysctlsAndProfiles() {
    PodSecurity security = PodSecurity.restricted()
        .runAsUser(999)
        .runAsGroup(999)
        .fsGroup(999)
        .supplementalGroup(5000L)
        .sysctl("net.ipv4.ip_unprivileged_port_start", "0")
        .seccompLocalhostProfile("profiles/db.json")
        .appArmorLocalhostProfile("k8s-db")
        .build();

    assertThat(JSON.serialize(security.toV1PodSecurityContext())).isEqualTo("{"
        + "\"appArmorProfile\":{\"localhostProfile\":\"k8s-db\",\"type\":\"Localhost\"},"
        + "\"fsGroup\":999,"
        + "\"runAsGroup\":999,"
        + "\"runAsNonRoot\":true,"
        + "\"runAsUser\":999,"
        + "\"seccompProfile\":{\"localhostProfile\":\"profiles/db.json\",\"type\":\"Localhost\"},"
        + "\"supplementalGroups\":[5000],"
        + "\"sysctls\":[{\"name\":\"net.ipv4.ip_unprivileged_port_start\",\"value\":\"0\"}]}");
    assertThat(problems(security)).isEmpty();
  }

  @Test
  void podOptOutsRenderTheirRelaxations() {
    PodSecurity security = PodSecurity.restricted()
        .runAsUser(0)
        .sysctl("kernel.domainname", "example")
        .optOut(PodOptOut.runAsRoot("the agent inspects every process"))
        .optOut(PodOptOut.seccompUnconfined("uses bpf()"))
        .optOut(PodOptOut.appArmorUnconfined("reads /proc of other processes"))
        .optOut(PodOptOut.hostNetwork("reports the node's interfaces"))
        .optOut(PodOptOut.hostPid("sees every process of the node"))
        .optOut(PodOptOut.hostIpc("reads shared memory segments"))
        .optOut(PodOptOut.hostPath("reads /var/log of the node"))
        .optOut(PodOptOut.unsafeSysctls("sets the NIS domain of the legacy broker"))
        .build();

    V1PodSpec spec = new V1PodSpec();
    security.applyTo(spec);

    assertThat(JSON.serialize(spec.getSecurityContext())).isEqualTo("{"
        + "\"appArmorProfile\":{\"type\":\"Unconfined\"},"
        + "\"runAsUser\":0,"
        + "\"seccompProfile\":{\"type\":\"Unconfined\"},"
        + "\"sysctls\":[{\"name\":\"kernel.domainname\",\"value\":\"example\"}]}");
    assertThat(spec.getHostNetwork()).isTrue();
    assertThat(spec.getHostPID()).isTrue();
    assertThat(spec.getHostIPC()).isTrue();
    assertThat(security.allowsRoot()).isTrue();
    assertThat(security.allowsHostPath()).isTrue();
    assertThat(SecurityOptOut.describe(security.optOuts())).isEqualTo(String.join("\n",
        "runAsRoot: the agent inspects every process",
        "seccompUnconfined: uses bpf()",
        "appArmorUnconfined: reads /proc of other processes",
        "hostNetwork: reports the node's interfaces",
        "hostPID: sees every process of the node",
        "hostIPC: reads shared memory segments",
        "hostPath: reads /var/log of the node",
        "unsafeSysctls: sets the NIS domain of the legacy broker"));
    assertThat(problems(security)).isEmpty();
  }

  @Test
  void rootAndUnsafeSysctlsNeedOptOuts() {
    PodSecurity security = PodSecurity.restricted()
        .runAsUser(0)
        .sysctl("kernel.msgmax", "65536")
        .sysctl("Kernel.Bad", "1")
        .build();
    assertThat(problems(security)).containsExactly(
        AT + ".securityContext.runAsUser: must not be 0 (root) while the pod requires runAsNonRoot:"
            + " choose a non-zero uid or opt out with PodOptOut.runAsRoot(reason)",
        AT + ".securityContext.sysctls[kernel.msgmax]: is not among the sysctls Pod Security baseline"
            + " allows: opt out with PodOptOut.unsafeSysctls(reason) (and allow it on the kubelet)",
        AT + ".securityContext.sysctls[Kernel.Bad]: must be a sysctl name such as net.ipv4.tcp_syncookies"
            + " (at most 253 lowercase letters, digits, '-', '_', '.' or '/'), was 'Kernel.Bad'");
  }

  @Test
  void idsMustBeInRange() {
    PodSecurity security = PodSecurity.restricted()
        .runAsUser(-5).runAsGroup(-1).fsGroup(1L << 32).supplementalGroups(1L, -2L).build();
    assertThat(problems(security)).containsExactly(
        AT + ".securityContext.runAsUser: must be 0..2147483647, was -5",
        AT + ".securityContext.runAsGroup: must be 0..2147483647, was -1",
        AT + ".securityContext.fsGroup: must be 0..2147483647, was 4294967296",
        AT + ".securityContext.supplementalGroups[1]: must be 0..2147483647, was -2");
  }

  @Test
  void podOptOutReasonsAreReportedAtTheRelaxedField() {
    PodSecurity security = PodSecurity.restricted()
        .optOut(PodOptOut.hostNetwork(""))
        .optOut(PodOptOut.hostPath("a\rb"))
        .optOut(PodOptOut.hostNetwork("twice"))
        .seccompLocalhostProfile("x.json")
        .optOut(PodOptOut.seccompUnconfined("why"))
        .build();
    assertThat(problems(security)).containsExactly(
        AT + ".securityContext.seccompProfile.localhostProfile: must not be set together with the"
            + " seccompUnconfined opt-out",
        AT + ".hostNetwork: the hostNetwork opt-out needs a reason (say what requires it), was blank",
        AT + ".volumes: the hostPath opt-out reason must be one line (it is recorded in an annotation)",
        AT + ".hostNetwork: the hostNetwork opt-out is given more than once");
  }

  @Test
  void annotationKeys() {
    assertThat(SecurityOptOut.POD_ANNOTATION).isEqualTo("security.mizzen.dev/opt-out");
    assertThat(SecurityOptOut.containerAnnotation("gpu-driver")).isEqualTo("opt-out.security.mizzen.dev/gpu-driver");
    assertThat(SecurityOptOut.isOptOutAnnotation("opt-out.security.mizzen.dev/web")).isTrue();
    assertThat(SecurityOptOut.isOptOutAnnotation("security.mizzen.dev/opt-out")).isTrue();
    assertThat(SecurityOptOut.isOptOutAnnotation("example.com/x")).isFalse();
  }

  /**
   * {@code ValidateHostSysctl}: a namespaced sysctl would change the node's own namespace. The
   * lists are those of k8s.io/component-helpers/node/util/sysctl ({@code GetNamespace}).
   */
  @Test
  void namespacedSysctlsNeedTheirOwnNamespace() {
    PodSecurity security = PodSecurity.restricted()
        .sysctl("net.ipv4.ip_unprivileged_port_start", "0")
        .sysctl("net/ipv4/ip_forward", "1")
        .sysctl("kernel.shmmax", "1")
        .sysctl("kernel.sem", "1")
        .sysctl("fs.mqueue.msg_max", "1")
        .sysctl("kernel.shm_next_id", "1")
        .sysctl("kernel.hostname", "1")
        .optOut(PodOptOut.hostNetwork("node exporter"))
        .optOut(PodOptOut.hostIpc("shared memory with the node agent"))
        .optOut(PodOptOut.unsafeSysctls("tuning"))
        .build();
    String net = ": may not be specified when 'hostNetwork' is true: it is a network namespace sysctl, and the"
        + " pod shares the node's network namespace";
    String ipc = ": may not be specified when 'hostIPC' is true: it is an IPC namespace sysctl, and the pod"
        + " shares the node's IPC namespace";
    assertThat(problems(security)).containsExactly(
        AT + ".securityContext.sysctls[net.ipv4.ip_unprivileged_port_start]" + net,
        AT + ".securityContext.sysctls[net/ipv4/ip_forward]" + net,
        AT + ".securityContext.sysctls[kernel.shmmax]" + ipc,
        AT + ".securityContext.sysctls[kernel.sem]" + ipc,
        AT + ".securityContext.sysctls[fs.mqueue.msg_max]" + ipc);
    assertThat(problems(PodSecurity.restricted().sysctl("net.ipv4.ip_unprivileged_port_start", "0")
        .sysctl("kernel.shmmax", "1")
        .optOut(PodOptOut.hostPid("process list"))
        .optOut(PodOptOut.unsafeSysctls("tuning")).build())).isEmpty();
  }
}
