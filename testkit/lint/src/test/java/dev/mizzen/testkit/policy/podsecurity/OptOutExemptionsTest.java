package dev.mizzen.testkit.policy.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.testkit.policy.Exemption;
import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import dev.mizzen.testkit.policy.Policy;
import dev.mizzen.testkit.policy.TestPods;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Pod Security rules read the DSL's opt-out annotations as exemptions of exactly what each opt-out relaxes. */
class OptOutExemptionsTest {
  private static final String LEGACY = "spec.template.spec.containers[legacy]";

  private static Container.Builder legacy(ContainerSecurity.Builder security) {
    return Container.named("legacy").image("ghcr.io/acme/legacy:1.0").security(security);
  }

  private static V1Deployment deployment(PodTemplate.Builder pod, Consumer<V1Deployment> change) {
    return Deployment.named("legacy").replicas(2).pod(pod).customize(change).build().render();
  }

  private static V1Deployment deployment(PodTemplate.Builder pod) {
    return deployment(pod, d -> {});
  }

  private static V1Container container(V1Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  private static List<Finding> exempted(Policy policy, Object object) {
    return policy.checkIncludingExempted((V1Deployment) object).stream().filter(Finding::isExempted).toList();
  }

  @Test
  void aDeploymentRunningAsRootPassesRestrictedWithOneExemptedFindingCarryingTheReason() {
    V1Deployment d = deployment(PodTemplate.container(legacy(ContainerSecurity.restricted().optOut(ContainerOptOut.runAsRoot("legacy image")))));

    assertThat(Policies.restricted().check(d)).isEmpty();
    assertThat(Policies.restricted().checkIncludingExempted(d)).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("runAsNonRoot");
      assertThat(f.path()).isEqualTo(LEGACY + ".securityContext.runAsNonRoot");
      assertThat(f.message()).isEqualTo("container \"legacy\" must not set securityContext.runAsNonRoot=false");
      assertThat(f.isExempted()).isTrue();
      assertThat(f.exemption()).contains(Exemption.of(
          "spec.template.metadata.annotations[opt-out.security.mizzen.dev/legacy]", "legacy image"));
      assertThat(f.toString()).isEqualTo("EXEMPTED runAsNonRoot Deployment/legacy " + LEGACY
          + ".securityContext.runAsNonRoot: container \"legacy\" must not set securityContext.runAsNonRoot=false"
          + " (ERROR, exempted by spec.template.metadata.annotations[opt-out.security.mizzen.dev/legacy]: legacy image)");
    });
  }

  @Test
  void anOptOutForOneCheckLeavesAnUnrelatedCheckInForce() {
    V1Deployment rootAndPrivileged = deployment(PodTemplate.container(legacy(ContainerSecurity.restricted().optOut(ContainerOptOut.runAsRoot("legacy image")))),
        d -> container(d, "legacy").getSecurityContext().privileged(true));
    assertThat(Policies.restricted().check(rootAndPrivileged)).extracting(f -> f.ruleId() + " " + f.path())
        .containsExactly("privileged " + LEGACY + ".securityContext.privileged");
    assertThat(exempted(Policies.restricted(), rootAndPrivileged)).extracting(Finding::ruleId)
        .containsExactly("runAsNonRoot");

    V1Deployment privilegedAndRoot = deployment(PodTemplate.container(legacy(ContainerSecurity.restricted()
                .optOut(ContainerOptOut.privileged("needs /dev access for the GPU driver")))),
        d -> container(d, "legacy").getSecurityContext().runAsNonRoot(false));
    assertThat(Policies.restricted().check(privilegedAndRoot)).extracting(f -> f.ruleId() + " " + f.path())
        .containsExactly("runAsNonRoot " + LEGACY + ".securityContext.runAsNonRoot");
    assertThat(exempted(Policies.restricted(), privilegedAndRoot)).extracting(Finding::ruleId)
        .containsExactly("allowPrivilegeEscalation", "privileged");
  }

  @Test
  void aContainersOptOutCoversThatContainerOnly() {
    V1Deployment d = deployment(PodTemplate.container(legacy(ContainerSecurity.restricted().optOut(ContainerOptOut.runAsRoot("legacy image"))))
            .container(Container.named("web").image("ghcr.io/acme/web:1.0")),
        deployment -> container(deployment, "web").getSecurityContext().runAsNonRoot(false));
    assertThat(Policies.restricted().check(d)).extracting(Finding::path)
        .containsExactly("spec.template.spec.containers[web].securityContext.runAsNonRoot");
  }

  @Test
  void aCapabilitiesOptOutCoversTheCapabilitiesItNames() {
    V1Deployment d = deployment(PodTemplate.container(legacy(ContainerSecurity.restricted()
                .optOut(ContainerOptOut.capabilities("manages iptables rules", "NET_ADMIN")))),
        deployment -> container(deployment, "legacy").getSecurityContext().getCapabilities().addAddItem("SYS_TIME"));
    assertThat(Policies.restricted().check(d)).extracting(Finding::message).containsExactly(
        "container \"legacy\" must not add \"SYS_TIME\" (restricted allows adding only NET_BIND_SERVICE)");
    assertThat(exempted(Policies.restricted(), d)).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo(
          "container \"legacy\" must not add \"NET_ADMIN\" (restricted allows adding only NET_BIND_SERVICE)");
      assertThat(f.exemption().map(Exemption::reason)).contains("manages iptables rules");
    });
    assertThat(Policies.baseline().check(d)).extracting(Finding::ruleId).containsExactly("capabilities_baseline");
  }

  @Test
  void hostNetworkCoversTheHostPortsItImpliesButNotExplicitOnes() {
    V1Deployment d = deployment(PodTemplate.container(Container.named("dns").image("ghcr.io/acme/dns:1.0").port(Port.named("dns", 53)))
            .security(PodSecurity.restricted().optOut(PodOptOut.hostNetwork("node-local DNS"))),
        deployment -> container(deployment, "dns").getPorts().get(0).hostPort(5353));
    assertThat(Policies.restricted().check(d)).extracting(f -> f.ruleId() + " " + f.message())
        .containsExactly("hostPorts container \"dns\" must not use hostPort 5353");
    assertThat(exempted(Policies.restricted(), d)).extracting(Finding::ruleId).containsExactly("hostNamespaces");

    container(d, "dns").getPorts().get(0).hostPort(null);
    assertThat(Policies.restricted().check(d)).isEmpty();
    assertThat(exempted(Policies.restricted(), d)).extracting(Finding::ruleId)
        .containsExactly("hostNamespaces", "hostPorts");
  }

  @Test
  void thePodsRunAsRootOptOutCoversEveryContainerButNotOtherPods() {
    V1Deployment d = deployment(PodTemplate.container(Container.named("agent").image("ghcr.io/acme/agent:1.0")
            .security(ContainerSecurity.restricted().runAsUser(0)))
        .security(PodSecurity.restricted().optOut(PodOptOut.runAsRoot("the agent reads root-owned logs"))));
    assertThat(Policies.restricted().check(d)).isEmpty();
    assertThat(exempted(Policies.restricted(), d)).extracting(Finding::ruleId)
        .containsExactly("runAsNonRoot", "runAsUser");

    V1Pod other = TestPods.pod("other", TestPods.restrictedSpec());
    other.getSpec().getContainers().get(0).getSecurityContext().runAsUser(0L);
    assertThat(Policies.restricted().check(List.of(d, other))).extracting(f -> f.object() + " " + f.ruleId())
        .containsExactly("Pod/ns/other runAsUser");
  }

  @Test
  void aHandWrittenOptOutWithoutAReasonOrWithAnUnknownLabelExemptsNothing() {
    V1Pod pod = TestPods.pod("root", TestPods.restrictedSpec());
    pod.getSpec().getContainers().get(0).getSecurityContext().runAsNonRoot(false);
    pod.getMetadata().putAnnotationsItem("opt-out.security.mizzen.dev/app", "runAsRoot:   ");
    assertThat(Policies.restricted().check(pod)).extracting(Finding::ruleId).containsExactly("runAsNonRoot");
    pod.getMetadata().putAnnotationsItem("opt-out.security.mizzen.dev/app", "runAsroot: typo in the label");
    assertThat(Policies.restricted().check(pod)).extracting(Finding::ruleId).containsExactly("runAsNonRoot");
    pod.getMetadata().putAnnotationsItem("opt-out.security.mizzen.dev/app", "privileged: x\nrunAsRoot: vendor image");
    assertThat(Policies.restricted().check(pod)).isEmpty();
    assertThat(Policies.restricted().checkIncludingExempted(pod)).singleElement()
        .satisfies(f -> assertThat(f.exemption().map(Exemption::toString))
            .contains("metadata.annotations[opt-out.security.mizzen.dev/app]: vendor image"));
  }

  @ParameterizedTest
  @EnumSource(ContainerOptOut.Kind.class)
  void everyContainerOptOutTheDslRendersPassesRestrictedWithItsReason(ContainerOptOut.Kind kind) {
    String reason = "reason for " + kind.label();
    Container.Builder container = Container.named("app").image("ghcr.io/acme/app:1.0");
    ContainerOptOut optOut = switch (kind) {
      case PRIVILEGED -> ContainerOptOut.privileged(reason);
      case PRIVILEGE_ESCALATION -> ContainerOptOut.privilegeEscalation(reason);
      case RUN_AS_ROOT -> ContainerOptOut.runAsRoot(reason);
      case CAPABILITIES -> ContainerOptOut.capabilities(reason, "NET_ADMIN", "SYS_TIME");
      case SECCOMP_UNCONFINED -> ContainerOptOut.seccompUnconfined(reason);
      case APPARMOR_UNCONFINED -> ContainerOptOut.appArmorUnconfined(reason);
      case HOST_PORTS -> {
        container.port(Port.named("dns", 53).hostPort(53));
        yield ContainerOptOut.hostPorts(reason);
      }
    };
    V1Deployment d = deployment(PodTemplate.container(container.security(ContainerSecurity.restricted().optOut(optOut))));
    assertPassesWithExemptionsFor(d, reason);
  }

  @ParameterizedTest
  @EnumSource(PodOptOut.Kind.class)
  void everyPodOptOutTheDslRendersPassesRestrictedWithItsReason(PodOptOut.Kind kind) {
    String reason = "reason for " + kind.label();
    List<Volume> volumes = new java.util.ArrayList<>();
    Container.Builder container = Container.named("app").image("ghcr.io/acme/app:1.0");
    PodSecurity.Builder security = PodSecurity.restricted();
    switch (kind) {
      case RUN_AS_ROOT -> security.optOut(PodOptOut.runAsRoot(reason));
      case SECCOMP_UNCONFINED -> security.optOut(PodOptOut.seccompUnconfined(reason));
      case APPARMOR_UNCONFINED -> security.optOut(PodOptOut.appArmorUnconfined(reason));
      case HOST_NETWORK -> {
        container.port(Port.named("metrics", 9100));
        security.optOut(PodOptOut.hostNetwork(reason));
      }
      case HOST_PID -> security.optOut(PodOptOut.hostPid(reason));
      case HOST_IPC -> security.optOut(PodOptOut.hostIpc(reason));
      case HOST_PATH -> {
        volumes.add(Volume.hostPath("dev", "/dev").build());
        container.mount("dev", "/dev");
        security.optOut(PodOptOut.hostPath(reason));
      }
      case UNSAFE_SYSCTLS -> security.sysctl("kernel.msgmax", "65536").optOut(PodOptOut.unsafeSysctls(reason));
    }
    PodTemplate.Builder pod = PodTemplate.container(container).security(security);
    volumes.forEach(pod::volume);
    assertPassesWithExemptionsFor(deployment(pod), reason);
  }

  private static void assertPassesWithExemptionsFor(V1Deployment d, String reason) {
    assertThat(Policies.restricted().check(d)).isEmpty();
    List<Finding> exempted = exempted(Policies.restricted(), d);
    assertThat(exempted).isNotEmpty()
        .allSatisfy(f -> assertThat(f.exemption().map(Exemption::reason)).contains(reason));
    assertThat(Policies.baseline().check(d)).isEmpty();
  }

  @Test
  void unrelatedSettingsStayInForceBesideEveryOptOut() {
    V1Deployment d = deployment(PodTemplate.container(legacy(ContainerSecurity.restricted()
                .optOut(ContainerOptOut.privileged("gpu"))
                .optOut(ContainerOptOut.runAsRoot("legacy image"))
                .optOut(ContainerOptOut.capabilities("iptables", "NET_ADMIN"))
                .optOut(ContainerOptOut.seccompUnconfined("strace"))
                .optOut(ContainerOptOut.appArmorUnconfined("proc writes"))
                .optOut(ContainerOptOut.hostPorts("dns"))))
            .security(PodSecurity.restricted()
                .optOut(PodOptOut.hostNetwork("cni")).optOut(PodOptOut.hostPid("ps"))
                .optOut(PodOptOut.hostIpc("shm")).optOut(PodOptOut.hostPath("dev"))
                .optOut(PodOptOut.unsafeSysctls("msgmax"))),
        deployment -> {
          V1SecurityContext security = container(deployment, "legacy").getSecurityContext();
          security.procMount("Unmasked");
          security.getCapabilities().drop(null);
          deployment.getSpec().getTemplate().getSpec().getSecurityContext().runAsUser(0L);
        });
    assertThat(Policies.restricted().check(d)).extracting(f -> f.ruleId() + " " + f.path()).containsExactly(
        "capabilities_restricted " + LEGACY + ".securityContext.capabilities.drop",
        "procMount " + LEGACY + ".securityContext.procMount",
        "runAsUser spec.template.spec.securityContext.runAsUser");
  }
}
