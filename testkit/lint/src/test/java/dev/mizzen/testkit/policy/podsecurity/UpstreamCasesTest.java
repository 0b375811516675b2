package dev.mizzen.testkit.policy.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import io.kubernetes.client.openapi.models.V1AWSElasticBlockStoreVolumeSource;
import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1AzureDiskVolumeSource;
import io.kubernetes.client.openapi.models.V1AzureFileVolumeSource;
import io.kubernetes.client.openapi.models.V1CSIVolumeSource;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1CephFSVolumeSource;
import io.kubernetes.client.openapi.models.V1CinderVolumeSource;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeSource;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EphemeralVolumeSource;
import io.kubernetes.client.openapi.models.V1FCVolumeSource;
import io.kubernetes.client.openapi.models.V1FlexVolumeSource;
import io.kubernetes.client.openapi.models.V1FlockerVolumeSource;
import io.kubernetes.client.openapi.models.V1GCEPersistentDiskVolumeSource;
import io.kubernetes.client.openapi.models.V1GitRepoVolumeSource;
import io.kubernetes.client.openapi.models.V1GlusterfsVolumeSource;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1ISCSIVolumeSource;
import io.kubernetes.client.openapi.models.V1ImageVolumeSource;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NFSVolumeSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1PhotonPersistentDiskVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodOS;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1PortworxVolumeSource;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1QuobyteVolumeSource;
import io.kubernetes.client.openapi.models.V1RBDVolumeSource;
import io.kubernetes.client.openapi.models.V1SELinuxOptions;
import io.kubernetes.client.openapi.models.V1ScaleIOVolumeSource;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1StorageOSVolumeSource;
import io.kubernetes.client.openapi.models.V1Sysctl;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VsphereVirtualDiskVolumeSource;
import io.kubernetes.client.openapi.models.V1WindowsSecurityContextOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's own test cases of every PodSecurity check, rebuilt as client-java pods and run
 * through the rules at Kubernetes 1.33 (the {@code latest} version of each check), one
 * parameterized test per check. The cases come from {@code k8s.io/pod-security-admission} v0.33:
 *
 * <ul>
 *   <li><b>fixtures</b> ({@code test/fixtures*.go}): upstream's minimal valid pod of a level,
 *       changed one way; upstream creates each against a real API server, as a Pod and as a
 *       Deployment, at every level the check belongs to (a baseline check at baseline and at
 *       restricted), and expects it admitted (pass) or rejected by the check (fail). Here the
 *       whole policy of the level must report exactly the expected checks, for the Pod and for
 *       the same pod as a Deployment's template.
 *   <li><b>table cases</b> ({@code policy/check_*_test.go}): a pod given to one check function,
 *       which must allow it or name its offenders ({@code pod}, containers, volumes, annotations,
 *       sysctls). Here the rule's findings must name the same offenders, or none.
 * </ul>
 *
 * <p>Where the rules knowingly go beyond the check function alone (what the API server does
 * before admission), the case says so.
 */
class UpstreamCasesTest {
  private static final String BASELINE = "baseline";
  private static final String RESTRICTED = "restricted";
  /** The restricted checks that replace a baseline one in a restricted namespace. */
  private static final Map<String, String> REPLACED_AT_RESTRICTED = Map.of(
      "capabilities_baseline", "capabilities_restricted",
      "hostPathVolumes", "restrictedVolumes",
      "seccompProfile_baseline", "seccompProfile_restricted");

  /** One case: a pod, the level it is checked at, and what upstream expects. */
  static final class Case {
    final String level;
    final String name;
    final V1Pod pod;
    /** Fixture: the checks that fail at the level (empty: admitted). Null for a table case. */
    final Set<String> failing;
    /** Table case: the check, and the offenders it names (empty: allowed). */
    final String check;
    final Set<String> offenders;

    private Case(String level, String name, V1Pod pod, Set<String> failing, String check, Set<String> offenders) {
      this.level = level;
      this.name = name;
      this.pod = pod;
      this.failing = failing;
      this.check = check;
      this.offenders = offenders;
    }

    void verify() {
      if (check == null) {
        assertThat(ruleIds(Policies.named(level).check(pod))).as("%s: the Pod", this).isEqualTo(failing);
        assertThat(ruleIds(Policies.named(level).check(asDeployment(pod)))).as("%s: as a Deployment's template", this)
            .isEqualTo(failing);
      } else {
        List<Finding> findings = Policies.named(level).check(pod).stream()
            .filter(f -> f.ruleId().equals(check)).collect(Collectors.toList());
        Set<String> named = findings.stream().map(UpstreamCasesTest::offender).collect(Collectors.toCollection(TreeSet::new));
        assertThat(named).as("%s: offenders named by %s in %s", this, check, findings).isEqualTo(offenders);
      }
    }

    @Override
    public String toString() {
      return (check == null ? "fixture " : "table ") + level + ": " + name;
    }
  }

  // ---- upstream's minimal valid pods (test/fixtures.go) ----

  /** Upstream's minimal valid pod of {@code level} at the latest version. */
  static V1Pod minimalPod(String level) {
    V1PodSpec spec = new V1PodSpec()
        .addInitContainersItem(new V1Container().name("initcontainer1").image("registry.k8s.io/pause"))
        .addContainersItem(new V1Container().name("container1").image("registry.k8s.io/pause"));
    if (level.equals(RESTRICTED)) {
      spec.securityContext(new V1PodSecurityContext().runAsNonRoot(true).seccompProfile(new V1SeccompProfile().type("RuntimeDefault")));
      for (V1Container c : List.of(spec.getInitContainers().get(0), spec.getContainers().get(0))) {
        c.securityContext(new V1SecurityContext().allowPrivilegeEscalation(false).capabilities(new V1Capabilities().addDropItem("ALL")));
      }
    }
    return new V1Pod().apiVersion("v1").kind("Pod").metadata(new V1ObjectMeta().name("test").namespace("ns")).spec(spec);
  }

  private static V1Container container(V1Pod p) {
    return p.getSpec().getContainers().get(0);
  }

  private static V1Container init(V1Pod p) {
    return p.getSpec().getInitContainers().get(0);
  }

  /** The container's security context, created if unset (upstream's ensureSecurityContext). */
  private static V1SecurityContext sc(V1Container c) {
    if (c.getSecurityContext() == null) {
      c.setSecurityContext(new V1SecurityContext());
    }
    return c.getSecurityContext();
  }

  private static V1PodSecurityContext podSc(V1Pod p) {
    if (p.getSpec().getSecurityContext() == null) {
      p.getSpec().setSecurityContext(new V1PodSecurityContext());
    }
    return p.getSpec().getSecurityContext();
  }

