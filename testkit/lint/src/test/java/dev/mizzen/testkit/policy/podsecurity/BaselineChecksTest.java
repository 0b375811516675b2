package dev.mizzen.testkit.policy.podsecurity;

import static dev.mizzen.testkit.policy.TestPods.app;
import static dev.mizzen.testkit.policy.TestPods.baselineSpec;
import static dev.mizzen.testkit.policy.TestPods.pathsAndMessages;
import static dev.mizzen.testkit.policy.TestPods.pod;
import static dev.mizzen.testkit.policy.TestPods.restrictedContainer;
import static dev.mizzen.testkit.policy.TestPods.restrictedSpec;
import static dev.mizzen.testkit.policy.TestPods.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SELinuxOptions;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Sysctl;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1WindowsSecurityContextOptions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineChecksTest {

  private static List<Finding> baseline(V1PodSpec spec) {
    return Policies.baseline().check(pod("p", spec));
  }

  private static V1SecurityContext security(V1PodSpec spec) {
    V1Container app = app(spec);
    if (app.getSecurityContext() == null) {
      app.setSecurityContext(new V1SecurityContext());
    }
    return app.getSecurityContext();
  }

  @Test
  void baselineHasTheElevenUpstreamChecksInUpstreamOrder() {
    assertThat(Policies.baseline().ruleIds()).containsExactly("appArmorProfile", "capabilities_baseline",
        "hostNamespaces", "hostPathVolumes", "hostPorts", "privileged", "procMount", "seLinuxOptions",
        "seccompProfile_baseline", "sysctls", "windowsHostProcess");
    assertThat(Policies.baseline().rules()).allSatisfy(rule -> assertThat(rule.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void cleanPodsPassBaseline() {
    assertThat(baseline(baselineSpec())).isEmpty();
    assertThat(baseline(restrictedSpec())).isEmpty();
  }

  @Test
  void privilegedInAnyContainerType() {
    V1PodSpec spec = baselineSpec();
    security(spec).privileged(true);
    spec.addInitContainersItem(new V1Container().name("init").securityContext(new V1SecurityContext().privileged(true)));
    spec.addEphemeralContainersItem(new V1EphemeralContainer().name("debug").securityContext(new V1SecurityContext().privileged(true)));
    List<Finding> findings = baseline(spec);
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.ruleId()).isEqualTo("privileged");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.object()).isEqualTo("Pod/ns/p");
    });
    assertThat(pathsAndMessages(findings)).containsExactly(
        "spec.containers[app].securityContext.privileged: container \"app\" must not set securityContext.privileged=true",
        "spec.ephemeralContainers[debug].securityContext.privileged: ephemeral container \"debug\" must not set securityContext.privileged=true",
        "spec.initContainers[init].securityContext.privileged: init container \"init\" must not set securityContext.privileged=true");
  }

  @Test
  void privilegedFalseIsFine() {
    V1PodSpec spec = baselineSpec();
    security(spec).privileged(false);
    assertThat(baseline(spec)).isEmpty();
  }

  @Test
  void hostNamespaces() {
    V1PodSpec spec = baselineSpec().hostNetwork(true).hostPID(true).hostIPC(true);
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.hostIPC: must not set hostIPC=true (the pod would share the node's IPC namespace)",
        "spec.hostNetwork: must not set hostNetwork=true (the pod would share the node's network namespace)",
        "spec.hostPID: must not set hostPID=true (the pod would see every process of the node)");
    assertThat(baseline(baselineSpec().hostNetwork(false).hostPID(false).hostIPC(false))).isEmpty();
  }

  @Test
  void hostPathVolumes() {
    V1PodSpec spec = baselineSpec().addVolumesItem(new V1Volume().name("data").hostPath(new V1HostPathVolumeSource().path("/var/lib")));
    List<Finding> findings = baseline(spec);
    assertThat(ruleIds(findings)).containsExactly("hostPathVolumes");
    assertThat(pathsAndMessages(findings)).containsExactly(
        "spec.volumes[data].hostPath: volume \"data\" must not be a hostPath volume (path /var/lib)");
  }

  @Test
  void hostPortsIncludingThoseTheApiServerDefaultsForHostNetworkPods() {
    V1PodSpec spec = baselineSpec();
    app(spec).addPortsItem(new V1ContainerPort().containerPort(8080).hostPort(80)).addPortsItem(new V1ContainerPort().containerPort(9090));
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.containers[app].ports[0].hostPort: container \"app\" must not use hostPort 80");

    V1PodSpec hostNetwork = baselineSpec().hostNetwork(true);
    app(hostNetwork).addPortsItem(new V1ContainerPort().containerPort(8080));
    assertThat(pathsAndMessages(baseline(hostNetwork))).containsExactly(
        "spec.hostNetwork: must not set hostNetwork=true (the pod would share the node's network namespace)",
        "spec.containers[app].ports[0].hostPort: container \"app\" must not use hostPort 8080 (with hostNetwork=true"
            + " the API server defaults hostPort to containerPort)");

    V1PodSpec zero = baselineSpec();
    app(zero).addPortsItem(new V1ContainerPort().containerPort(8080).hostPort(0));
    assertThat(baseline(zero)).isEmpty();
  }

  @Test
  void capabilitiesBaselineAllowsOnlyTheDefaultSet() {
    V1PodSpec spec = baselineSpec();
    security(spec).capabilities(new V1Capabilities().add(List.of("SYS_TIME", "CHOWN", "NET_ADMIN", "NET_ADMIN")));
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.containers[app].securityContext.capabilities.add: container \"app\" must not add \"NET_ADMIN\", \"SYS_TIME\""
            + " (baseline allows adding only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,"
            + " SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT)");

    V1PodSpec fine = baselineSpec();
    security(fine).capabilities(new V1Capabilities().add(List.of("CHOWN", "NET_BIND_SERVICE", "KILL")).addDropItem("NET_RAW"));
    assertThat(baseline(fine)).isEmpty();
  }

  @Test
  void aNullCapabilityIsTheEmptyNameTheApiServerSeesAndIsNotInTheDefaultSet() {
    V1PodSpec spec = baselineSpec();
    security(spec).capabilities(new V1Capabilities().add(Arrays.asList("CHOWN", null)));
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.containers[app].securityContext.capabilities.add: container \"app\" must not add \"\""
            + " (baseline allows adding only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,"
            + " SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT)");
  }

  @Test
  void appArmorFieldsAndAnnotations() {
    V1PodSpec spec = baselineSpec();
    spec.securityContext(new V1PodSecurityContext().appArmorProfile(new V1AppArmorProfile().type("Unconfined")));
    security(spec).appArmorProfile(new V1AppArmorProfile().type("Unconfined"));
    V1Pod pod = pod("p", spec);
    pod.getMetadata().putAnnotationsItem("container.apparmor.security.beta.kubernetes.io/app", "unconfined");
    pod.getMetadata().putAnnotationsItem("container.apparmor.security.beta.kubernetes.io/other", "localhost/k8s-profile");
    assertThat(pathsAndMessages(Policies.baseline().check(pod))).containsExactly(
        "metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: annotation must not set AppArmor profile"
            + " to \"unconfined\" (allowed: runtime/default, localhost/<profile>, or empty)",
        "spec.containers[app].securityContext.appArmorProfile.type: container \"app\" must not set AppArmor profile type"
            + " to \"Unconfined\" (allowed: RuntimeDefault, Localhost)",
        "spec.securityContext.appArmorProfile.type: pod must not set AppArmor profile type to \"Unconfined\""
            + " (allowed: RuntimeDefault, Localhost)");

    V1PodSpec fine = baselineSpec();
    fine.securityContext(new V1PodSecurityContext().appArmorProfile(new V1AppArmorProfile().type("RuntimeDefault")));
    security(fine).appArmorProfile(new V1AppArmorProfile().type("Localhost").localhostProfile("k8s-profile"));
    assertThat(baseline(fine)).isEmpty();
  }

  @Test
  void seLinuxOptionsTypeUserAndRole() {
    V1PodSpec spec = baselineSpec();
    spec.securityContext(new V1PodSecurityContext().seLinuxOptions(new V1SELinuxOptions().type("spc_t")));
    security(spec).seLinuxOptions(new V1SELinuxOptions().user("system_u").role("system_r").level("s0:c1"));
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.containers[app].securityContext.seLinuxOptions.role: container \"app\" must not set an SELinux role, was \"system_r\"",
        "spec.containers[app].securityContext.seLinuxOptions.user: container \"app\" must not set an SELinux user, was \"system_u\"",
        "spec.securityContext.seLinuxOptions.type: pod must not set SELinux type \"spc_t\" (allowed: container_t,"
            + " container_init_t, container_kvm_t, container_engine_t, or unset)");

    V1PodSpec fine = baselineSpec();
    security(fine).seLinuxOptions(new V1SELinuxOptions().type("container_engine_t").level("s0:c1,c2"));
    assertThat(baseline(fine)).isEmpty();
  }

  @Test
  void procMount() {
    V1PodSpec spec = baselineSpec().hostUsers(false);
    security(spec).procMount("Unmasked");
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.containers[app].securityContext.procMount: container \"app\" must not set securityContext.procMount to"
            + " \"Unmasked\" (allowed: Default, or unset)");
    V1PodSpec fine = baselineSpec();
    security(fine).procMount("Default");
    assertThat(baseline(fine)).isEmpty();
  }

  @Test
  void seccompBaselineForbidsOnlyExplicitlyBadProfiles() {
    V1PodSpec spec = baselineSpec().securityContext(new V1PodSecurityContext().seccompProfile(new V1SeccompProfile().type("Unconfined")));
    security(spec).seccompProfile(new V1SeccompProfile().type("Unconfined"));
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.containers[app].securityContext.seccompProfile.type: container \"app\" must not set"
            + " securityContext.seccompProfile.type to \"Unconfined\" (allowed: RuntimeDefault, Localhost)",
        "spec.securityContext.seccompProfile.type: pod must not set securityContext.seccompProfile.type to"
            + " \"Unconfined\" (allowed: RuntimeDefault, Localhost)");
    V1PodSpec fine = baselineSpec();
    security(fine).seccompProfile(new V1SeccompProfile().type("Localhost").localhostProfile("p.json"));
    assertThat(baseline(fine)).isEmpty();
  }

  @Test
  void sysctlsOnlyTheSafeSetOf132() {
    V1PodSpec spec = baselineSpec().securityContext(new V1PodSecurityContext()
        .addSysctlsItem(new V1Sysctl().name("net.ipv4.tcp_rmem").value("4096 87380 6291456"))
        .addSysctlsItem(new V1Sysctl().name("kernel.msgmax").value("65536"))
        .addSysctlsItem(new V1Sysctl().name("net/ipv4/ip_local_port_range").value("1024 65535")));
    List<Finding> findings = baseline(spec);
    assertThat(findings).extracting(Finding::path).containsExactly(
        "spec.securityContext.sysctls[1].name", "spec.securityContext.sysctls[2].name");
    assertThat(findings.get(0).message()).startsWith("sysctl \"kernel.msgmax\" is not in the safe set (kernel.shm_rmid_forced,");
  }

  @Test
  void aSysctlWithoutNameIsNotSafe() {
    V1PodSpec spec = baselineSpec().securityContext(new V1PodSecurityContext()
        .addSysctlsItem(new V1Sysctl().value("1"))
        .addSysctlsItem(null));
    assertThat(baseline(spec)).extracting(Finding::path).containsExactly(
        "spec.securityContext.sysctls[0].name", "spec.securityContext.sysctls[1].name");
    assertThat(baseline(spec).get(0).message()).startsWith("sysctl \"\" is not in the safe set");
  }

  @Test
  void windowsHostProcess() {
    V1PodSpec spec = baselineSpec().securityContext(new V1PodSecurityContext()
        .windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true)));
    security(spec).windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true));
    assertThat(pathsAndMessages(baseline(spec))).containsExactly(
        "spec.containers[app].securityContext.windowsOptions.hostProcess: container \"app\" must not set"
            + " securityContext.windowsOptions.hostProcess=true",
        "spec.securityContext.windowsOptions.hostProcess: pod must not set securityContext.windowsOptions.hostProcess=true");
    V1PodSpec fine = baselineSpec();
    security(fine).windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(false).runAsUserName("app"));
    assertThat(baseline(fine)).isEmpty();
  }

  @Test
  void restrictedOnlySettingsDoNotMatterAtBaseline() {
    V1PodSpec spec = restrictedSpec();
    spec.addContainersItem(restrictedContainer("side").securityContext(new V1SecurityContext().allowPrivilegeEscalation(true).runAsUser(0L)));
    assertThat(baseline(spec)).isEmpty();
  }
}
