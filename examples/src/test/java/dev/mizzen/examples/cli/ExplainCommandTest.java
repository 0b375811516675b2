package dev.mizzen.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.examples.presets.PresetsApp;
import dev.mizzen.examples.shop.ShopApp;
import dev.mizzen.testkit.cluster.TestFleet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mizzen explain}, run in-process on the shop app and the checked-in standard fleet. */
class ExplainCommandTest {
  /** The checked-in fleet file (tests run in examples/). */
  static final Path STANDARD_FLEET = Path.of("fleets/standard.yaml");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir
  Path dir;

  private int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** The lines of the output's paragraph about {@code workload} ({@code Deployment/shop/web}). */
  private List<String> paragraph(String workload) {
    String text = out();
    int start = text.indexOf(workload + " (");
    assertThat(start).as("a paragraph about " + workload + " in\n" + text).isNotNegative();
    int end = text.indexOf("\n\n", start);
    return Arrays.asList(text.substring(start, end < 0 ? text.length() : end).split("\n"));
  }

  @Test
  void theStandardFleetFileIsTheTestFleet() throws IOException {
    String text = Files.readString(STANDARD_FLEET, StandardCharsets.UTF_8);
    String withoutComments = text.lines().dropWhile(line -> line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");

    assertThat(withoutComments).isEqualTo(Manifests.yaml(TestFleet.standard().toV1Nodes()));
  }

  @Test
  void webLandsOnlyOnGeneralNodesOfTheStandardFleet() throws IOException {
    Path shop = file("shop.yaml", ShopApp.app().yaml());

    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString(), shop.toString())).as(err()).isZero();

