package dev.mizzen.dsl.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Hook;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.internal.PodTemplates;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.QosClass;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplateTest {
  private static final String AT = "Deployment/web: spec.template.";
  private static final Map<String, String> OWN = Map.of("app.kubernetes.io/name", "web");

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static List<String> problems(PodTemplate template) {
    Validation v = Validation.of("Deployment/web");
    PodTemplates.validate(v.field("spec.template"), template);
    return v.problems().stream().map(Problem::toString).toList();
  }

  private static Container.Builder web() {
    return Container.named("web").image("ghcr.io/acme/web:1.4.2");
  }

  @Test
  void minimalTemplateRendersRestrictedAndNoToken() {
    PodTemplate template = PodTemplate.container(web()).build();

    V1PodTemplateSpec rendered = PodTemplates.render(template, OWN, RenderContext.standalone());

    assertThat(JSON.serialize(rendered)).isEqualTo(json("{"
        + "'metadata':{'labels':{'app.kubernetes.io/name':'web'}},"
        + "'spec':{'automountServiceAccountToken':false,"
        + "'containers':[{'image':'ghcr.io/acme/web:1.4.2','name':'web','securityContext':"
        + "{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}],"
        + "'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':'RuntimeDefault'}}}}"));
    assertThat(problems(template)).isEmpty();
    assertThat(template.automountServiceAccountToken()).isFalse();
    assertThat(template.security()).isEqualTo(PodSecurity.defaults());
  }

  @Test
  void everythingRendersWithoutEmptyCollections() {
    PodTemplate template = PodTemplate.container(web().port(Port.http(8080)).mount("tmp", "/tmp"))
        .initContainer(Container.named("migrate").image("ghcr.io/acme/migrate:1.0.0").args("up"))
        .sidecar(Container.named("proxy").image("ghcr.io/acme/proxy:2.1.0").port(Port.named("proxy", 15001)))
        .volume(Volume.emptyDir("tmp"))
        .serviceAccountName("web")
        .automountServiceAccountToken(true)
        .priorityClassName("high")
        .terminationGracePeriod(Duration.ofSeconds(45))
        .label("tier", "frontend")
        .annotation("example.com/owner", "team-web")
        .imagePullSecret("registry-creds")
        .restartPolicy(RestartPolicy.ALWAYS)
        .dnsPolicy(PodTemplate.DnsPolicy.CLUSTER_FIRST)
        .hostname("web")
        .subdomain("web-headless")
        .security(PodSecurity.restricted().runAsUser(10001).fsGroup(10001))
        .build();

    V1PodTemplateSpec rendered = PodTemplates.render(template, OWN, RenderContext.standalone());

    String restricted = "'securityContext':{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}";
    assertThat(JSON.serialize(rendered)).isEqualTo(json("{"
        + "'metadata':{'annotations':{'example.com/owner':'team-web'},"
        + "'labels':{'app.kubernetes.io/name':'web','tier':'frontend'}},"
        + "'spec':{'automountServiceAccountToken':true,"
        + "'containers':[{'image':'ghcr.io/acme/web:1.4.2','name':'web','ports':[{'containerPort':8080,'name':'http'}],"
        + restricted + ",'volumeMounts':[{'mountPath':'/tmp','name':'tmp'}]}],"
        + "'dnsPolicy':'ClusterFirst','hostname':'web',"
        + "'imagePullSecrets':[{'name':'registry-creds'}],"
        + "'initContainers':[{'args':['up'],'image':'ghcr.io/acme/migrate:1.0.0','name':'migrate'," + restricted + "},"
        + "{'image':'ghcr.io/acme/proxy:2.1.0','name':'proxy','ports':[{'containerPort':15001,'name':'proxy'}],"
        + "'restartPolicy':'Always'," + restricted + "}],"
        + "'priorityClassName':'high','restartPolicy':'Always',"
        + "'securityContext':{'fsGroup':10001,'runAsNonRoot':true,'runAsUser':10001,'seccompProfile':{'type':'RuntimeDefault'}},"
        + "'serviceAccountName':'web','subdomain':'web-headless','terminationGracePeriodSeconds':45,"
        + "'volumes':[{'emptyDir':{},'name':'tmp'}]}}"));
    assertThat(problems(template)).isEmpty();
  }

  @Test
  void templateLabelsComeAfterTheWorkloadsOwn() {
    Map<String, String> own = new LinkedHashMap<>();
    own.put("app.kubernetes.io/name", "web");
    own.put("app.kubernetes.io/part-of", "shop");
    PodTemplate template = PodTemplate.container(web()).label("tier", "frontend").build();
    assertThat(PodTemplates.render(template, own, RenderContext.standalone()).getMetadata().getLabels())
        .containsExactly(Map.entry("app.kubernetes.io/name", "web"), Map.entry("app.kubernetes.io/part-of", "shop"),
            Map.entry("tier", "frontend"));
    assertThat(PodTemplates.render(template, Map.of(), RenderContext.standalone()).getMetadata().getLabels())
        .containsExactly(Map.entry("tier", "frontend"));
    assertThat(PodTemplates.render(PodTemplate.container(web()).build(), Map.of(), RenderContext.standalone())
        .getMetadata().getLabels()).isNull();
  }

  @Test
  void optOutReasonsLandInAnnotations() {
    PodTemplate template = PodTemplate.container(
        Container.named("gpu-driver").image("ghcr.io/acme/gpu-driver:5")
            .mount("dev", "/dev")
            .security(ContainerSecurity.restricted()
                .optOut(ContainerOptOut.privileged("needs /dev access for the GPU driver"))
                .optOut(ContainerOptOut.capabilities("loads kernel modules", "SYS_MODULE"))))
        .annotation("example.com/owner", "team-infra")
        .initContainer(Container.named("setup").image("ghcr.io/acme/setup:1")
            .security(ContainerSecurity.restricted().optOut(ContainerOptOut.runAsRoot("chowns the node's log dir"))))
        .container(web())
        .volume(Volume.hostPath("dev", "/dev"))
        .security(PodSecurity.restricted()
            .optOut(PodOptOut.hostPath("the driver is installed from the node's /dev"))
            .optOut(PodOptOut.runAsRoot("the setup container runs as root")))
        .build();

    Map<String, String> annotations = PodTemplates.render(template, OWN, RenderContext.standalone()).getMetadata().getAnnotations();

    assertThat(annotations).containsExactly(
        Map.entry("example.com/owner", "team-infra"),
        Map.entry("security.mizzen.dev/opt-out",
            "hostPath: the driver is installed from the node's /dev\nrunAsRoot: the setup container runs as root"),
        Map.entry("opt-out.security.mizzen.dev/setup", "runAsRoot: chowns the node's log dir"),
        Map.entry("opt-out.security.mizzen.dev/gpu-driver",
            "privileged: needs /dev access for the GPU driver\ncapabilities SYS_MODULE: loads kernel modules"));
    assertThat(template.optOutAnnotations()).hasSize(3);
    assertThat(problems(template)).isEmpty();
  }

  @Test
  void aContainerIsRequiredAndNamesAreUniqueAcrossLists() {
    assertThat(problems(ImmutablePodTemplate.builder().build()))
        .containsExactly(AT + "spec.containers: must have at least one container");
    PodTemplate template = PodTemplate.container(web())
        .initContainer(web())
        .sidecar(web())
        .build();
    assertThat(problems(template)).containsExactly(
        AT + "spec.initContainers[web].name: must be unique among the containers and init containers of the pod,"
            + " 'web' is used twice",
        AT + "spec.containers[web].name: must be unique among the containers and init containers of the pod,"
            + " 'web' is used twice");
  }

  @Test
  void volumesAreNamedUniquelyAndMountedByExistingNames() {
    PodTemplate template = PodTemplate.container(web().mount("cache", "/cache"))
        .volume(Volume.emptyDir("tmp"))
        .volume(Volume.emptyDir("tmp"))
        .volume(Volume.emptyDir("Bad_Name"))
        .build();
    assertThat(problems(template)).containsExactly(
        AT + "spec.volumes[tmp].name: must be unique in the pod, 'tmp' is used twice",
        AT + "spec.volumes[Bad_Name].name: must be a lowercase RFC 1123 label (lowercase letters, digits and '-',"
            + " starting and ending with a letter or digit), was 'Bad_Name'",
        AT + "spec.containers[web].volumeMounts[0].name: must name a volume of the pod (tmp), was 'cache'");
  }

  @Test
  void hostPathNeedsAnOptOut() {
    PodTemplate template = PodTemplate.container(web()).volume(Volume.hostPath("logs", "/var/log")).build();
    assertThat(problems(template)).containsExactly(AT + "spec.volumes[logs].hostPath: mounts a path of the node,"
        + " which Pod Security baseline forbids: opt out with PodOptOut.hostPath(reason)");
  }

  @Test
  void specFieldsAreChecked() {
    PodTemplate template = PodTemplate.container(web().preStop(Hook.sleep(Duration.ofSeconds(20))))
        .terminationGracePeriod(Duration.ofSeconds(10))
        .serviceAccountName("Web")
        .priorityClassName("high priority")
        .imagePullSecret("Creds")
        .hostname("web.1")
        .subdomain("-x")
        .label("tier", "front end")
        .annotation("security.mizzen.dev/opt-out", "sneaky")
        .security(PodSecurity.restricted().runAsUser(0))
        .build();
    String subdomainRule = "must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-' and '.',"
        + " starting and ending with a letter or digit), was ";
    String labelRule = "must be a lowercase RFC 1123 label (lowercase letters, digits and '-', starting and ending"
        + " with a letter or digit), was ";
    assertThat(problems(template)).containsExactly(
        AT + "metadata.labels[tier]: label value 'front end' must be at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric",
        AT + "metadata.annotations[security.mizzen.dev/opt-out]: is reserved for the reasons of security"
            + " opt-outs: give them with PodOptOut or ContainerOptOut",
        AT + "spec.containers[web].lifecycle.preStop.sleep: must be at most the pod's termination grace period"
            + " (10s), was 20s",
        AT + "spec.serviceAccountName: " + subdomainRule + "'Web'",
        AT + "spec.priorityClassName: " + subdomainRule + "'high priority'",
        AT + "spec.imagePullSecrets[0].name: " + subdomainRule + "'Creds'",
        AT + "spec.hostname: " + labelRule + "'web.1'",
        AT + "spec.subdomain: " + labelRule + "'-x'",
        AT + "spec.securityContext.runAsUser: must not be 0 (root) while the pod requires runAsNonRoot: choose"
            + " a non-zero uid or opt out with PodOptOut.runAsRoot(reason)");
  }

  @Test
  void selectorLabelsAreLeftToTheWorkload() {
    PodTemplate template = PodTemplate.container(web())
        .label("app.kubernetes.io/name", "web")
        .label("app.kubernetes.io/version", "1.4.2")
        .build();
    assertThat(problems(template)).isEmpty();
  }

  @Test
  void gracePeriodIsWholeSeconds() {
    PodTemplate template = PodTemplate.container(web()).terminationGracePeriod(Duration.ofMillis(1500))
        .build();
    assertThat(problems(template)).containsExactly(AT + "spec.terminationGracePeriodSeconds: must be a whole"
        + " number of seconds, was 1.5s");
  }

  @Test
  void containersAreValidatedInTheirListWithTheirKind() {
    PodTemplate template = PodTemplate.container(
        web().env(Env.resourceField("PROXY_MEM", "proxy", "limits.memory"),
            Env.resourceField("X", "nope", "limits.memory")))
        .initContainer(Container.named("migrate").image("ghcr.io/acme/migrate:1").readiness(Probe.exec("true")))
        .sidecar(Container.named("proxy").image("ghcr.io/acme/proxy:2").readiness(Probe.exec("true")))
        .build();
    assertThat(problems(template)).containsExactly(
        AT + "spec.initContainers[migrate].readinessProbe: must not be set on an init container (only sidecars,"
            + " which keep running, may have probes)",
        AT + "spec.containers[web].env[X].valueFrom.resourceFieldRef.containerName: must name a container of the"
            + " pod (migrate, proxy, web), was 'nope'");
  }

  @Test
  void podRootOptOutCoversContainers() {
    PodTemplate template = PodTemplate.container(web().security(ContainerSecurity.restricted().runAsUser(0)))
        .security(PodSecurity.restricted().optOut(PodOptOut.runAsRoot("legacy image")))
        .build();
    assertThat(problems(template)).isEmpty();
    assertThat(PodTemplates.render(template, OWN, RenderContext.standalone()).getSpec().getSecurityContext().getRunAsNonRoot())
        .isNull();
  }

  @Test
  void hostNetworkNeedsHostPortsEqualToContainerPorts() {
    PodTemplate template = PodTemplate.container(web().port(Port.named("dns", 53).udp().hostPort(5353))
            .security(ContainerSecurity.restricted().optOut(ContainerOptOut.hostPorts("node-local DNS"))))
        .security(PodSecurity.restricted().optOut(PodOptOut.hostNetwork("node-local DNS")))
        .build();
    assertThat(problems(template)).containsExactly(AT + "spec.containers[web].ports[0].hostPort: must equal"
        + " containerPort (53) when the pod uses the host network, was 5353");
    assertThat(PodTemplates.render(template, OWN, RenderContext.standalone()).getSpec().getHostNetwork()).isTrue();
  }

  @Test
  void qosClassFromEveryContainer() {
    Resources guaranteed = Resources.limits(Cpu.millis(100), Memory.mebibytes(64)).build();
    assertThat(PodTemplate.container(web()).build().qosClass()).isEqualTo(QosClass.BEST_EFFORT);
    assertThat(PodTemplate.container(web().resources(guaranteed)).build().qosClass())
        .isEqualTo(QosClass.GUARANTEED);
    assertThat(PodTemplate.container(web().resources(guaranteed))
        .sidecar(Container.named("proxy").image("proxy:1")).build().qosClass())
        .isEqualTo(QosClass.BURSTABLE);
  }

  @Test
  void lookupsAndImageChanges() {
    PodTemplate template = PodTemplate.container(web().port(Port.http(8080)))
        .sidecar(Container.named("proxy").image("ghcr.io/acme/proxy:2").port(Port.named("admin", 15000)))
        .volume(Volume.emptyDir("tmp"))
        .build();
    assertThat(template.container("proxy").map(Container::sidecar)).contains(true);
    assertThat(template.container("nope")).isEmpty();
    assertThat(template.allContainers()).extracting(Container::name).containsExactly("proxy", "web");
    assertThat(template.port("http").map(Port::containerPort)).contains(8080);
    assertThat(template.port("admin").map(Port::containerPort)).contains(15000);
    assertThat(template.volume("tmp")).isPresent();

    PodTemplate updated = template.withImage("web", "ghcr.io/acme/web:1.5.0");
    assertThat(updated.container("web").flatMap(Container::image).map(Object::toString))
        .contains("ghcr.io/acme/web:1.5.0");
    assertThat(updated.container("proxy")).isEqualTo(template.container("proxy"));
    assertThatThrownBy(() -> template.withImage("nope", "x:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no container named 'nope' in the pod template");
  }

  /** Opt-out reasons count towards the template's annotations, measured in UTF-8 bytes. */
  @Test
  void templateAnnotationSizeCountsUtf8Bytes() {
    PodTemplate template = PodTemplate.container(web())
        .annotation("note", "\u00e9".repeat(128 * 1024))
        .build();
    assertThat(problems(template)).containsExactly(AT + "metadata.annotations: total size must be at most"
        + " 262144 bytes (UTF-8, keys and values), was 262148");
  }
}
