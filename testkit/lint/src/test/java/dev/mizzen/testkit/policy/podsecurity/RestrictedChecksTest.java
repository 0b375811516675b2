package dev.mizzen.testkit.policy.podsecurity;

import static dev.mizzen.testkit.policy.TestPods.app;
import static dev.mizzen.testkit.policy.TestPods.baselineSpec;
import static dev.mizzen.testkit.policy.TestPods.deployment;
import static dev.mizzen.testkit.policy.TestPods.pathsAndMessages;
import static dev.mizzen.testkit.policy.TestPods.pod;
import static dev.mizzen.testkit.policy.TestPods.restrictedContainer;
import static dev.mizzen.testkit.policy.TestPods.restrictedSpec;
import static dev.mizzen.testkit.policy.TestPods.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1ImageVolumeSource;
import io.kubernetes.client.openapi.models.V1NFSVolumeSource;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1PodOS;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestrictedChecksTest {

  private static List<Finding> restricted(V1PodSpec spec) {
    return Policies.restricted().check(pod("p", spec));
  }

  @Test
  void restrictedReplacesThreeBaselineChecksLikeUpstream() {
    assertThat(Policies.restricted().ruleIds()).containsExactly("appArmorProfile", "hostNamespaces", "hostPorts",
        "privileged", "procMount", "seLinuxOptions", "sysctls", "windowsHostProcess", "allowPrivilegeEscalation",
        "capabilities_restricted", "restrictedVolumes", "runAsNonRoot", "runAsUser", "seccompProfile_restricted");
  }

  @Test
  void aCleanPodPasses() {
    assertThat(restricted(restrictedSpec())).isEmpty();
  }

  @Test
  void aBarePodFailsTheFourContainerChecks() {
    assertThat(pathsAndMessages(restricted(baselineSpec()))).containsExactly(
        "spec.containers[app].securityContext.allowPrivilegeEscalation: container \"app\" must set"
            + " securityContext.allowPrivilegeEscalation=false, was unset",
        "spec.containers[app].securityContext.capabilities.drop: container \"app\" must set"
            + " securityContext.capabilities.drop=[\"ALL\"], was unset",
        "spec.containers[app].securityContext.runAsNonRoot: container \"app\" must set securityContext.runAsNonRoot=true"
            + " (or the pod must, at spec.securityContext.runAsNonRoot), was unset",
        "spec.containers[app].securityContext.seccompProfile: container \"app\" must set securityContext.seccompProfile.type"
            + " to \"RuntimeDefault\" or \"Localhost\" (or the pod must, at spec.securityContext.seccompProfile), was unset");
  }

  @Test
  void allowPrivilegeEscalationTrue() {
    V1PodSpec spec = restrictedSpec();
    app(spec).getSecurityContext().allowPrivilegeEscalation(true);
    assertThat(pathsAndMessages(restricted(spec))).containsExactly(
        "spec.containers[app].securityContext.allowPrivilegeEscalation: container \"app\" must set"
            + " securityContext.allowPrivilegeEscalation=false, was true");
  }

  @Test
  void restrictedVolumesAllowsOnlySafeTypes() {
    V1PodSpec spec = restrictedSpec()
        .addVolumesItem(new V1Volume().name("host").hostPath(new V1HostPathVolumeSource().path("/etc")))
        .addVolumesItem(new V1Volume().name("share").nfs(new V1NFSVolumeSource().server("nfs").path("/x")))
        .addVolumesItem(new V1Volume().name("tmp").emptyDir(new V1EmptyDirVolumeSource()))
        .addVolumesItem(new V1Volume().name("cfg").configMap(new V1ConfigMapVolumeSource().name("cfg")))
        .addVolumesItem(new V1Volume().name("img").image(new V1ImageVolumeSource().reference("registry/data:1")))
        .addVolumesItem(new V1Volume().name("pvc").persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource().claimName("c")));
    List<Finding> findings = restricted(spec);
    assertThat(ruleIds(findings)).containsExactly("restrictedVolumes");
    assertThat(pathsAndMessages(findings)).containsExactly(
        "spec.volumes[host].hostPath: volume \"host\" uses restricted volume type \"hostPath\" (allowed: configMap, csi,"
            + " downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret)",
        "spec.volumes[share].nfs: volume \"share\" uses restricted volume type \"nfs\" (allowed: configMap, csi,"
            + " downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret)");
  }

  @Test
  void aVolumeWithoutSourceIsTheEmptyDirTheApiServerDefaultsItTo() {
    V1PodSpec spec = restrictedSpec().addVolumesItem(new V1Volume().name("scratch"));
    assertThat(restricted(spec)).isEmpty();
    assertThat(Policies.restricted().check(deployment("d", 1, spec))).isEmpty();
    assertThat(Policies.baseline().check(pod("p", spec))).isEmpty();
  }

  @Test
  void runAsNonRootExplicitFalseAndImplicitlyUnset() {
    V1PodSpec spec = restrictedSpec();
    spec.getSecurityContext().runAsNonRoot(null);
    app(spec).getSecurityContext().runAsNonRoot(false);
    spec.addContainersItem(restrictedContainer("unset"));
    spec.addContainersItem(restrictedContainer("set").securityContext(restrictedContainer("x").getSecurityContext().runAsNonRoot(true)));
    assertThat(pathsAndMessages(restricted(spec))).containsExactly(
        "spec.containers[app].securityContext.runAsNonRoot: container \"app\" must not set securityContext.runAsNonRoot=false",
        "spec.containers[unset].securityContext.runAsNonRoot: container \"unset\" must set securityContext.runAsNonRoot=true"
            + " (or the pod must, at spec.securityContext.runAsNonRoot), was unset");
  }

  @Test
  void runAsNonRootFalseAtPodLevelIsReportedOnceThere() {
    V1PodSpec spec = restrictedSpec();
    spec.getSecurityContext().runAsNonRoot(false);
    assertThat(pathsAndMessages(restricted(spec))).containsExactly(
        "spec.securityContext.runAsNonRoot: pod must not set securityContext.runAsNonRoot=false");
  }

  @Test
  void runAsUserZeroAnywhere() {
    V1PodSpec spec = restrictedSpec();
    spec.getSecurityContext().runAsUser(0L);
    app(spec).getSecurityContext().runAsUser(0L);
    spec.addContainersItem(restrictedContainer("other").securityContext(restrictedContainer("x").getSecurityContext().runAsUser(1000L)));
    assertThat(pathsAndMessages(restricted(spec))).containsExactly(
        "spec.containers[app].securityContext.runAsUser: container \"app\" must not set runAsUser=0",
        "spec.securityContext.runAsUser: pod must not set runAsUser=0");
  }

  @Test
  void seccompRestricted() {
    V1PodSpec podUnconfined = restrictedSpec();
    podUnconfined.getSecurityContext().seccompProfile(new V1SeccompProfile().type("Unconfined"));
    assertThat(pathsAndMessages(restricted(podUnconfined))).containsExactly(
        "spec.securityContext.seccompProfile.type: pod must not set securityContext.seccompProfile.type to \"Unconfined\""
            + " (allowed: RuntimeDefault, Localhost)");

    V1PodSpec perContainer = restrictedSpec();
    perContainer.getSecurityContext().seccompProfile(null);
    app(perContainer).getSecurityContext().seccompProfile(new V1SeccompProfile().type("RuntimeDefault"));
    assertThat(restricted(perContainer)).isEmpty();
    perContainer.addInitContainersItem(restrictedContainer("init"));
    assertThat(pathsAndMessages(restricted(perContainer))).containsExactly(
        "spec.initContainers[init].securityContext.seccompProfile: init container \"init\" must set"
            + " securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\" (or the pod must, at"
            + " spec.securityContext.seccompProfile), was unset");
  }

  @Test
  void capabilitiesRestricted() {
    V1PodSpec spec = restrictedSpec();
    app(spec).getSecurityContext().capabilities(new V1Capabilities().addDropItem("NET_RAW").add(List.of("NET_BIND_SERVICE", "CHOWN")));
    assertThat(pathsAndMessages(restricted(spec))).containsExactly(
        "spec.containers[app].securityContext.capabilities.add: container \"app\" must not add \"CHOWN\""
            + " (restricted allows adding only NET_BIND_SERVICE)",
        "spec.containers[app].securityContext.capabilities.drop: container \"app\" must set"
            + " securityContext.capabilities.drop=[\"ALL\"], was [\"NET_RAW\"]");

    V1PodSpec fine = restrictedSpec();
    app(fine).getSecurityContext().capabilities(new V1Capabilities().addDropItem("ALL").addAddItem("NET_BIND_SERVICE"));
    assertThat(restricted(fine)).isEmpty();
  }

  @Test
  void aNullCapabilityIsTheEmptyNameTheApiServerSeesAndIsNotNetBindService() {
    V1PodSpec spec = restrictedSpec();
    app(spec).getSecurityContext().capabilities(new V1Capabilities().drop(Arrays.asList(null, "ALL"))
        .add(Arrays.asList("NET_BIND_SERVICE", null)));
    assertThat(pathsAndMessages(restricted(spec))).containsExactly(
        "spec.containers[app].securityContext.capabilities.add: container \"app\" must not add \"\""
            + " (restricted allows adding only NET_BIND_SERVICE)");
  }

  @Test
  void windowsPodsAreExemptFromTheLinuxOnlyChecks() {
    V1PodSpec spec = new V1PodSpec().os(new V1PodOS().name("windows"))
        .securityContext(new V1PodSecurityContext().runAsNonRoot(true))
        .addContainersItem(new V1Container().name("app").image("mcr.microsoft.com/windows/nanoserver:ltsc2022"));
    assertThat(restricted(spec)).isEmpty();
    spec.getSecurityContext().runAsNonRoot(null);
    assertThat(ruleIds(restricted(spec))).containsExactly("runAsNonRoot");
  }

  @Test
  void ephemeralContainersAreChecked() {
    V1PodSpec spec = restrictedSpec().addEphemeralContainersItem(new V1EphemeralContainer().name("debug").image("busybox:1.36"));
    assertThat(restricted(spec)).extracting(Finding::path).containsExactly(
        "spec.ephemeralContainers[debug].securityContext.allowPrivilegeEscalation",
        "spec.ephemeralContainers[debug].securityContext.capabilities.drop");
    spec.getEphemeralContainers().get(0).securityContext(new V1SecurityContext().allowPrivilegeEscalation(false)
        .capabilities(new V1Capabilities().addDropItem("ALL")));
    assertThat(restricted(spec)).isEmpty();
  }

  @Test
  void baselineViolationsAreAlsoRestrictedViolations() {
    V1PodSpec spec = restrictedSpec().hostPID(true);
    assertThat(ruleIds(restricted(spec))).containsExactly("hostNamespaces");
  }
}