    List<String> web = paragraph("Deployment/shop/web");
    assertThat(web.get(0)).isEqualTo(
        "Deployment/shop/web (3 replicas: HorizontalPodAutoscaler/shop/web scales it from 3 to 10)");
    assertThat(web.get(1)).isEqualTo("  can go to 3 of 6 nodes: general-zone-a-1, general-zone-b-1, general-zone-c-1");
    assertThat(web.get(2)).isEqualTo("  cannot go to 3 nodes: 3 node(s) had untolerated taint {nvidia.com/gpu: present}");
    assertThat(web).contains("    gpu-zone-a-1: node(s) had untolerated taint {nvidia.com/gpu: present};"
        + " node(s) didn't match Pod's node affinity/selector");
    assertThat(web).contains(
        "  3 replicas: general-zone-a-1 1, general-zone-b-1 1, general-zone-c-1 1; per zone: zone-a 1, zone-b 1, zone-c 1");
    assertThat(web.stream().filter(line -> line.startsWith("  10 replicas (the autoscaler's maximum): ")))
        .singleElement().satisfies(line -> assertThat(line).doesNotContain("gpu-"));
    assertThat(paragraph("DaemonSet/shop/node-exporter")).contains("  6 pods, one on each of general-zone-a-1,"
        + " general-zone-b-1, general-zone-c-1, gpu-zone-a-1, gpu-zone-b-1, gpu-zone-c-1; per zone: zone-a 2, zone-b 2,"
        + " zone-c 2");
    assertThat(out()).contains("Deployment/shop/api (2 replicas)", "StatefulSet/shop/db (1 replica)",
        "CronJob/shop/report (1 pod per run)");
    assertThat(err()).isEqualTo("5 workloads of 19 objects explained on 6 nodes: every pod finds a node\n");
  }

  @Test
  void thePresetsSpreadAndFindTheGpuPool() throws IOException {
    Path lab = file("lab.yaml", PresetsApp.app().yaml());

    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString(), lab.toString())).as(out()).isZero();

    List<String> hello = paragraph("Deployment/lab/hello");
    assertThat(hello).contains("  3 replicas: general-zone-a-1 1, general-zone-b-1 1, general-zone-c-1 1;"
        + " per zone: zone-a 1, zone-b 1, zone-c 1");
    assertThat(hello).contains("  12 replicas (the autoscaler's maximum): general-zone-a-1 4, general-zone-b-1 4,"
        + " general-zone-c-1 4; per zone: zone-a 4, zone-b 4, zone-c 4");
    List<String> llm = paragraph("Deployment/lab/llm");
    assertThat(llm.get(1)).isEqualTo("  can go to 3 of 6 nodes: gpu-zone-a-1, gpu-zone-b-1, gpu-zone-c-1");
    assertThat(llm.get(llm.size() - 1)).matches("  1 replica: gpu-zone-.-1 1; per zone: zone-. 1");
  }

  @Test
  void aPodAskingForAGpuWithoutTheTolerationGetsKubeSchedulersSummaryLineAndExitsWithOne() throws IOException {
    Path manifest = file("train.yaml", """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: train
          namespace: ml
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: train
                image: ghcr.io/acme/train:1.0.0
                resources:
                  limits:
                    nvidia.com/gpu: 1
        """);

    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString(), manifest.toString())).isEqualTo(1);

    assertThat(paragraph("Job/ml/train")).containsExactly(
        "Job/ml/train (1 pod at a time)",
        "  can go nowhere: 0/6 nodes are available: 3 Insufficient nvidia.com/gpu, 3 node(s) had untolerated taint"
            + " {nvidia.com/gpu: present}. preemption: 0/6 nodes are available: 3 No preemption victims found for"
            + " incoming pod, 3 Preemption is not helpful for scheduling.",
        "  cannot go to 6 nodes:",
        "    general-zone-a-1: Insufficient nvidia.com/gpu",
        "    general-zone-b-1: Insufficient nvidia.com/gpu",
        "    general-zone-c-1: Insufficient nvidia.com/gpu",
        "    gpu-zone-a-1: node(s) had untolerated taint {nvidia.com/gpu: present}",
        "    gpu-zone-b-1: node(s) had untolerated taint {nvidia.com/gpu: present}",
        "    gpu-zone-c-1: node(s) had untolerated taint {nvidia.com/gpu: present}",
        "  1 pod: 1 Pending: 0/6 nodes are available: 3 Insufficient nvidia.com/gpu, 3 node(s) had untolerated taint"
            + " {nvidia.com/gpu: present}. preemption: 0/6 nodes are available: 3 No preemption victims found for"
            + " incoming pod, 3 Preemption is not helpful for scheduling.");
    assertThat(err()).isEqualTo("1 workload of 1 object explained on 6 nodes: 1 with pods that stay Pending\n");
  }

  @Test
  void aDaemonSetPodThatLacksRoomIsPendingAndOneThatIsTaintedOffIsNotCreated() throws IOException {
    Path manifest = file("agent.yaml", """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: ops
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata:
              labels: {app: agent}
            spec:
              nodeSelector: {node-pool: general}
              containers:
              - name: agent
                image: ghcr.io/acme/agent:1.0.0
                resources: {requests: {cpu: "9"}}
        """);

    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString(), manifest.toString())).isEqualTo(1);

    assertThat(paragraph("DaemonSet/ops/agent")).last().isEqualTo("  0 pods; 3 Pending, for general-zone-a-1,"
        + " general-zone-b-1, general-zone-c-1; none for the 3 other nodes (taints, node selector or affinity)");
  }

  @Test
  void aFleetFileWithSomethingElseThanNodesIsBadInputNamingFileAndDocument() throws IOException {
    Path shop = file("shop.yaml", ShopApp.app().yaml());
    Path fleet = file("fleet.yaml", Files.readString(STANDARD_FLEET) + "---\n" + Manifests.yaml(ShopApp.app().objects().get(0)));

    assertThat(run("explain", "--fleet", fleet.toString(), shop.toString())).isEqualTo(2);

    long line = Files.readString(STANDARD_FLEET).lines().count() + 2;     // after the Nodes and "---"
    assertThat(err()).isEqualTo("mizzen explain: " + fleet + ":" + line + ":1: document 7: Namespace/shop is not a Node:"
        + " a fleet file holds only Nodes, as a List (kubectl get nodes -o yaml) or as YAML documents\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void unreadableYamlIsBadInputWithLineAndDocument() throws IOException {
    Path shop = file("shop.yaml", ShopApp.app().yaml());
    Path fleet = file("fleet.yaml", """
        apiVersion: v1
        kind: Node
        metadata:
          name: a
        ---
        apiVersion: v1
        kind: Node
        metadata:
          name: b
            labels: {}
        """);

    assertThat(run("explain", "--fleet", fleet.toString(), shop.toString())).isEqualTo(2);

    assertThat(err()).startsWith("mizzen explain: " + fleet + ":10:11: document 2: cannot read YAML: mapping values are"
        + " not allowed here");
  }

  @Test
  void missingFilesAndArgumentsAreBadUsage() throws IOException {
    Path shop = file("shop.yaml", ShopApp.app().yaml());

    assertThat(run("explain", "--fleet", dir.resolve("none.yaml").toString(), shop.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("mizzen explain: cannot read " + dir.resolve("none.yaml") + ": no such file\n");
    err.reset();
    assertThat(run("explain", shop.toString())).isEqualTo(2);
    assertThat(err()).startsWith("mizzen: explain needs --fleet FLEET.yaml").contains("usage:");
    err.reset();
    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString())).isEqualTo(2);
    assertThat(err()).startsWith("mizzen: explain needs at least one MANIFEST.yaml");
  }

  @Test
  void aWorkloadWithoutAPodTemplateIsBadInput() throws IOException {
    Path manifest = file("broken.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
        """);

    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString(), manifest.toString())).isEqualTo(2);

    assertThat(err()).isEqualTo("mizzen explain: " + manifest + ":6:1: document 2: Deployment/default/web has no pod to"
        + " explain: spec.template.spec.containers is missing or empty\n");
  }

  @Test
  void aNodeListAsKubectlPrintsItIsAFleet() throws IOException {
    Path fleet = file("nodes.yaml", """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Node
          metadata:
            name: worker-1
            labels: {topology.kubernetes.io/zone: a, kubernetes.io/hostname: worker-1}
          spec:
            unschedulable: true
          status:
            allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
            capacity: {cpu: "2", memory: 4Gi, pods: "110"}
            conditions: [{type: Ready, status: "True"}]
            nodeInfo: {kubeletVersion: v1.33.1}
        - apiVersion: v1
          kind: Node
          metadata:
            name: worker-2
            labels: {topology.kubernetes.io/zone: b, kubernetes.io/hostname: worker-2}
          status:
            allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
        metadata:
          resourceVersion: ""
        """);
    Path shop = file("shop.yaml", ShopApp.app().yaml());

    assertThat(run("explain", "--fleet", fleet.toString(), shop.toString())).isEqualTo(1);

    assertThat(paragraph("Deployment/shop/api")).contains("  can go to 1 of 2 nodes: worker-2",
        "    worker-1: node(s) were unschedulable");
    assertThat(paragraph("Deployment/shop/web").get(1)).startsWith("  can go nowhere: 0/2 nodes are available:");
    // The DaemonSet controller's tolerations let node-exporter onto the cordoned node.
    assertThat(paragraph("DaemonSet/shop/node-exporter")).contains(
        "  2 pods, one on each of worker-1, worker-2; per zone: a 1, b 1");
  }

  @Test
  void aJsonNodeListIsAFleetToo() throws IOException {
    Path fleet = file("nodes.json", """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Node",
           "metadata": {"name": "worker-1", "labels": {"node-pool": "general", "topology.kubernetes.io/zone": "a"}},
           "status": {"allocatable": {"cpu": "4", "memory": "8Gi", "pods": "110"}}}]}
        """);
    Path shop = file("shop.yaml", ShopApp.app().yaml());

    assertThat(run("explain", "--fleet", fleet.toString(), shop.toString())).isZero();

    assertThat(paragraph("Deployment/shop/web")).contains("  can go to 1 of 1 nodes: worker-1",
        "  3 replicas: worker-1 3; per zone: a 3");
  }

  @Test
  void namespacesOfTheManifestFeedNamespaceSelectorsAndEarlierWorkloadsAreSeen() throws IOException {
    String cache = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cache
          namespace: platform
        spec:
          replicas: 1
          selector: {matchLabels: {app: cache}}
          template:
            metadata:
              labels: {app: cache}
            spec:
              containers: [{name: cache, image: "redis:7.4.1"}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          replicas: 2
          selector: {matchLabels: {app: api}}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers: [{name: api, image: "ghcr.io/acme/api:2.0.1"}]
              affinity:
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - topologyKey: kubernetes.io/hostname
                    labelSelector: {matchLabels: {app: cache}}
                    namespaceSelector: {matchLabels: {team: platform}}
        """;
    Path withoutNamespace = file("without.yaml", cache);
    Path withNamespace = file("with.yaml", """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: platform
          labels: {team: platform}
        ---
        """ + cache);

    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString(), withoutNamespace.toString())).isEqualTo(1);
    assertThat(paragraph("Deployment/shop/api").get(1)).isEqualTo("  can go nowhere: 0/6 nodes are available:"
        + " 3 node(s) didn't match pod affinity rules, 3 node(s) had untolerated taint {nvidia.com/gpu: present}."
        + " preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.");
    out.reset();
    err.reset();

    assertThat(run("explain", "--fleet", STANDARD_FLEET.toString(), withNamespace.toString())).as(out()).isZero();
    List<String> placed = paragraph("Deployment/platform/cache");
    String cacheNode = placed.get(placed.size() - 1).replaceAll("^  1 replica: (\\S+) 1;.*$", "$1");
    assertThat(paragraph("Deployment/shop/api")).contains("  can go to 1 of 6 nodes: " + cacheNode)
        .anySatisfy(line -> assertThat(line).startsWith("  2 replicas: " + cacheNode + " 2;"));
  }
}
