package dev.mizzen.testkit.policy;

import static dev.mizzen.testkit.policy.TestPods.baselineSpec;
import static dev.mizzen.testkit.policy.TestPods.restrictedContainer;
import static dev.mizzen.testkit.policy.TestPods.restrictedSpec;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1CSIVolumeSource;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeSource;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1EphemeralVolumeSource;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1NFSVolumeSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimTemplate;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodOS;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1SELinuxOptions;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1ServiceAccountTokenProjection;
import io.kubernetes.client.openapi.models.V1Sysctl;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1WindowsSecurityContextOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pods for checking the testkit's Pod Security verdicts against the API server: clean ones and
 * ones violating one or several checks, every check at least once, in containers, init
 * containers and ephemeral containers. Every pod is valid (the API server would not answer 422).
 */
final class PodSecurityCorpus {

  /** One pod, or one ephemeral container to add to a running clean pod ({@link #ephemeral} non-null). */
  static final class Case {
    final String name;
    final V1Pod pod;
    final V1EphemeralContainer ephemeral;

    Case(String name, V1Pod pod, V1EphemeralContainer ephemeral) {
      this.name = name;
      this.pod = pod;
      this.ephemeral = ephemeral;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final List<Case> cases = new ArrayList<>();

  private PodSecurityCorpus() {}

  /** The pod the ephemeral cases are added to: restricted-clean. */
  static V1Pod ephemeralTarget() {
    return pod("ephemeral-target", restrictedSpec());
  }

  static List<Case> cases() {
    PodSecurityCorpus corpus = new PodSecurityCorpus();
    corpus.addPods();
    corpus.addEphemeral();
    return corpus.cases;
  }

  private static V1Pod pod(String name, V1PodSpec spec) {
    V1Pod pod = TestPods.pod(name, spec);
    pod.getMetadata().namespace(null);
    return pod;
  }

  private static V1SecurityContext app(V1PodSpec spec) {
    V1Container app = spec.getContainers().get(0);
    if (app.getSecurityContext() == null) {
      app.setSecurityContext(new V1SecurityContext());
    }
    return app.getSecurityContext();
  }

  private static V1PodSecurityContext podSecurity(V1PodSpec spec) {
    if (spec.getSecurityContext() == null) {
      spec.setSecurityContext(new V1PodSecurityContext());
    }
    return spec.getSecurityContext();
  }

  private void restricted(String name, Consumer<V1PodSpec> change) {
    V1PodSpec spec = restrictedSpec();
    change.accept(spec);
    cases.add(new Case(name, pod(name, spec), null));
  }

  private void bare(String name, Consumer<V1PodSpec> change) {
    V1PodSpec spec = baselineSpec();
    change.accept(spec);
    cases.add(new Case(name, pod(name, spec), null));
  }

  private void addPods() {
    restricted("clean-restricted", spec -> {});
    bare("clean-baseline", spec -> {});
    restricted("privileged", spec -> app(spec).allowPrivilegeEscalation(null).privileged(true));
    restricted("privileged-init", spec -> spec.addInitContainersItem(new V1Container().name("init").image("busybox:1.36")
        .securityContext(new V1SecurityContext().privileged(true).capabilities(new V1Capabilities().addDropItem("ALL")))));
    restricted("privileged-false", spec -> app(spec).privileged(false));
    restricted("host-network", spec -> spec.hostNetwork(true));
    restricted("host-network-with-port", spec -> {
      spec.hostNetwork(true);
      spec.getContainers().get(0).addPortsItem(new V1ContainerPort().containerPort(8080));
    });
    restricted("host-pid", spec -> spec.hostPID(true));
    restricted("host-ipc", spec -> spec.hostIPC(true));
    restricted("host-path-volume", spec -> spec.addVolumesItem(new V1Volume().name("host")
        .hostPath(new V1HostPathVolumeSource().path("/var/log"))));
    restricted("nfs-volume", spec -> spec.addVolumesItem(new V1Volume().name("share")
        .nfs(new V1NFSVolumeSource().server("nfs.example.com").path("/exports"))));
    restricted("volume-no-source", spec -> spec.addVolumesItem(new V1Volume().name("scratch")));
    restricted("safe-volumes", spec -> spec
        .addVolumesItem(new V1Volume().name("tmp").emptyDir(new V1EmptyDirVolumeSource()))
        .addVolumesItem(new V1Volume().name("cfg").configMap(new V1ConfigMapVolumeSource().name("cfg")))
        .addVolumesItem(new V1Volume().name("sec").secret(new V1SecretVolumeSource().secretName("sec")))
        .addVolumesItem(new V1Volume().name("pvc").persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource().claimName("data")))
        .addVolumesItem(new V1Volume().name("csi").csi(new V1CSIVolumeSource().driver("inline.storage.example.com")))
        .addVolumesItem(new V1Volume().name("downward").downwardAPI(new V1DownwardAPIVolumeSource()
            .addItemsItem(new V1DownwardAPIVolumeFile().path("labels").fieldRef(new V1ObjectFieldSelector().fieldPath("metadata.labels")))))
        .addVolumesItem(new V1Volume().name("token").projected(new V1ProjectedVolumeSource()
            .addSourcesItem(new V1VolumeProjection().serviceAccountToken(new V1ServiceAccountTokenProjection().path("token")))))
        .addVolumesItem(new V1Volume().name("scratch").ephemeral(new V1EphemeralVolumeSource()
            .volumeClaimTemplate(new V1PersistentVolumeClaimTemplate().spec(new V1PersistentVolumeClaimSpec()
                .accessModes(List.of("ReadWriteOnce"))
                .resources(new V1VolumeResourceRequirements().putRequestsItem("storage", Quantity.fromString("1Gi"))))))));
    restricted("host-port", spec -> spec.getContainers().get(0).addPortsItem(new V1ContainerPort().containerPort(8080).hostPort(8080)));
    restricted("host-port-init", spec -> spec.addInitContainersItem(restrictedContainer("init")
        .addPortsItem(new V1ContainerPort().containerPort(9000).hostPort(9000))));
    restricted("caps-net-admin", spec -> app(spec).getCapabilities().addAddItem("NET_ADMIN"));
    restricted("caps-chown", spec -> app(spec).getCapabilities().addAddItem("CHOWN"));
    restricted("caps-net-bind-service", spec -> app(spec).getCapabilities().addAddItem("NET_BIND_SERVICE"));
    restricted("caps-drop-net-raw-only", spec -> app(spec).capabilities(new V1Capabilities().addDropItem("NET_RAW")));
    restricted("apparmor-pod-unconfined", spec -> podSecurity(spec).appArmorProfile(new V1AppArmorProfile().type("Unconfined")));
    restricted("apparmor-container-localhost", spec -> app(spec).appArmorProfile(new V1AppArmorProfile().type("Localhost")
        .localhostProfile("k8s-apparmor-example-deny-write")));
    restricted("apparmor-runtime-default", spec -> podSecurity(spec).appArmorProfile(new V1AppArmorProfile().type("RuntimeDefault")));
    restricted("apparmor-init-unconfined", spec -> spec.addInitContainersItem(restrictedContainer("init")
        .securityContext(restrictedContainer("x").getSecurityContext().appArmorProfile(new V1AppArmorProfile().type("Unconfined")))));
    cases.add(annotated("apparmor-annotation-unconfined", "unconfined"));
    cases.add(annotated("apparmor-annotation-runtime-default", "runtime/default"));
    restricted("selinux-type-spc", spec -> app(spec).seLinuxOptions(new V1SELinuxOptions().type("spc_t")));
    restricted("selinux-container-engine", spec -> app(spec).seLinuxOptions(new V1SELinuxOptions().type("container_engine_t")));
    restricted("selinux-pod-user", spec -> podSecurity(spec).seLinuxOptions(new V1SELinuxOptions().user("system_u")));
    restricted("selinux-role", spec -> app(spec).seLinuxOptions(new V1SELinuxOptions().role("system_r")));
    restricted("selinux-level-only", spec -> app(spec).seLinuxOptions(new V1SELinuxOptions().level("s0:c123,c456")));
    restricted("procmount-unmasked", spec -> {
      spec.hostUsers(false);
      app(spec).procMount("Unmasked");
    });
    restricted("procmount-default", spec -> app(spec).procMount("Default"));
    restricted("seccomp-pod-unconfined", spec -> podSecurity(spec).seccompProfile(new V1SeccompProfile().type("Unconfined")));
    restricted("seccomp-container-unconfined", spec -> app(spec).seccompProfile(new V1SeccompProfile().type("Unconfined")));
    restricted("seccomp-container-localhost", spec -> {
      podSecurity(spec).seccompProfile(null);
      app(spec).seccompProfile(new V1SeccompProfile().type("Localhost").localhostProfile("profiles/audit.json"));
    });
    restricted("seccomp-missing-on-init", spec -> {
      podSecurity(spec).seccompProfile(null);
      app(spec).seccompProfile(new V1SeccompProfile().type("RuntimeDefault"));
      spec.addInitContainersItem(restrictedContainer("init"));
    });
    restricted("sysctls-safe", spec -> podSecurity(spec)
        .addSysctlsItem(new V1Sysctl().name("kernel.shm_rmid_forced").value("1"))
        .addSysctlsItem(new V1Sysctl().name("net.ipv4.tcp_rmem").value("4096 87380 6291456"))
        .addSysctlsItem(new V1Sysctl().name("net.ipv4.ip_local_reserved_ports").value("30000")));
    restricted("sysctls-kernel-msgmax", spec -> podSecurity(spec).addSysctlsItem(new V1Sysctl().name("kernel.msgmax").value("65536")));
    restricted("sysctls-somaxconn", spec -> podSecurity(spec).addSysctlsItem(new V1Sysctl().name("net.core.somaxconn").value("1024")));
    cases.add(windows("windows-host-process", true));
    cases.add(windows("windows-restricted", false));
    restricted("ape-true", spec -> app(spec).allowPrivilegeEscalation(true));
    restricted("ape-unset", spec -> app(spec).allowPrivilegeEscalation(null));
    restricted("run-as-non-root-false-pod", spec -> podSecurity(spec).runAsNonRoot(false));
    restricted("run-as-non-root-false-container", spec -> app(spec).runAsNonRoot(false));
    restricted("run-as-non-root-per-container", spec -> {
      podSecurity(spec).runAsNonRoot(null);
      app(spec).runAsNonRoot(true);
    });
    restricted("run-as-non-root-missing", spec -> podSecurity(spec).runAsNonRoot(null));
    restricted("run-as-user-zero-pod", spec -> podSecurity(spec).runAsUser(0L));
    restricted("run-as-user-zero-container", spec -> app(spec).runAsUser(0L));
    restricted("run-as-user-nonzero", spec -> podSecurity(spec).runAsUser(1000L).runAsGroup(1000L));
    restricted("init-missing-drop-all", spec -> spec.addInitContainersItem(new V1Container().name("init").image("busybox:1.36")
        .securityContext(new V1SecurityContext().allowPrivilegeEscalation(false))));
    restricted("sidecar-restricted", spec -> spec.addInitContainersItem(restrictedContainer("proxy").restartPolicy("Always")));
    bare("many-violations", spec -> {
      spec.hostPID(true).hostIPC(true);
      app(spec).privileged(true).capabilities(new V1Capabilities().addAddItem("NET_ADMIN").addAddItem("SYS_TIME"))
          .seccompProfile(new V1SeccompProfile().type("Unconfined")).runAsUser(0L);
      spec.addVolumesItem(new V1Volume().name("root").hostPath(new V1HostPathVolumeSource().path("/")));
      podSecurity(spec).addSysctlsItem(new V1Sysctl().name("net.core.somaxconn").value("1024"));
    });
  }

