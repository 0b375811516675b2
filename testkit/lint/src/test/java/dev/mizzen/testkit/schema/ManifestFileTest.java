package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestFileTest {

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        creationTimestamp: 2025-05-01T12:00:00Z
      spec:
        replicas: 3
        selector:
          matchLabels: {app: web}
        strategy:
          rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: sidecar
              image: envoy
            - name: web
              image: nginx
              ports:
              - containerPort: 8080
              resources:
                limits: {cpu: 500m, memory: 1Gi}
              unknownField: dropped
      """;

  @Test
  void readsMultiDocumentYamlSkippingEmptyDocuments() {
    ManifestFile file = ManifestFile.parse("""
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        ---
        # only a comment
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, namespace: ns}
        """, "app.yaml");

    assertThat(file.isReadable()).isTrue();
    assertThat(file.problems()).isEmpty();
    assertThat(file.objects()).extracting(ManifestObject::ref).containsExactly("ConfigMap/a", "Service/ns/b");
    assertThat(file.objects()).extracting(ManifestObject::document).containsExactly(0, 3);
    assertThat(file.objects().get(1).location()).isEqualTo(SourceLocation.of("app.yaml", 9, 1));
    assertThat(file.objects().get(1).apiVersion()).isEqualTo("v1");
    assertThat(file.objects().get(1).kind()).isEqualTo("Service");
    assertThat(file.objects().get(1).namespace()).isEqualTo("ns");
    assertThat(file.objects().get(1).item()).isEmpty();
  }

  @Test
  void listsStandForTheirItems() {
    ManifestFile file = ManifestFile.parse("""
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
        - apiVersion: v1
          kind: Secret
          metadata: {name: b}
        ---
        apiVersion: v1
        kind: ServiceList
        items:
        - metadata: {name: c}
          spec: {ports: [{port: 80}]}
        """, "list.yaml");

    assertThat(file.objects()).extracting(ManifestObject::ref).containsExactly("ConfigMap/a", "Secret/b", "Service/c");
    assertThat(file.objects()).extracting(object -> object.item().getAsInt()).containsExactly(0, 1, 0);
    assertThat(file.objects()).extracting(ManifestObject::document).containsExactly(0, 0, 1);
    ManifestObject service = file.objects().get(2);
    assertThat(service.apiVersion()).isEqualTo("v1");
    assertThat(service.tree()).doesNotContainKey("kind");
    V1Service typed = service.object(V1Service.class).orElseThrow();
    assertThat(typed.getKind()).isEqualTo("Service");
    assertThat(typed.getApiVersion()).isEqualTo("v1");
    assertThat(typed.getSpec().getPorts().get(0).getPort()).isEqualTo(80);
  }

  @Test
  void readsJsonObjectsArraysAndTabs() {
    ManifestFile file = ManifestFile.parse("""
        [
        \t{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"k": "v"}},
        \t{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}},
        \t"not an object"
        ]
        """, "objects.json");

    assertThat(file.objects()).extracting(ManifestObject::ref).containsExactly("ConfigMap/a", "ConfigMap/b");
    assertThat(file.objects().get(1).location()).isEqualTo(SourceLocation.of("objects.json", 3, 2));
    assertThat(file.objects().get(0).object(V1ConfigMap.class).orElseThrow().getData()).containsEntry("k", "v");
    assertThat(file.problems()).singleElement().hasToString("objects.json:4:2: ERROR schema/wrong-type [2]:"
        + " a list item must be a map (a Kubernetes object), was the string \"not an object\"");
  }

  @Test
  void scalarsResolveAsKubectlReadsThem() {
    ManifestFile file = ManifestFile.parse("""
        a: yes
        b: "yes"
        c: y
        d: off
        e: 010
        f: 0x1F
        g: 1_000
        h: 3000000000
        i: 1.5
        j: ~
        k: 2025-01-01
        l: 12345678901234567890123
        m: null
        o: .inf
        n: no
        p: 10:30
        q: 1:20.5
        """, "t.yaml");

    Map<String, Object> tree = file.objects().get(0).tree();
    assertThat(tree).containsEntry("a", true).containsEntry("b", "yes").containsEntry("c", true)
        .containsEntry("d", false).containsEntry("e", 8).containsEntry("f", 31).containsEntry("g", 1000)
        .containsEntry("h", 3000000000L).containsEntry("i", 1.5).containsEntry("j", null)
        .containsEntry("k", "2025-01-01").containsEntry("m", null)
        .containsEntry("o", Double.POSITIVE_INFINITY)
        .as("go-yaml v2 reads a plain n as false, keys too").containsEntry("false", false)
        .as("no sexagesimal numbers in go-yaml v2").containsEntry("p", "10:30").containsEntry("q", "1:20.5");
    assertThat(tree.get("l")).isEqualTo(new java.math.BigInteger("12345678901234567890123"));
  }

  @Test
  void anchorsAliasesAndMergeKeys() {
    ManifestFile file = ManifestFile.parse("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          labels: &labels {app: web, tier: front}
          annotations:
            <<: *labels
            tier: back
        """, "t.yaml");

    ManifestObject object = file.objects().get(0);
    V1ConfigMap configMap = object.object(V1ConfigMap.class).orElseThrow();
    assertThat(configMap.getMetadata().getLabels()).containsExactly(Map.entry("app", "web"), Map.entry("tier", "front"));
    assertThat(configMap.getMetadata().getAnnotations())
        .containsOnly(Map.entry("app", "web"), Map.entry("tier", "back"));
    assertThat(SchemaCheck.check(file)).isEmpty();
  }

  @Test
  void recursiveAliasesAreUnreadable() {
    ManifestFile file = ManifestFile.parse("a: &x [1, *x]\n", "t.yaml");

    assertThat(file.isReadable()).isFalse();
    assertThat(file.parseError()).hasValueSatisfying(error -> assertThat(error)
        .hasToString("t.yaml:1:11: ERROR schema/parse-error cannot read YAML: unknown (or recursive) alias *x"));
  }

  @Test
  void syntaxErrorsKeepTheObjectsBefore() {
    ManifestFile file = ManifestFile.parse("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: "b}
        """, "t.yaml");

    assertThat(file.objects()).extracting(ManifestObject::ref).containsExactly("ConfigMap/a");
    assertThat(file.isReadable()).isFalse();
    SchemaFinding error = file.parseError().orElseThrow();
    assertThat(error.document()).isEqualTo(1);
    assertThat(error.location().line()).isEqualTo(8);
    assertThat(error.message()).startsWith("cannot read YAML: found unexpected end of stream");
    assertThat(file.problems()).containsExactly(error);
  }

  @Test
  void nonObjectDocumentsAreProblems() {
    ManifestFile file = ManifestFile.parse("just text\n---\n- 1\n", "t.yaml");

    assertThat(file.objects()).isEmpty();
    assertThat(file.problems()).map(SchemaFinding::toString).containsExactly(
        "t.yaml:1:1: ERROR schema/wrong-type a manifest document must be a map (a Kubernetes object with"
            + " apiVersion and kind), was the string \"just text\"",
        "t.yaml:3:3: ERROR schema/wrong-type [0]: a list item must be a map (a Kubernetes object),"
            + " was the integer 1");
  }

  @Test
  void locatesFieldsByPathIndexAndName() {
    ManifestObject deployment = ManifestFile.parse(DEPLOYMENT, "d.yaml").objects().get(0);

    assertThat(deployment.location("spec.replicas")).isEqualTo(SourceLocation.of("d.yaml", 8, 3));
    assertThat(deployment.location("spec.template.spec.containers[1].image"))
        .isEqualTo(SourceLocation.of("d.yaml", 21, 9));
    assertThat(deployment.location("spec.template.spec.containers[web].ports[0].containerPort"))
        .isEqualTo(SourceLocation.of("d.yaml", 23, 11));
    assertThat(deployment.location("spec.template.metadata.labels[app]"))
        .isEqualTo(SourceLocation.of("d.yaml", 15, 16));
    assertThat(deployment.location("spec.template.spec.containers[web].readinessProbe.httpGet"))
        .as("the deepest part that exists").isEqualTo(SourceLocation.of("d.yaml", 20, 9));
    assertThat(deployment.location("")).isEqualTo(SourceLocation.of("d.yaml", 1, 1));
  }

  @Test
  void tellsMapFieldsFromObjectFields() {
    ManifestObject deployment = ManifestFile.parse(DEPLOYMENT, "d.yaml").objects().get(0);

    assertThat(deployment.isMapField("metadata.labels")).isTrue();
    assertThat(deployment.isMapField("spec.selector.matchLabels")).isTrue();
    assertThat(deployment.isMapField("spec.template.spec.containers[web].resources.limits")).isTrue();
    assertThat(deployment.isMapField("spec.template.spec.containers[0].resources.limits")).isTrue();
    assertThat(deployment.isMapField("spec.selector")).isFalse();
    assertThat(deployment.isMapField("spec.template.spec.containers")).isFalse();
    assertThat(deployment.isMapField("spec.nonsense")).isFalse();
    assertThat(ManifestFile.parse("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "s.yaml")
        .objects().get(0).isMapField("spec.selector")).as("a Service's selector is a map").isTrue();
  }

  @Test
  void convertsToTypedObjectsLeavingOutWhatDoesNotFit() {
    ManifestObject object = ManifestFile.parse(DEPLOYMENT, "d.yaml").objects().get(0);

    V1Deployment deployment = object.object(V1Deployment.class).orElseThrow();
    assertThat(object.modelClass()).contains(V1Deployment.class);
    assertThat(object.object(V1Service.class)).isEmpty();
    assertThat(object.object()).containsSame(deployment);
    assertThat(deployment.getMetadata().getName()).isEqualTo("web");
    assertThat(deployment.getMetadata().getCreationTimestamp())
        .isEqualTo(OffsetDateTime.parse("2025-05-01T12:00:00Z"));
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge())
        .isEqualTo(new IntOrString("25%"));
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
        .isEqualTo(new IntOrString(1));
    V1Container web = deployment.getSpec().getTemplate().getSpec().getContainers().get(1);
    assertThat(web.getName()).isEqualTo("web");
    assertThat(web.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(web.getResources().getLimits()).containsEntry("cpu", Quantity.fromString("500m"))
        .containsEntry("memory", Quantity.fromString("1Gi"));
  }

  @Test
  void decodesSecretDataAndSkipsUnknownKinds() {
    ManifestFile file = ManifestFile.parse("""
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data: {password: aHVudGVyMg==}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
        """, "t.yaml");

    V1Secret secret = file.objects().get(0).object(V1Secret.class).orElseThrow();
    assertThat(new String(secret.getData().get("password"), StandardCharsets.UTF_8)).isEqualTo("hunter2");
    assertThat(file.objects().get(1).object()).isEmpty();
    assertThat(file.objects().get(1).modelClass()).isEmpty();
    assertThat(file.objects().get(1).tree()).containsKey("metadata");
  }

  @Test
  void readingAMissingFileThrows() {
    assertThatThrownBy(() -> ManifestFile.read(Path.of("does/not/exist.yaml")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("does/not/exist.yaml");
  }

  @Test
  void treeIsReadOnly() {
    Map<String, Object> tree = ManifestFile.parse(DEPLOYMENT, "d.yaml").objects().get(0).tree();

    assertThatThrownBy(() -> tree.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(tree.keySet())).containsExactly("apiVersion", "kind", "metadata", "spec");
  }
}
