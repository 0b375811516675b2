package dev.mizzen.dsl.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.internal.ContainerContext;
import dev.mizzen.dsl.internal.ContainerKind;
import dev.mizzen.dsl.internal.Containers;
import dev.mizzen.dsl.probe.HttpGet;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.probe.ProbeKind;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerTest {
  private static final String AT = "Deployment/web: spec.template.spec.containers[web].";
  private static final ContainerContext APP = ContainerContext.of(ContainerKind.APP, Set.of("tmp", "data"), Set.of("web"));

  /** JSON with single quotes, for readable expectations. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static List<String> problems(Container container, ContainerContext context) {
    Validation v = Validation.of("Deployment/web");
    Containers.validate(v.field("spec.template.spec").field(context.kind().field()).key(container.name()), container,
        context);
    return v.problems().stream().map(Problem::toString).toList();
  }

  private static Container.Builder web() {
    return Container.named("web").image("ghcr.io/acme/web:1.4.2");
  }

  @Test
  void minimalContainerRendersNameImageAndRestrictedSecurityOnly() {
    Container container = web().build();

    assertThat(JSON.serialize(container.toV1Container())).isEqualTo(json("{'image':'ghcr.io/acme/web:1.4.2',"
        + "'name':'web','securityContext':{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}"));
    assertThat(container.resources()).isEqualTo(Resources.none());
    assertThat(container.security()).isEqualTo(ContainerSecurity.defaults());
    assertThat(container.sidecar()).isFalse();
    assertThat(problems(container, APP)).isEmpty();
  }

  @Test
  void everyFieldRenders() {
    Container container = web()
        .command("/app/web")
        .args("--listen", ":8080")
        .workingDir("/app")
        .port(Port.http(8080))
        .port(Port.named("dns", 5353).udp())
        .port(Port.number(9000).sctp())
        .env(Env.literal("LOG_LEVEL", "info"), Env.allFromConfigMap("web-config"))
        .env(Env.literal("REGION", "eu"))
        .env(Env.fromSecret("DB_PASSWORD", "api-credentials", "password").asOptional(),
            Env.allFromSecret("extra").withPrefix("EXTRA_").asOptional())
        .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(256)).limits(Memory.mebibytes(512)))
        .readiness(Probe.httpGet("/ready", "http").every(Duration.ofSeconds(5)))
        .liveness(Probe.tcp("http"))
        .startup(Probe.exec("true").failsAfter(30))
        .postStart(Hook.exec("/app/warm-up"))
        .preStop(Hook.sleep(Duration.ofSeconds(5)))
        .mount("tmp", "/tmp")
        .mountReadOnly("data", "/data")
        .mount(VolumeMount.of("data", "/etc/app/app.yaml").subPath("app.yaml"))
        .imagePullPolicy(ImagePullPolicy.IF_NOT_PRESENT)
        .security(ContainerSecurity.restricted().runAsUser(10001).readOnlyRootFilesystem(true))
        .build();

    assertThat(JSON.serialize(container.toV1Container())).isEqualTo(json("{"
        + "'args':['--listen',':8080'],"
        + "'command':['/app/web'],"
        + "'env':[{'name':'LOG_LEVEL','value':'info'},{'name':'REGION','value':'eu'},"
        + "{'name':'DB_PASSWORD','valueFrom':{'secretKeyRef':{'key':'password','name':'api-credentials','optional':true}}}],"
        + "'envFrom':[{'configMapRef':{'name':'web-config'}},{'prefix':'EXTRA_','secretRef':{'name':'extra','optional':true}}],"
        + "'image':'ghcr.io/acme/web:1.4.2',"
        + "'imagePullPolicy':'IfNotPresent',"
        + "'lifecycle':{'postStart':{'exec':{'command':['/app/warm-up']}},'preStop':{'sleep':{'seconds':5}}},"
        + "'livenessProbe':{'tcpSocket':{'port':'http'}},"
        + "'name':'web',"
        + "'ports':[{'containerPort':8080,'name':'http'},{'containerPort':5353,'name':'dns','protocol':'UDP'},"
        + "{'containerPort':9000,'protocol':'SCTP'}],"
        + "'readinessProbe':{'httpGet':{'path':'/ready','port':'http'},'periodSeconds':5},"
        + "'resources':{'limits':{'memory':'512Mi'},'requests':{'cpu':'250m','memory':'256Mi'}},"
        + "'securityContext':{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']},"
        + "'readOnlyRootFilesystem':true,'runAsUser':10001},"
        + "'startupProbe':{'exec':{'command':['true']},'failureThreshold':30},"
        + "'volumeMounts':[{'mountPath':'/tmp','name':'tmp'},{'mountPath':'/data','name':'data','readOnly':true},"
        + "{'mountPath':'/etc/app/app.yaml','name':'data','subPath':'app.yaml'}],"
        + "'workingDir':'/app'}"));
    assertThat(problems(container, APP)).isEmpty();
  }

  @Test
  void lookups() {
    Container container = web().port(Port.http(8080)).port(Port.number(9000)).env(Env.literal("A", "1"))
        .readiness(Probe.tcp("http")).build();
    assertThat(container.port("http")).contains(Port.http(8080).build());
    assertThat(container.port("metrics")).isEmpty();
    assertThat(container.portNames()).containsExactly("http");
    assertThat(container.envVar("A").flatMap(EnvVar::literalValue)).contains("1");
    assertThat(container.probe(ProbeKind.READINESS)).isEqualTo(container.readiness());
    assertThat(container.probe(ProbeKind.LIVENESS)).isEmpty();
  }

  @Test
  void withImageAndAsSidecarCopy() {
    Container container = web().build();
    assertThat(container.withImage("ghcr.io/acme/web:1.5.0").image()).contains(Image.of("ghcr.io/acme/web:1.5.0"));
    assertThat(container.image()).contains(Image.of("ghcr.io/acme/web:1.4.2"));
    Container sidecar = container.asSidecar();
    assertThat(sidecar.sidecar()).isTrue();
    assertThat(sidecar.toV1Container().getRestartPolicy()).isEqualTo("Always");
  }

  @Test
  void portNumberOutOfRangeIsReportedByIndex() {
    Container container = web().port(Port.http(8080)).port(Port.named("metrics", 70000)).build();
    Validation v = Validation.of("Deployment/web");
    Containers.validate(v.field("spec.template.spec.containers").key("web"), container, APP);
    assertThat(v.problems()).extracting(Problem::toString).containsExactly(
        "Deployment/web: spec.template.spec.containers[web].ports[1].containerPort: must be 1..65535, was 70000");
  }

  @Test
  void nameAndImage() {
    assertThat(problems(Container.named("Web_1").build(), APP)).containsExactly(
        "Deployment/web: spec.template.spec.containers[Web_1].name: must be a lowercase RFC 1123 label"
            + " (lowercase letters, digits and '-', starting and ending with a letter or digit), was 'Web_1'",
        "Deployment/web: spec.template.spec.containers[Web_1].image: must be set: the image to run,"
            + " such as ghcr.io/acme/web:1.4.2");
    assertThat(problems(Container.named("web").image("Acme/Web").build(), APP)).containsExactly(
        AT + "image: must be an image reference [registry/]repository[:tag][@digest] with a lowercase"
            + " repository, such as ghcr.io/acme/web:1.4.2, was 'Acme/Web'");
  }

  @Test
  void portsMustBeUniqueValidAndNotOnTheHost() {
    Container container = web()
        .port(Port.http(8080))
        .port(Port.named("http", 8081))
        .port(Port.number(8080))
        .port(Port.number(8080).udp())
        .port(Port.named("Bad_Name", 0))
        .port(Port.named("dns", 53).hostPort(70000))
        .build();

    assertThat(problems(container, APP)).containsExactly(
        AT + "ports[1].name: must be unique in the container, 'http' is also ports[0]",
        AT + "ports[2].containerPort: must be unique per protocol in the container, 8080/TCP is also ports[0]",
        AT + "ports[4].containerPort: must be 1..65535, was 0",
        AT + "ports[4].name: port name must be at most 15 lowercase letters, digits or '-', contain a letter,"
            + " and not start, end or repeat '-', was 'Bad_Name'",
        AT + "ports[5].hostPort: must be 1..65535, was 70000",
        AT + "ports[5].hostPort: binds port 70000 of the node, which Pod Security baseline forbids:"
            + " opt out with ContainerOptOut.hostPorts(reason)");
  }

  /** {@code validateContainerPorts} skips {@code hostPort: 0} and {@code name: ""}: the API's unset values. */
  @Test
  void hostPortZeroAndAnEmptyNameAreUnset() {
    Container container = web().port(Port.named("", 8080).hostPort(0)).build();
    assertThat(problems(container, APP)).isEmpty();
    assertThat(container.ports().get(0)).isEqualTo(Port.number(8080).build());
    assertThat(JSON.serialize(container.toV1Container().getPorts())).isEqualTo("[{\"containerPort\":8080}]");
  }

  /** {@code ValidateEnvFrom} checks a prefix only when not empty; resourceFieldRef takes hugepages. */
  @Test
  void emptyEnvFromPrefixAndHugepagesResourceFields() {
    Container container = web()
        .env(Env.allFromConfigMap("web-config").withPrefix(""),
            Env.resourceField("HUGE", "web", "limits.hugepages-2Mi"),
            Env.resourceField("HUGE_REQ", "web", "requests.hugepages-1Gi"))
        .build();
    assertThat(problems(container, APP)).isEmpty();
    assertThat(Env.allFromConfigMap("web-config").withPrefix("")).isEqualTo(Env.allFromConfigMap("web-config"));
  }

  @Test
  void hostPortsWithAnOptOut() {
    Container container = web().port(Port.named("dns", 53).udp().hostPort(53))
        .security(ContainerSecurity.restricted().optOut(ContainerOptOut.hostPorts("node-local DNS")))
        .build();
    assertThat(problems(container, APP)).isEmpty();
    assertThat(container.toV1Container().getPorts().get(0).getHostPort()).isEqualTo(53);
  }

  @Test
  void envNamesSourcesAndDuplicates() {
    Container container = web()
        .env(Env.literal("1BAD", "x"),
            Env.literal("LOG_LEVEL", "info"),
            Env.literal("LOG_LEVEL", "debug"),
            Env.fromConfigMap("A", "Web_Config", "bad key"),
            Env.fromSecret("B", "creds", ".."),
            Env.fromConfigMap("B2", "cfg", "..data"),
            Env.fieldRef("C", "metadata.generation"),
            Env.fieldRef("D", "metadata.labels['app.kubernetes.io/name']"),
            Env.fieldRef("E", "metadata.annotations['bad key']"),
            Env.resourceField("F", "web", "limits.gpu"),
            Env.resourceField("G", "sidecar", "requests.memory"),
            Env.allFromConfigMap("Web_Config"),
            Env.allFromSecret("creds").withPrefix("1X"))
        .build();

    assertThat(problems(container, APP)).containsExactly(
        AT + "env[1BAD].name: must consist of letters, digits, '_', '-' or '.', and not start with a digit,"
            + " was '1BAD'",
        AT + "env[LOG_LEVEL]: is set more than once (server-side apply keys env by name): remove the duplicate",
        AT + "env[A].valueFrom.configMapKeyRef.name: must be a lowercase RFC 1123 subdomain (lowercase letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit), was 'Web_Config'",
        AT + "env[A].valueFrom.configMapKeyRef.key: key 'bad key' must be at most 253 alphanumerics, '-', '_' or '.'",
        AT + "env[B].valueFrom.secretKeyRef.key: key '..' must not be '.' or start with '..'",
        AT + "env[B2].valueFrom.configMapKeyRef.key: key '..data' must not be '.' or start with '..'",
        AT + "env[C].valueFrom.fieldRef.fieldPath: must be one of metadata.name, metadata.namespace,"
            + " metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs,"
            + " status.podIP, status.podIPs, metadata.labels['<key>'] or metadata.annotations['<key>'],"
            + " was 'metadata.generation'",
        AT + "env[E].valueFrom.fieldRef.fieldPath: key 'bad key' must have a name part of at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        AT + "env[F].valueFrom.resourceFieldRef.resource: must be one of limits.cpu, limits.memory,"
            + " limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage,"
            + " limits.hugepages-<size> or requests.hugepages-<size>,"
            + " was 'limits.gpu'",
        AT + "env[G].valueFrom.resourceFieldRef.containerName: must name a container of the pod (web),"
            + " was 'sidecar'",
        AT + "envFrom[0].configMapRef.name: must be a lowercase RFC 1123 subdomain (lowercase letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit), was 'Web_Config'",
        AT + "envFrom[1].prefix: must consist of letters, digits, '_', '-' or '.', and not start with a digit,"
            + " was '1X'");
  }

  @Test
  void envRendering() {
    assertThat(JSON.serialize(Env.fromConfigMap("A", "cfg", "k").toV1EnvVar())).isEqualTo(
        json("{'name':'A','valueFrom':{'configMapKeyRef':{'key':'k','name':'cfg'}}}"));
    assertThat(JSON.serialize(Env.fieldRef("POD", "metadata.name").toV1EnvVar())).isEqualTo(
        json("{'name':'POD','valueFrom':{'fieldRef':{'fieldPath':'metadata.name'}}}"));
    assertThat(JSON.serialize(Env.resourceField("MEM", "web", "limits.memory").toV1EnvVar())).isEqualTo(
        json("{'name':'MEM','valueFrom':{'resourceFieldRef':{'containerName':'web','resource':'limits.memory'}}}"));
    assertThat(Env.literal("A", "1")).hasToString("A=1");
    assertThat(Env.fromSecret("P", "s", "k")).hasToString("P from secret s key k");
    assertThat(Env.allFromConfigMap("web-config")).hasToString("all of configmap web-config");
    assertThat(Env.allFromConfigMap(dev.mizzen.dsl.config.ConfigMap.named("web-config").build()))
        .isEqualTo(Env.allFromConfigMap("web-config"));
  }

  @Test
  void mountsNameVolumesOfThePodAtUniqueAbsolutePaths() {
    Container container = web()
        .mount("tpm", "/tmp")
        .mount("data", "data")
        .mount("data", "/tmp")
        .mount(VolumeMount.of("data", "/x").subPath("../etc"))
        .mount(VolumeMount.of("data", "/y").subPath("/abs"))
        .build();

    assertThat(problems(container, APP)).containsExactly(
        AT + "volumeMounts[0].name: must name a volume of the pod (data, tmp), was 'tpm'",
        AT + "volumeMounts[1].mountPath: must be an absolute path, was 'data'",
        AT + "volumeMounts[2].mountPath: must be unique in the container, /tmp is also volumeMounts[0]",
        AT + "volumeMounts[3].subPath: must be a relative path inside the volume, without '..', was '../etc'",
        AT + "volumeMounts[4].subPath: must be a relative path inside the volume, without '..', was '/abs'");
    assertThat(problems(web().mount("tmp", "/tmp").build(), ContainerContext.of(ContainerKind.APP, Set.of(), Set.of())))
        .containsExactly(AT + "volumeMounts[0].name: must name a volume of the pod, but the pod has no volumes;"
            + " was 'tmp'");
  }

  @Test
  void probesAndHooksAreValidatedAgainstTheContainersPorts() {
    Container container = web()
        .port(Port.http(8080))
        .readiness(Probe.httpGet("/ready", "htp"))
        .liveness(Probe.tcp("http").succeedsAfter(3))
        .preStop(Hook.httpGet(HttpGet.of("/stop", "admin")))
        .build();

    assertThat(problems(container, APP)).containsExactly(
        AT + "livenessProbe.successThreshold: must be 1 for liveness probes, was 3",
        AT + "readinessProbe.httpGet.port: must name a port of the container (http), was 'htp'",
        AT + "lifecycle.preStop.httpGet.port: must name a port of the container (http), was 'admin'");
  }

  @Test
  void sleepHooksMustFitTheGracePeriod() {
    Container container = web()
        .preStop(Hook.sleep(Duration.ofSeconds(45)))
        .postStart(Hook.sleep(Duration.ofMillis(500)))
        .build();
    assertThat(problems(container, APP)).containsExactly(
        AT + "lifecycle.postStart.sleep: must be a whole number of seconds, was 0.5s",
        AT + "lifecycle.preStop.sleep: must be at most the pod's termination grace period (30s), was 45s");
    ContainerContext longGrace = new ContainerContext(ContainerKind.APP, Set.of(), Set.of(), Duration.ofMinutes(1), false);
    assertThat(problems(web().preStop(Hook.sleep(Duration.ofSeconds(45))).build(), longGrace)).isEmpty();
    assertThat(problems(web().preStop(Hook.exec()).build(), APP))
        .containsExactly(AT + "lifecycle.preStop.exec.command: must not be empty");
  }

  @Test
  void initContainersMayNotHaveProbesOrHooksButSidecarsMay() {
    Container container = Container.named("migrate").image("ghcr.io/acme/migrate:1")
        .readiness(Probe.exec("true"))
        .startup(Probe.exec("true"))
        .preStop(Hook.sleep(Duration.ofSeconds(1)))
        .build();
    ContainerContext init = ContainerContext.of(ContainerKind.INIT, Set.of(), Set.of("migrate"));
    String at = "Deployment/web: spec.template.spec.initContainers[migrate].";
    assertThat(problems(container, init)).containsExactly(
        at + "readinessProbe: must not be set on an init container (only sidecars, which keep running, may have probes)",
        at + "startupProbe: must not be set on an init container (only sidecars, which keep running, may have probes)",
        at + "lifecycle: must not be set on an init container (only sidecars may have lifecycle hooks)");
    ContainerContext sidecar = ContainerContext.of(ContainerKind.SIDECAR, Set.of(), Set.of("migrate"));
    assertThat(problems(container.asSidecar(), sidecar)).isEmpty();
  }

  @Test
  void sidecarMarkerIsOnlyForInitContainers() {
    assertThat(problems(web().build().asSidecar(), APP)).containsExactly(AT + "restartPolicy: must not be set on"
        + " an app container: add native sidecars with PodTemplate.Builder.sidecar(...), which places them among"
        + " the init containers");
  }

  @Test
  void resourcesAndSecurityAreValidatedInPlace() {
    Container container = web()
        .resources(Resources.requests(Cpu.cores(1)).limits(Cpu.millis(500)))
        .security(ContainerSecurity.restricted().runAsUser(0))
        .build();
    assertThat(problems(container, APP)).containsExactly(
        AT + "resources.requests[cpu]: must be at most the cpu limit (500m), was 1",
        AT + "securityContext.runAsUser: must not be 0 (root) while the pod requires runAsNonRoot: choose a"
            + " non-zero uid or opt out with ContainerOptOut.runAsRoot(reason)");
    ContainerContext rootPod = new ContainerContext(ContainerKind.APP, Set.of(), Set.of(), Duration.ofSeconds(30), true);
    assertThat(problems(web().security(ContainerSecurity.restricted().runAsUser(0)).build(), rootPod)).isEmpty();
  }
}