  /** The container's capabilities, created if unset (upstream's ensureCapabilities). */
  private static V1Capabilities caps(V1Container c) {
    if (sc(c).getCapabilities() == null) {
      sc(c).setCapabilities(new V1Capabilities());
    }
    return sc(c).getCapabilities();
  }

  private static V1SELinuxOptions seLinux(V1Container c) {
    if (sc(c).getSeLinuxOptions() == null) {
      sc(c).setSeLinuxOptions(new V1SELinuxOptions());
    }
    return sc(c).getSeLinuxOptions();
  }

  private static V1SELinuxOptions seLinux(V1Pod p) {
    if (podSc(p).getSeLinuxOptions() == null) {
      podSc(p).setSeLinuxOptions(new V1SELinuxOptions());
    }
    return podSc(p).getSeLinuxOptions();
  }

  private static V1Pod annotate(V1Pod p, String key, String value) {
    p.getMetadata().putAnnotationsItem(key, value);
    return p;
  }

  // ---- case builders ----

  /** A fixture at {@code level}: its minimal pod, changed by {@code change}, is admitted. */
  private static Case pass(String level, String name, Consumer<V1Pod> change) {
    V1Pod pod = minimalPod(level);
    change.accept(pod);
    return new Case(level, name, pod, Set.of(), null, null);
  }

  /**
   * A fixture at {@code level}: its minimal pod, changed by {@code change}, fails exactly
   * {@code checks} (a replaced baseline check is named as its restricted replacement).
   */
  private static Case fail(String level, String name, Consumer<V1Pod> change, String... checks) {
    V1Pod pod = minimalPod(level);
    change.accept(pod);
    Set<String> failing = new TreeSet<>();
    for (String check : checks) {
      failing.add(level.equals(RESTRICTED) ? REPLACED_AT_RESTRICTED.getOrDefault(check, check) : check);
    }
    return new Case(level, name, pod, failing, null, null);
  }

  /** A fixture of a baseline check: upstream runs it at baseline and at restricted. */
  private static Stream<Case> passBoth(String name, Consumer<V1Pod> change) {
    return Stream.of(pass(BASELINE, name, change), pass(RESTRICTED, name, change));
  }

  private static Stream<Case> failBoth(String name, Consumer<V1Pod> change, String... checks) {
    return Stream.of(fail(BASELINE, name, change, checks), fail(RESTRICTED, name, change, checks));
  }

  /** A table case: the pod with {@code spec}, given to {@code check}, names {@code offenders} (none: allowed). */
  private static Case table(String check, String name, V1PodSpec spec, String... offenders) {
    return table(check, name, new V1ObjectMeta(), spec, offenders);
  }

  private static Case table(String check, String name, V1ObjectMeta metadata, V1PodSpec spec, String... offenders) {
    String level = REPLACED_AT_RESTRICTED.containsValue(check) || RESTRICTED_ONLY.contains(check) ? RESTRICTED : BASELINE;
    V1Pod pod = new V1Pod().apiVersion("v1").kind("Pod").metadata(metadata.name("test").namespace("ns")).spec(spec);
    return new Case(level, name, pod, null, check, new TreeSet<>(Arrays.asList(offenders)));
  }

  private static final Set<String> RESTRICTED_ONLY = Set.of("allowPrivilegeEscalation", "capabilities_restricted",
      "restrictedVolumes", "runAsNonRoot", "runAsUser", "seccompProfile_restricted");

  private static V1PodSpec spec(V1Container... containers) {
    V1PodSpec spec = new V1PodSpec();
    for (V1Container c : containers) {
      spec.addContainersItem(c);
    }
    return spec;
  }

  private static V1Container ctr(String name) {
    return new V1Container().name(name);
  }

  private static V1Container ctr(String name, V1SecurityContext security) {
    return new V1Container().name(name).securityContext(security);
  }

  private static V1SecurityContext secCtx() {
    return new V1SecurityContext();
  }

  @SafeVarargs
  private static Stream<Case> cases(Stream<Case>... streams) {
    return Stream.of(streams).flatMap(s -> s);
  }

  // ---- the minimal pods themselves ----