  private static Case annotated(String name, String profile) {
    V1Pod pod = pod(name, restrictedSpec());
    pod.getMetadata().putAnnotationsItem("container.apparmor.security.beta.kubernetes.io/app", profile);
    return new Case(name, pod, null);
  }

  private static Case windows(String name, boolean hostProcess) {
    V1PodSpec spec = new V1PodSpec().os(new V1PodOS().name("windows"))
        .addContainersItem(new V1Container().name("app").image("mcr.microsoft.com/windows/nanoserver:ltsc2022"));
    if (hostProcess) {
      spec.hostNetwork(true).securityContext(new V1PodSecurityContext()
          .windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true).runAsUserName("NT AUTHORITY\\SYSTEM")));
    } else {
      spec.securityContext(new V1PodSecurityContext().runAsNonRoot(true));
    }
    return new Case(name, pod(name, spec), null);
  }

  private void ephemeral(String name, V1SecurityContext security) {
    cases.add(new Case(name, ephemeralTarget(), new V1EphemeralContainer().name(name).image("busybox:1.36")
        .securityContext(security)));
  }

  private void addEphemeral() {
    ephemeral("ephemeral-clean", restrictedContainer("x").getSecurityContext());
    ephemeral("ephemeral-bare", null);
    ephemeral("ephemeral-privileged", new V1SecurityContext().privileged(true));
    ephemeral("ephemeral-root", restrictedContainer("x").getSecurityContext().runAsUser(0L));
    ephemeral("ephemeral-net-raw", restrictedContainer("x").getSecurityContext()
        .capabilities(new V1Capabilities().addDropItem("ALL").addAddItem("NET_RAW")));
  }
}