  static Stream<Case> minimalPods() {
    return Stream.of(
        pass(BASELINE, "base", p -> {}),
        pass(RESTRICTED, "base", p -> {}),
        pass(RESTRICTED, "base_linux", p -> p.getSpec().os(new V1PodOS().name("linux"))),
        // restricted 1.0 (runAsNonRoot only) as a Windows pod: 1.25+ exempts it from the rest
        pass(RESTRICTED, "base_windows", p -> {
          p.getSpec().os(new V1PodOS().name("windows"));
          container(p).securityContext(null);
          init(p).securityContext(null);
          podSc(p).seccompProfile(null);
        }),
        new Case(RESTRICTED, "baseline's base", minimalPod(BASELINE), Set.of("allowPrivilegeEscalation",
            "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted"), null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void minimalPods(Case c) {
    c.verify();
  }

  // ---- one parameterized test per check ----

  static Stream<Case> allowPrivilegeEscalation() {
    return Stream.of(
        fail(RESTRICTED, "container allowPrivilegeEscalation=true", p -> sc(container(p)).allowPrivilegeEscalation(true),
            "allowPrivilegeEscalation"),
        fail(RESTRICTED, "initContainer allowPrivilegeEscalation=true", p -> sc(init(p)).allowPrivilegeEscalation(true),
            "allowPrivilegeEscalation"),
        fail(RESTRICTED, "container allowPrivilegeEscalation unset", p -> sc(container(p)).allowPrivilegeEscalation(null),
            "allowPrivilegeEscalation"),
        fail(RESTRICTED, "container without securityContext", p -> container(p).securityContext(null),
            "allowPrivilegeEscalation", "capabilities_restricted"),
        table("allowPrivilegeEscalation", "multiple containers", spec(ctr("a"), ctr("b", secCtx()),
            ctr("c", secCtx().allowPrivilegeEscalation(true)), ctr("d", secCtx().allowPrivilegeEscalation(false))),
            "a", "b", "c"),
        table("allowPrivilegeEscalation", "windows pod, admit without checking privilegeEscalation",
            spec(ctr("a")).os(new V1PodOS().name("windows"))),
        table("allowPrivilegeEscalation", "linux pod, reject if security context is not set",
            spec(ctr("a")).os(new V1PodOS().name("linux")), "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void allowPrivilegeEscalation(Case c) {
    c.verify();
  }

  private static final String APPARMOR = "container.apparmor.security.beta.kubernetes.io/";

  static Stream<Case> appArmorProfile() {
    return cases(
        passBoth("annotations runtime/default and localhost/foo", p -> {
          annotate(p, APPARMOR + "container1", "runtime/default");
          annotate(p, APPARMOR + "initcontainer1", "localhost/foo");
        }),
        failBoth("container annotation unconfined", p -> annotate(p, APPARMOR + "container1", "unconfined"), "appArmorProfile"),
        failBoth("initContainer annotation unconfined", p -> annotate(p, APPARMOR + "initcontainer1", "unconfined"),
            "appArmorProfile"),
        Stream.of(
            table("appArmorProfile", "container with default AppArmor + extra annotations",
                new V1ObjectMeta().annotations(Map.of(APPARMOR + "test", "runtime/default", "env", "prod")), spec()),
            table("appArmorProfile", "container with local AppArmor + extra annotations",
                new V1ObjectMeta().annotations(Map.of(APPARMOR + "test", "localhost/sec-profile01", "env", "dev")), spec()),
            table("appArmorProfile", "container with no AppArmor annotations",
                new V1ObjectMeta().annotations(Map.of("env", "dev")), spec()),
            table("appArmorProfile", "container with no annotations", spec()),
            table("appArmorProfile", "pod with runtime default",
                spec().securityContext(new V1PodSecurityContext().appArmorProfile(new V1AppArmorProfile().type("RuntimeDefault")))),
            table("appArmorProfile", "container with runtime default profile",
                spec(ctr("foo", secCtx().appArmorProfile(new V1AppArmorProfile().type("RuntimeDefault"))))),
            table("appArmorProfile", "container with localhost profile", spec(ctr("foo",
                secCtx().appArmorProfile(new V1AppArmorProfile().type("Localhost").localhostProfile("p"))))),
            table("appArmorProfile", "unconfined pod",
                spec().securityContext(new V1PodSecurityContext().appArmorProfile(new V1AppArmorProfile().type("Unconfined"))),
                "pod"),
            table("appArmorProfile", "unconfined container",
                spec(ctr("foo", secCtx().appArmorProfile(new V1AppArmorProfile().type("Unconfined"))))
                    .securityContext(new V1PodSecurityContext().appArmorProfile(new V1AppArmorProfile().type("RuntimeDefault"))),
                "foo"),
            table("appArmorProfile", "unconfined init container",
                spec(ctr("foo")).addInitContainersItem(ctr("bar", secCtx().appArmorProfile(new V1AppArmorProfile().type("Unconfined"))))
                    .securityContext(new V1PodSecurityContext().appArmorProfile(new V1AppArmorProfile().type("RuntimeDefault"))),
                "bar"),
            table("appArmorProfile", "profile without type", spec(ctr("foo", secCtx().appArmorProfile(new V1AppArmorProfile()))),
                "foo"),
            table("appArmorProfile", "multiple annotations", new V1ObjectMeta().annotations(Map.of(
                APPARMOR, "bogus", APPARMOR + "a", "", APPARMOR + "b", "runtime/default", APPARMOR + "c", "localhost/",
                APPARMOR + "d", "localhost/foo", APPARMOR + "e", "unconfined", APPARMOR + "f", "unknown")), spec(),
                APPARMOR, APPARMOR + "e", APPARMOR + "f")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void appArmorProfile(Case c) {
    c.verify();
  }

  private static final List<String> DEFAULT_CAPABILITIES = List.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
      "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  static Stream<Case> capabilitiesBaseline() {
    return cases(
        // upstream's pass fixture only applies where the pod does not drop ALL: at baseline
        Stream.of(pass(BASELINE, "adds the default set", p -> {
          caps(container(p)).add(new ArrayList<>(DEFAULT_CAPABILITIES));
          caps(init(p)).add(new ArrayList<>(DEFAULT_CAPABILITIES));
        })),
        failBoth("container adds NET_RAW", p -> caps(container(p)).addAddItem("NET_RAW"), "capabilities_baseline"),
        failBoth("initContainer adds NET_RAW", p -> caps(init(p)).addAddItem("NET_RAW"), "capabilities_baseline"),
        failBoth("container adds chown (lower case)", p -> caps(container(p)).addAddItem("chown"), "capabilities_baseline"),
        failBoth("container adds CAP_CHOWN (prefixed)", p -> caps(container(p)).addAddItem("CAP_CHOWN"), "capabilities_baseline"),
        Stream.of(table("capabilities_baseline", "multiple containers",
            spec(ctr("a", secCtx().capabilities(new V1Capabilities().add(List.of("FOO", "BAR")))),
                ctr("b", secCtx().capabilities(new V1Capabilities().add(List.of("BAR", "BAZ"))))),
            "a", "b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void capabilitiesBaseline(Case c) {
    c.verify();
  }

  static Stream<Case> capabilitiesRestricted() {
    List<String> allButAll = List.of("SYS_TIME", "SYS_MODULE", "SYS_RAWIO", "SYS_PACCT", "SYS_ADMIN", "SYS_NICE",
        "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "AUDIT_WRITE", "AUDIT_CONTROL", "MAC_OVERRIDE",
        "MAC_ADMIN", "NET_ADMIN", "SYSLOG", "CHOWN", "NET_RAW", "DAC_OVERRIDE", "FOWNER", "DAC_READ_SEARCH", "FSETID",
        "KILL", "SETGID", "SETUID", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "IPC_LOCK", "IPC_OWNER",
        "SYS_CHROOT", "SYS_PTRACE", "SYS_BOOT", "LEASE", "SETFCAP", "WAKE_ALARM", "BLOCK_SUSPEND");
    return Stream.of(
        pass(RESTRICTED, "drops ALL, adds NET_BIND_SERVICE", p -> {
          caps(container(p)).drop(List.of("ALL")).add(List.of("NET_BIND_SERVICE"));
          caps(init(p)).drop(List.of("ALL")).add(List.of("NET_BIND_SERVICE"));
        }),
        fail(RESTRICTED, "container drops nothing", p -> caps(container(p)).drop(new ArrayList<>()), "capabilities_restricted"),
        fail(RESTRICTED, "initContainer drops nothing", p -> caps(init(p)).drop(new ArrayList<>()), "capabilities_restricted"),
        fail(RESTRICTED, "drops every capability by name but not ALL", p -> {
          caps(container(p)).drop(new ArrayList<>(allButAll));
          caps(init(p)).drop(new ArrayList<>(allButAll));
        }, "capabilities_restricted"),
        fail(RESTRICTED, "drops ALL, adds the baseline default set", p -> {
          caps(container(p)).add(new ArrayList<>(DEFAULT_CAPABILITIES));
          caps(init(p)).add(new ArrayList<>(DEFAULT_CAPABILITIES));
        }, "capabilities_restricted"),
        table("capabilities_restricted", "multiple containers",
            spec(ctr("a", secCtx().capabilities(new V1Capabilities().add(List.of("FOO", "BAR")))),
                ctr("b", secCtx().capabilities(new V1Capabilities().add(List.of("BAR", "BAZ")))),
                ctr("c", secCtx().capabilities(new V1Capabilities().add(List.of("NET_BIND_SERVICE", "CHOWN"))
                    .drop(List.of("ALL", "FOO"))))),
            "a", "b", "c"),
        table("capabilities_restricted", "windows pod, admit without checking capabilities",
            spec(ctr("a")).os(new V1PodOS().name("windows"))),
        table("capabilities_restricted", "linux pod, reject if security context is not set",
            spec(ctr("a")).os(new V1PodOS().name("linux")), "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void capabilitiesRestricted(Case c) {
    c.verify();
  }

  static Stream<Case> hostNamespaces() {
    return cases(
        failBoth("hostIPC", p -> p.getSpec().hostIPC(true), "hostNamespaces"),
        failBoth("hostNetwork", p -> p.getSpec().hostNetwork(true), "hostNamespaces"),
        failBoth("hostPID", p -> p.getSpec().hostPID(true), "hostNamespaces"),
        Stream.of(
            table("hostNamespaces", "multiple host namespaces", spec().hostNetwork(true).hostIPC(true).hostPID(true),
                "hostNetwork", "hostPID", "hostIPC"),
            table("hostNamespaces", "explicitly false", spec().hostNetwork(false).hostIPC(false).hostPID(false))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void hostNamespaces(Case c) {
    c.verify();
  }

  static Stream<Case> hostPathVolumes() {
    return cases(
        failBoth("an emptyDir and a hostPath volume", p -> p.getSpec()
            .addVolumesItem(new V1Volume().name("volume-emptydir").emptyDir(new V1EmptyDirVolumeSource()))
            .addVolumesItem(new V1Volume().name("volume-hostpath").hostPath(new V1HostPathVolumeSource().path("/a"))),
            "hostPathVolumes"),
        failBoth("two hostPath volumes", p -> p.getSpec()
            .addVolumesItem(new V1Volume().name("volume-hostpath-a").hostPath(new V1HostPathVolumeSource().path("/a")))
            .addVolumesItem(new V1Volume().name("volume-hostpath-b").hostPath(new V1HostPathVolumeSource().path("/b"))),
            "hostPathVolumes"),
        Stream.of(table("hostPathVolumes", "host path volumes", spec()
            .addVolumesItem(new V1Volume().name("a").hostPath(new V1HostPathVolumeSource()))
            .addVolumesItem(new V1Volume().name("b").hostPath(new V1HostPathVolumeSource()))
            .addVolumesItem(new V1Volume().name("c").emptyDir(new V1EmptyDirVolumeSource())), "a", "b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void hostPathVolumes(Case c) {
    c.verify();
  }

  static Stream<Case> hostPorts() {
    return cases(
        passBoth("container ports without hostPort", p -> {
          container(p).addPortsItem(new V1ContainerPort().containerPort(12345));
          init(p).addPortsItem(new V1ContainerPort().containerPort(12346));
        }),
        failBoth("container hostPort", p -> container(p).addPortsItem(new V1ContainerPort().containerPort(12345).hostPort(12345)),
            "hostPorts"),
        failBoth("initContainer hostPort", p -> init(p).addPortsItem(new V1ContainerPort().containerPort(12346).hostPort(12346)),
            "hostPorts"),
        failBoth("hostPorts among other ports", p -> {
          container(p).addPortsItem(new V1ContainerPort().containerPort(12345).hostPort(12345))
              .addPortsItem(new V1ContainerPort().containerPort(12347));
          init(p).addPortsItem(new V1ContainerPort().containerPort(12346).hostPort(12346))
              .addPortsItem(new V1ContainerPort().containerPort(12348));
        }, "hostPorts"),
        Stream.of(
            table("hostPorts", "one container, one host port", spec(
                ctr("a").addPortsItem(new V1ContainerPort().hostPort(0)),
                ctr("b").addPortsItem(new V1ContainerPort().hostPort(0)).addPortsItem(new V1ContainerPort().hostPort(20))), "b"),
            table("hostPorts", "multiple containers, multiple host ports", spec(
                ctr("a").addPortsItem(new V1ContainerPort().hostPort(0)),
                ctr("b").addPortsItem(new V1ContainerPort().hostPort(0)).addPortsItem(new V1ContainerPort().hostPort(10))
                    .addPortsItem(new V1ContainerPort().hostPort(20)),
                ctr("c").addPortsItem(new V1ContainerPort().hostPort(0)).addPortsItem(new V1ContainerPort().hostPort(10))
                    .addPortsItem(new V1ContainerPort().hostPort(30))), "b", "c")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void hostPorts(Case c) {
    c.verify();
  }

  static Stream<Case> privileged() {
    return cases(
        passBoth("privileged=false", p -> {
          sc(container(p)).privileged(false);
          sc(init(p)).privileged(false);
        }),
        // allowPrivilegeEscalation may not be false in a privileged container: restricted also fails it
        Stream.of(
            fail(BASELINE, "container privileged", p -> sc(container(p)).privileged(true).allowPrivilegeEscalation(null),
                "privileged"),
            fail(RESTRICTED, "container privileged", p -> sc(container(p)).privileged(true).allowPrivilegeEscalation(null),
                "privileged", "allowPrivilegeEscalation"),
            fail(BASELINE, "initContainer privileged", p -> sc(init(p)).privileged(true).allowPrivilegeEscalation(null),
                "privileged"),
            fail(RESTRICTED, "initContainer privileged", p -> sc(init(p)).privileged(true).allowPrivilegeEscalation(null),
                "privileged", "allowPrivilegeEscalation"),
            table("privileged", "privileged", spec(ctr("a"), ctr("b", secCtx()), ctr("c", secCtx().privileged(false)),
                ctr("d", secCtx().privileged(true)), ctr("e", secCtx().privileged(true))), "d", "e")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void privileged(Case c) {
    c.verify();
  }

  static Stream<Case> procMount() {
    return cases(
        passBoth("procMount Default, hostUsers false", p -> {
          sc(container(p)).procMount("Default");
          sc(init(p)).procMount("Default");
          p.getSpec().hostUsers(false);
        }),
        failBoth("container procMount Unmasked, hostUsers false", p -> {
          sc(container(p)).procMount("Unmasked");
          p.getSpec().hostUsers(false);
        }, "procMount"),
        failBoth("initContainer procMount Unmasked, hostUsers false", p -> {
          sc(init(p)).procMount("Unmasked");
          p.getSpec().hostUsers(false);
        }, "procMount"),
        // upstream's relaxation for hostUsers: false needs the alpha gate UserNamespacesPodSecurityStandards, off in 1.33
        Stream.of(table("procMount", "procMount (no relaxation for user namespaces: alpha gate off)", spec(ctr("a"),
            ctr("b", secCtx()), ctr("c", secCtx().procMount("Default")), ctr("d", secCtx().procMount("Unmasked")),
            ctr("e", secCtx().procMount("other"))).hostUsers(false), "d", "e")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void procMount(Case c) {
    c.verify();
  }

  static Stream<Case> restrictedVolumes() {
    List<Case> cases = new ArrayList<>();
    cases.add(pass(RESTRICTED, "allowed volume types, and one without source (the API server makes it an emptyDir)",
        p -> p.getSpec()
            .addVolumesItem(new V1Volume().name("volume0"))
            .addVolumesItem(new V1Volume().name("volume1").emptyDir(new V1EmptyDirVolumeSource()))
            .addVolumesItem(new V1Volume().name("volume2").secret(new V1SecretVolumeSource().secretName("test")))
            .addVolumesItem(new V1Volume().name("volume3").persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource().claimName("test")))
            .addVolumesItem(new V1Volume().name("volume4").downwardAPI(new V1DownwardAPIVolumeSource().addItemsItem(
                new V1DownwardAPIVolumeFile().path("labels").fieldRef(new V1ObjectFieldSelector().fieldPath("metadata.labels")))))
            .addVolumesItem(new V1Volume().name("volume5").configMap(new V1ConfigMapVolumeSource().name("test")))
            .addVolumesItem(new V1Volume().name("volume6").projected(new V1ProjectedVolumeSource().sources(new ArrayList<>())))));
    Map<String, Consumer<V1Volume>> restricted = new HashMap<>();
    restricted.put("gcePersistentDisk", v -> v.gcePersistentDisk(new V1GCEPersistentDiskVolumeSource().pdName("test")));
    restricted.put("awsElasticBlockStore", v -> v.awsElasticBlockStore(new V1AWSElasticBlockStoreVolumeSource().volumeID("test")));
    restricted.put("gitRepo", v -> v.gitRepo(new V1GitRepoVolumeSource().repository("github.com/kubernetes/kubernetes")));
    restricted.put("nfs", v -> v.nfs(new V1NFSVolumeSource().server("test").path("/test")));
    restricted.put("iscsi", v -> v.iscsi(new V1ISCSIVolumeSource().targetPortal("test")
        .iqn("iqn.2001-04.com.example:storage.kube.sys1.xyz").lun(0)));
    restricted.put("glusterfs", v -> v.glusterfs(new V1GlusterfsVolumeSource().path("test").endpoints("test")));
    restricted.put("rbd", v -> v.rbd(new V1RBDVolumeSource().monitors(List.of("test")).image("test")));
    restricted.put("flexVolume", v -> v.flexVolume(new V1FlexVolumeSource().driver("test")));
    restricted.put("cinder", v -> v.cinder(new V1CinderVolumeSource().volumeID("test")));
    restricted.put("cephfs", v -> v.cephfs(new V1CephFSVolumeSource().monitors(List.of("test"))));
    restricted.put("flocker", v -> v.flocker(new V1FlockerVolumeSource().datasetName("test")));
    restricted.put("fc", v -> v.fc(new V1FCVolumeSource().wwids(List.of("test"))));
    restricted.put("azureFile", v -> v.azureFile(new V1AzureFileVolumeSource().secretName("test").shareName("test")));
    restricted.put("vsphereVolume", v -> v.vsphereVolume(new V1VsphereVirtualDiskVolumeSource().volumePath("test")));
    restricted.put("quobyte", v -> v.quobyte(new V1QuobyteVolumeSource().registry("localhost:1234").volume("test")));
    restricted.put("azureDisk", v -> v.azureDisk(new V1AzureDiskVolumeSource().diskName("test")
        .diskURI("https://test.blob.core.windows.net/test/test.vhd")));
    restricted.put("portworxVolume", v -> v.portworxVolume(new V1PortworxVolumeSource().volumeID("test").fsType("ext4")));
    restricted.put("scaleIO", v -> v.scaleIO(new V1ScaleIOVolumeSource().volumeName("test").gateway("localhost").system("test")));
    restricted.put("storageos", v -> v.storageos(new V1StorageOSVolumeSource().volumeName("test")));
    restricted.put("hostPath", v -> v.hostPath(new V1HostPathVolumeSource().path("/dev/null")));
    restricted.put("photonPersistentDisk", v -> v.photonPersistentDisk(new V1PhotonPersistentDiskVolumeSource().pdID("test")));
    new TreeSet<>(restricted.keySet()).forEach(type -> cases.add(fail(RESTRICTED, type + " volume", p -> {
      V1Volume volume = new V1Volume().name("volume1");
      restricted.get(type).accept(volume);
      p.getSpec().addVolumesItem(volume);
    }, "restrictedVolumes")));

    // check_restrictedVolumes_test.go: a1..a9 allowed, b1..b21 restricted, c1 without source. The check
    // function alone calls c1 "unknown"; admission never sees it so (the API server makes it an emptyDir).
    V1PodSpec spec = spec()
        .addVolumesItem(new V1Volume().name("a1").emptyDir(new V1EmptyDirVolumeSource()))
        .addVolumesItem(new V1Volume().name("a2").secret(new V1SecretVolumeSource()))
        .addVolumesItem(new V1Volume().name("a3").persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource()))
        .addVolumesItem(new V1Volume().name("a4").downwardAPI(new V1DownwardAPIVolumeSource()))
        .addVolumesItem(new V1Volume().name("a5").configMap(new V1ConfigMapVolumeSource()))
        .addVolumesItem(new V1Volume().name("a6").projected(new V1ProjectedVolumeSource()))
        .addVolumesItem(new V1Volume().name("a7").csi(new V1CSIVolumeSource()))
        .addVolumesItem(new V1Volume().name("a8").ephemeral(new V1EphemeralVolumeSource()))
        .addVolumesItem(new V1Volume().name("a9").image(new V1ImageVolumeSource()));
    List<String> types = List.of("hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi",
        "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte",
        "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos");
    List<String> offenders = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      V1Volume volume = new V1Volume().name("b" + (i + 1));
      restricted.get(types.get(i)).accept(volume);
      spec.addVolumesItem(volume);
      offenders.add(volume.getName());
    }
    spec.addVolumesItem(new V1Volume().name("c1"));
    cases.add(table("restrictedVolumes", "host path volumes", spec, offenders.toArray(new String[0])));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void restrictedVolumes(Case c) {
    c.verify();
  }

  static Stream<Case> runAsNonRoot() {
    V1PodSecurityContext podTrue = new V1PodSecurityContext().runAsNonRoot(true);
    return Stream.of(
        pass(RESTRICTED, "pod runAsNonRoot=true, containers unset", p -> {
          podSc(p).runAsNonRoot(true);
          sc(container(p)).runAsNonRoot(null);
          sc(init(p)).runAsNonRoot(null);
        }),
        pass(RESTRICTED, "pod unset, containers runAsNonRoot=true", p -> {
          podSc(p).runAsNonRoot(null);
          sc(container(p)).runAsNonRoot(true);
          sc(init(p)).runAsNonRoot(true);
        }),
        fail(RESTRICTED, "unset everywhere", p -> podSc(p).runAsNonRoot(null), "runAsNonRoot"),
        fail(RESTRICTED, "pod runAsNonRoot=false", p -> podSc(p).runAsNonRoot(false), "runAsNonRoot"),
        fail(RESTRICTED, "container runAsNonRoot=false", p -> sc(container(p)).runAsNonRoot(false), "runAsNonRoot"),
        fail(RESTRICTED, "initContainer runAsNonRoot=false", p -> sc(init(p)).runAsNonRoot(false), "runAsNonRoot"),
        table("runAsNonRoot", "no explicit runAsNonRoot", spec(ctr("a")), "a"),
        table("runAsNonRoot", "pod runAsNonRoot=false", spec(ctr("a"))
            .securityContext(new V1PodSecurityContext().runAsNonRoot(false)), "pod"),
        table("runAsNonRoot", "containers runAsNonRoot=false", spec(ctr("a"), ctr("b", secCtx()),
            ctr("c", secCtx().runAsNonRoot(false)), ctr("d", secCtx().runAsNonRoot(false)),
            ctr("e", secCtx().runAsNonRoot(true)), ctr("f", secCtx().runAsNonRoot(true))).securityContext(podTrue), "c", "d"),
        table("runAsNonRoot", "pod nil, container fallthrough", spec(ctr("a"), ctr("b", secCtx()),
            ctr("d", secCtx().runAsNonRoot(true)), ctr("e", secCtx().runAsNonRoot(true))), "a", "b"),
        // the user-namespace relaxation needs an alpha gate, off in 1.33: these hold without it
        table("runAsNonRoot", "hostUsers false, no containers", spec().hostUsers(false)),
        table("runAsNonRoot", "hostUsers true", spec(ctr("a")).hostUsers(true), "a"),
        table("runAsNonRoot", "hostUsers false does not relax", spec(ctr("a")).hostUsers(false), "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void runAsNonRoot(Case c) {
    c.verify();
  }

  static Stream<Case> runAsUser() {
    return Stream.of(
        pass(RESTRICTED, "runAsUser=1000 everywhere", p -> {
          podSc(p).runAsUser(1000L);
          sc(container(p)).runAsUser(1000L);
          sc(init(p)).runAsUser(1000L);
        }),
        fail(RESTRICTED, "pod runAsUser=0", p -> podSc(p).runAsUser(0L), "runAsUser"),
        fail(RESTRICTED, "container runAsUser=0", p -> sc(container(p)).runAsUser(0L), "runAsUser"),
        fail(RESTRICTED, "initContainer runAsUser=0", p -> sc(init(p)).runAsUser(0L), "runAsUser"),
        table("runAsUser", "pod runAsUser=0", spec(ctr("a")).securityContext(new V1PodSecurityContext().runAsUser(0L)), "pod"),
        table("runAsUser", "pod runAsUser=non-zero", spec(ctr("a")).securityContext(new V1PodSecurityContext().runAsUser(1000L))),
        table("runAsUser", "pod runAsUser=nil", spec(ctr("a")).securityContext(new V1PodSecurityContext())),
        table("runAsUser", "containers runAsUser=0", spec(ctr("a"), ctr("b", secCtx()), ctr("c", secCtx().runAsUser(0L)),
            ctr("d", secCtx().runAsUser(0L)), ctr("e", secCtx().runAsUser(1L)), ctr("f", secCtx().runAsUser(1L)))
            .securityContext(new V1PodSecurityContext().runAsUser(1000L)), "c", "d"),
        table("runAsUser", "containers runAsUser=non-zero", spec(ctr("c", secCtx().runAsUser(1L)),
            ctr("d", secCtx().runAsUser(2L)), ctr("e", secCtx().runAsUser(3L)), ctr("f", secCtx().runAsUser(4L)))),
        table("runAsUser", "hostUsers false, no containers", spec().hostUsers(false)),
        table("runAsUser", "hostUsers true", spec(ctr("a")).hostUsers(true)
            .securityContext(new V1PodSecurityContext().runAsUser(0L)), "pod"),
        table("runAsUser", "hostUsers false does not relax", spec(ctr("a")).hostUsers(false)
            .securityContext(new V1PodSecurityContext().runAsUser(0L)), "pod"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void runAsUser(Case c) {
    c.verify();
  }

  private static V1SecurityContext seLinuxType(String type) {
    return secCtx().seLinuxOptions(new V1SELinuxOptions().type(type));
  }

  static Stream<Case> seLinuxOptions() {
    return cases(
        passBoth("options unset, or empty", p -> {
          podSc(p).seLinuxOptions(null);
          sc(container(p)).seLinuxOptions(null);
          sc(init(p)).seLinuxOptions(new V1SELinuxOptions());
        }),
        passBoth("container types and a level", p -> {
          seLinux(p).type("container_t").level("");
          seLinux(container(p)).type("container_init_t").level("somevalue");
          seLinux(init(p)).type("container_kvm_t");
        }),
        passBoth("container_engine_t (1.31+)", p -> seLinux(container(p)).type("container_engine_t")),
        failBoth("pod type", p -> seLinux(p).type("somevalue"), "seLinuxOptions"),
        failBoth("container type", p -> seLinux(container(p)).type("somevalue"), "seLinuxOptions"),
        failBoth("initContainer type", p -> seLinux(init(p)).type("somevalue"), "seLinuxOptions"),
        failBoth("pod user", p -> seLinux(p).user("somevalue"), "seLinuxOptions"),
        failBoth("pod role", p -> seLinux(p).role("somevalue"), "seLinuxOptions"),
        Stream.of(
            table("seLinuxOptions", "invalid pod and containers", spec(ctr("a", seLinuxType("container_t")),
                ctr("b", seLinuxType("container_init_t")), ctr("c", seLinuxType("container_kvm_t")),
                ctr("d", seLinuxType("container_engine_t")), ctr("e", seLinuxType("bar")),
                ctr("f", secCtx().seLinuxOptions(new V1SELinuxOptions().user("bar"))),
                ctr("g", secCtx().seLinuxOptions(new V1SELinuxOptions().role("baz"))))
                .securityContext(new V1PodSecurityContext().seLinuxOptions(new V1SELinuxOptions().type("foo").user("bar").role("baz"))),
                "pod", "e", "f", "g"),
            table("seLinuxOptions", "invalid pod", spec(ctr("a", seLinuxType("container_t")),
                ctr("b", seLinuxType("container_init_t")), ctr("c", seLinuxType("container_kvm_t")),
                ctr("d", seLinuxType("container_engine_t")))
                .securityContext(new V1PodSecurityContext().seLinuxOptions(new V1SELinuxOptions().type("foo").user("bar").role("baz"))),
                "pod"),
            table("seLinuxOptions", "invalid containers", spec(ctr("a", seLinuxType("container_t")),
                ctr("b", seLinuxType("container_init_t")), ctr("c", seLinuxType("container_kvm_t")),
                ctr("d", seLinuxType("container_engine_t")), ctr("e", seLinuxType("bar")),
                ctr("f", secCtx().seLinuxOptions(new V1SELinuxOptions().user("bar"))),
                ctr("g", secCtx().seLinuxOptions(new V1SELinuxOptions().role("baz"))))
                .securityContext(new V1PodSecurityContext().seLinuxOptions(new V1SELinuxOptions())),
                "e", "f", "g"),
            table("seLinuxOptions", "bad type", spec()
                .securityContext(new V1PodSecurityContext().seLinuxOptions(new V1SELinuxOptions().type("bad"))), "pod"),
            table("seLinuxOptions", "bad user", spec()
                .securityContext(new V1PodSecurityContext().seLinuxOptions(new V1SELinuxOptions().user("bad"))), "pod"),
            table("seLinuxOptions", "bad role", spec()
                .securityContext(new V1PodSecurityContext().seLinuxOptions(new V1SELinuxOptions().role("bad"))), "pod")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void seLinuxOptions(Case c) {
    c.verify();
  }

  private static V1SeccompProfile seccomp(String type) {
    return new V1SeccompProfile().type(type);
  }

  private static V1SecurityContext seccompCtx(String type) {
    return secCtx().seccompProfile(seccomp(type));
  }

  static Stream<Case> seccompProfileBaseline() {
    return cases(
        // upstream's pass fixture only applies where the pod has no RuntimeDefault yet: at baseline
        Stream.of(pass(BASELINE, "pod and container RuntimeDefault", p -> {
          podSc(p).seccompProfile(seccomp("RuntimeDefault"));
          sc(container(p)).seccompProfile(seccomp("RuntimeDefault"));
        })),
        failBoth("pod Unconfined", p -> podSc(p).seccompProfile(seccomp("Unconfined")), "seccompProfile_baseline"),
        failBoth("container Unconfined", p -> sc(container(p)).seccompProfile(seccomp("Unconfined")), "seccompProfile_baseline"),
        failBoth("initContainer Unconfined", p -> sc(init(p)).seccompProfile(seccomp("Unconfined")), "seccompProfile_baseline"),
        Stream.of(
            table("seccompProfile_baseline", "pod seccomp invalid",
                spec(ctr("a")).securityContext(new V1PodSecurityContext().seccompProfile(seccomp("Unconfined"))), "pod"),
            table("seccompProfile_baseline", "containers seccomp invalid", spec(ctr("a"), ctr("b", secCtx()),
                ctr("c", seccompCtx("Unconfined")), ctr("d", seccompCtx("Unconfined")), ctr("e", seccompCtx("RuntimeDefault")),
                ctr("f", seccompCtx("RuntimeDefault")))
                .securityContext(new V1PodSecurityContext().seccompProfile(seccomp("RuntimeDefault"))), "c", "d"),
            table("seccompProfile_baseline", "pod and containers seccomp invalid", spec(ctr("a"), ctr("b", secCtx()),
                ctr("c", seccompCtx("Unconfined")), ctr("d", seccompCtx("Unconfined")), ctr("e", seccompCtx("RuntimeDefault")),
                ctr("f", seccompCtx("RuntimeDefault")))
                .securityContext(new V1PodSecurityContext().seccompProfile(seccomp("Unconfined"))), "pod", "c", "d"),
            // the 1.0 version read the alpha annotations; the latest (1.19+) reads only the fields
            table("seccompProfile_baseline", "annotations are not read at the latest version", new V1ObjectMeta()
                .annotations(Map.of("seccomp.security.alpha.kubernetes.io/pod", "unconfined",
                    "container.seccomp.security.alpha.kubernetes.io/a", "unconfined")), spec(ctr("a")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void seccompProfileBaseline(Case c) {
    c.verify();
  }

  static Stream<Case> seccompProfileRestricted() {
    return Stream.of(
        pass(RESTRICTED, "pod RuntimeDefault", p -> podSc(p).seccompProfile(seccomp("RuntimeDefault"))),
        pass(RESTRICTED, "pod Localhost", p -> podSc(p).seccompProfile(seccomp("Localhost").localhostProfile("testing"))),
        pass(RESTRICTED, "pod unset, containers RuntimeDefault and Localhost", p -> {
          podSc(p).seccompProfile(null);
          sc(container(p)).seccompProfile(seccomp("RuntimeDefault"));
          sc(init(p)).seccompProfile(seccomp("Localhost").localhostProfile("testing"));
        }),
        fail(RESTRICTED, "unset everywhere", p -> podSc(p).seccompProfile(null), "seccompProfile_restricted"),
        fail(RESTRICTED, "pod Unconfined", p -> podSc(p).seccompProfile(seccomp("Unconfined")), "seccompProfile_restricted"),
        fail(RESTRICTED, "pod unset, only the container sets one", p -> {
          podSc(p).seccompProfile(null);
          sc(container(p)).seccompProfile(seccomp("RuntimeDefault"));
        }, "seccompProfile_restricted"),
        fail(RESTRICTED, "pod unset, only the initContainer sets one", p -> {
          podSc(p).seccompProfile(null);
          sc(init(p)).seccompProfile(seccomp("RuntimeDefault"));
        }, "seccompProfile_restricted"),
        fail(RESTRICTED, "pod unset, initContainer Unconfined", p -> {
          podSc(p).seccompProfile(null);
          sc(container(p)).seccompProfile(seccomp("RuntimeDefault"));
          sc(init(p)).seccompProfile(seccomp("Unconfined"));
        }, "seccompProfile_restricted"),
        table("seccompProfile_restricted", "no explicit seccomp", spec(ctr("a")), "a"),
        table("seccompProfile_restricted", "no explicit seccomp, windows pod", spec(ctr("a")).os(new V1PodOS().name("windows"))),
        table("seccompProfile_restricted", "no explicit seccomp, linux pod", spec(ctr("a")).os(new V1PodOS().name("linux")), "a"),
        table("seccompProfile_restricted", "pod seccomp invalid",
            spec(ctr("a")).securityContext(new V1PodSecurityContext().seccompProfile(seccomp("Unconfined"))), "pod"),
        table("seccompProfile_restricted", "containers seccomp invalid", spec(ctr("a"), ctr("b", secCtx()),
            ctr("c", seccompCtx("Unconfined")), ctr("d", seccompCtx("Unconfined")), ctr("e", seccompCtx("RuntimeDefault")),
            ctr("f", seccompCtx("RuntimeDefault")))
            .securityContext(new V1PodSecurityContext().seccompProfile(seccomp("RuntimeDefault"))), "c", "d"),
        table("seccompProfile_restricted", "pod nil, container fallthrough", spec(ctr("a"), ctr("b", secCtx()),
            ctr("d", seccompCtx("RuntimeDefault")), ctr("e", seccompCtx("RuntimeDefault"))), "a", "b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void seccompProfileRestricted(Case c) {
    c.verify();
  }

  private static final Map<String, String> SAFE_SYSCTLS = Map.ofEntries(
      Map.entry("kernel.shm_rmid_forced", "0"), Map.entry("net.ipv4.ip_local_port_range", "1024 65535"),
      Map.entry("net.ipv4.tcp_syncookies", "0"), Map.entry("net.ipv4.ping_group_range", "1 0"),
      Map.entry("net.ipv4.ip_unprivileged_port_start", "1024"), Map.entry("net.ipv4.ip_local_reserved_ports", "1024-4999"),
      Map.entry("net.ipv4.tcp_keepalive_time", "7200"), Map.entry("net.ipv4.tcp_fin_timeout", "60"),
      Map.entry("net.ipv4.tcp_keepalive_intvl", "75"), Map.entry("net.ipv4.tcp_keepalive_probes", "9"),
      Map.entry("net.ipv4.tcp_rmem", "4096 87380 16777216"), Map.entry("net.ipv4.tcp_wmem", "4096 65536 16777216"));

  private static V1PodSpec sysctls(String... names) {
    V1PodSecurityContext security = new V1PodSecurityContext();
    for (String name : names) {
      security.addSysctlsItem(new V1Sysctl().name(name).value(SAFE_SYSCTLS.getOrDefault(name, "1")));
    }
    return spec().securityContext(security);
  }

  static Stream<Case> sysctls() {
    Stream<Case> eachSafeOne = new TreeSet<>(SAFE_SYSCTLS.keySet()).stream()
        .map(name -> table("sysctls", "safe at 1.32+: " + name, sysctls(name)));
    return cases(
        passBoth("no sysctls", p -> podSc(p).sysctls(null)),
        passBoth("every safe sysctl of 1.32+", p -> new TreeSet<>(SAFE_SYSCTLS.keySet())
            .forEach(name -> podSc(p).addSysctlsItem(new V1Sysctl().name(name).value(SAFE_SYSCTLS.get(name))))),
        failBoth("othersysctl", p -> podSc(p).addSysctlsItem(new V1Sysctl().name("othersysctl").value("other")), "sysctls"),
        Stream.of(table("sysctls", "forbidden sysctls", sysctls("a", "b"), "a", "b")),
        eachSafeOne);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void sysctls(Case c) {
    c.verify();
  }

  static Stream<Case> windowsHostProcess() {
    return cases(
        // a HostProcess pod must be a host-network pod (API validation): hostNamespaces fails too
        failBoth("pod hostProcess", p -> {
          p.getSpec().hostNetwork(true);
          podSc(p).windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true));
          sc(container(p)).windowsOptions(new V1WindowsSecurityContextOptions());
          sc(init(p)).windowsOptions(new V1WindowsSecurityContextOptions());
        }, "windowsHostProcess", "hostNamespaces"),
        failBoth("containers hostProcess", p -> {
          p.getSpec().hostNetwork(true);
          podSc(p).windowsOptions(new V1WindowsSecurityContextOptions());
          sc(container(p)).windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true));
          sc(init(p)).windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true));
        }, "windowsHostProcess", "hostNamespaces"),
        Stream.of(table("windowsHostProcess", "host process", spec(ctr("a"), ctr("b", secCtx()),
            ctr("c", secCtx().windowsOptions(new V1WindowsSecurityContextOptions())),
            ctr("d", secCtx().windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(false))),
            ctr("e", secCtx().windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true))),
            ctr("f", secCtx().windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true))))
            .securityContext(new V1PodSecurityContext().windowsOptions(new V1WindowsSecurityContextOptions().hostProcess(true))),
            "pod", "e", "f")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void windowsHostProcess(Case c) {
    c.verify();
  }

  // ---- helpers ----

  private static Set<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static final Pattern NAMED = Pattern.compile(
      "\\.(?:initContainers|containers|ephemeralContainers|volumes|annotations)\\[([^\\]]*)\\]");

  /**
   * Who a finding blames, in upstream's words: a container, volume or annotation by name, a sysctl
   * by name, a host namespace by field, else {@code pod}.
   */
  static String offender(Finding finding) {
    Matcher named = NAMED.matcher(finding.path());
    if (named.find()) {
      return named.group(1);
    }
    if (finding.ruleId().equals("sysctls")) {
      String message = finding.message();
      int start = message.indexOf('"') + 1;
      return message.substring(start, message.indexOf('"', start));
    }
    if (finding.ruleId().equals("hostNamespaces")) {
      return finding.path().substring(finding.path().lastIndexOf('.') + 1);
    }
    return "pod";
  }

  /** The pod as the template of a Deployment, the way upstream's fixtures send it. */
  static V1Deployment asDeployment(V1Pod pod) {
    V1ObjectMeta template = new V1ObjectMeta().putLabelsItem("test", "true").annotations(pod.getMetadata().getAnnotations());
    return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
        .metadata(new V1ObjectMeta().name("test").namespace("ns"))
        .spec(new V1DeploymentSpec().selector(new V1LabelSelector().putMatchLabelsItem("test", "true"))
            .template(new V1PodTemplateSpec().metadata(template).spec(pod.getSpec())));
  }
}
