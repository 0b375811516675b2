package dev.mizzen.dsl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestsTest {

  private static V1Deployment deployment() {
    return new V1Deployment()
        .apiVersion("apps/v1")
        .kind("Deployment")
        .metadata(new V1ObjectMeta().name("web").namespace("shop").labels(Map.of("app", "web")))
        .spec(new V1DeploymentSpec()
            .replicas(3)
            .selector(new V1LabelSelector().matchLabels(Map.of("app", "web")))
            .template(new V1PodTemplateSpec()
                .metadata(new V1ObjectMeta().labels(Map.of("app", "web")))
                .spec(new V1PodSpec()
                    .containers(List.of(new V1Container()
                        .name("web")
                        .image("ghcr.io/acme/web:1.4.2")
                        .args(new ArrayList<>())
                        .ports(List.of(new V1ContainerPort().name("http").containerPort(8080)))
                        .resources(new V1ResourceRequirements()
                            .requests(Map.of("cpu", Quantity.fromString("250m")))
                            .limits(Map.of("memory", Quantity.fromString("512Mi"))))))
                    .volumes(List.of(new V1Volume().name("tmp").emptyDir(new V1EmptyDirVolumeSource()))))));
  }

  @Test
  void yamlHasConventionalOrderNoEmptiesAndKubectlIndentation() {
    assertThat(Manifests.yaml(deployment())).isEqualTo("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: ghcr.io/acme/web:1.4.2
                ports:
                - name: http
                  containerPort: 8080
                resources:
                  limits:
                    memory: 512Mi
                  requests:
                    cpu: 250m
              volumes:
              - name: tmp
                emptyDir: {}
        """);
  }

  @Test
  void aContainerStartsWithItsNameAndImageAsPeopleWriteIt() {
    V1Container container = new V1Container()
        .args(List.of("--port", "8080"))
        .command(List.of("/web"))
        .env(List.of(new V1EnvVar().name("LOG_LEVEL").value("info")))
        .image("ghcr.io/acme/web:1.4.2")
        .imagePullPolicy("IfNotPresent")
        .name("web");

    assertThat(Manifests.tree(new V1Deployment().spec(new V1DeploymentSpec().template(new V1PodTemplateSpec()
        .spec(new V1PodSpec().containers(List.of(container)))))).toString())
        .contains("{name=web, image=ghcr.io/acme/web:1.4.2, args=[--port, 8080], command=[/web],"
            + " env=[{name=LOG_LEVEL, value=info}], imagePullPolicy=IfNotPresent}");
  }

  @Test
  void aDynamicObjectRendersLikeAModelObject() {
    DynamicKubernetesObject monitor = new DynamicKubernetesObject(JsonParser.parseString("""
        {"spec": {"endpoints": [{"port": "http", "interval": "30s", "honorLabels": true, "scrapeTimeout": null}],
                  "sampleLimit": 1000, "ratio": 0.5, "selector": {}, "targetLabels": []},
         "metadata": {"namespace": "shop", "name": "web", "labels": {}},
         "kind": "ServiceMonitor", "apiVersion": "monitoring.coreos.com/v1"}
        """).getAsJsonObject());

    assertThat(Manifests.yaml(monitor)).isEqualTo("""
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: web
          namespace: shop
          labels: {}
        spec:
          endpoints:
          - port: http
            interval: "30s"
            honorLabels: true
          sampleLimit: 1000
          ratio: 0.5
          selector: {}
        """);
  }

  @Test
  void yamlReadsBackToEqualObjects() {
    // client-java models start lists and maps empty rather than null, so "the same" is
    // compared as the API sees it: the serialised trees.
    V1Deployment original = deployment();
    var read = Manifests.read(Manifests.yaml(List.of(original, original)));
    assertThat(read).hasSize(2).allSatisfy(object ->
        assertThat(Manifests.tree(object)).isEqualTo(Manifests.tree(original)));
    assertThat(read.get(0)).isInstanceOf(V1Deployment.class);
  }

  @Test
  void sameInputSameBytes() {
    assertThat(Manifests.yaml(deployment())).isEqualTo(Manifests.yaml(deployment()));
    assertThat(Manifests.json(deployment())).isEqualTo(Manifests.json(deployment()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "true", "no", "on", "Off", "y", "null", "~", "", " leading", "trailing ", "123", "0755", "1.5",
      "1e3", "0x1F", ".inf", "-1", "2001-12-14", "a: b", "a #b", "*ref", "&anchor", "!tag", "@at", "`x",
      "- item", "[x]", "{x}", "key:", "%x", "|x", ">x", "'q'", "\"q\"", "line\nline", "two\n\n",
      "tab\there", "0 3 * * *", "250m", "512Mi", "ünïcødé", "http://example.com/a?b=c",
      "no-trailing-newline\nlast", "  indented\nblock", "/ready", "ghcr.io/acme/web:1.4.2"})
  void everyStringReadsBackUnchanged(String value) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("k", value);
    data.put(value.isEmpty() ? "empty" : value.replace("\n", "_").replace("\u0001", "_"), "v");
    V1ConfigMap config = new V1ConfigMap().apiVersion("v1").kind("ConfigMap")
        .metadata(new V1ObjectMeta().name("c")).data(data);
    assertThat(Manifests.read(Manifests.yaml(config)))
        .singleElement()
        .satisfies(object -> assertThat(Manifests.tree(object)).isEqualTo(Manifests.tree(config)));
  }

  @Test
  void plainScalarsStayPlain() {
    assertThat(YamlWriter.isPlain("ghcr.io/acme/web:1.4.2")).isTrue();
    assertThat(YamlWriter.isPlain("250m")).isTrue();
    assertThat(YamlWriter.isPlain("/ready")).isTrue();
    assertThat(YamlWriter.isPlain("0 3 * * *")).isFalse();
    assertThat(YamlWriter.isPlain("yes")).isFalse();
  }

  @Test
  void secretBytesAndIntOrStringRenderLikeTheApi() {
    V1Secret secret = new V1Secret().apiVersion("v1").kind("Secret")
        .metadata(new V1ObjectMeta().name("s"))
        .data(Map.of("password", "hunter2".getBytes(StandardCharsets.UTF_8)));
    assertThat(Manifests.yaml(secret)).contains("  password: aHVudGVyMg==\n");
    assertThat(ObjectTree.of(new V1Deployment().spec(new V1DeploymentSpec()
        .strategy(new io.kubernetes.client.openapi.models.V1DeploymentStrategy()
            .rollingUpdate(new io.kubernetes.client.openapi.models.V1RollingUpdateDeployment()
                .maxSurge(new IntOrString("25%")).maxUnavailable(new IntOrString(0)))))))
        .containsEntry("spec", Map.of("strategy",
            Map.of("rollingUpdate", Map.of("maxSurge", "25%", "maxUnavailable", 0))));
  }

  @Test
  void jsonIsPrettyAndOrdered() {
    V1ConfigMap config = new V1ConfigMap().apiVersion("v1").kind("ConfigMap")
        .metadata(new V1ObjectMeta().name("c")).data(Map.of("quote", "a\"b"));
    assertThat(Manifests.json(config)).isEqualTo("""
        {
          "apiVersion": "v1",
          "kind": "ConfigMap",
          "metadata": {
            "name": "c"
          },
          "data": {
            "quote": "a\\"b"
          }
        }
        """);
  }

  @Test
  void plainTreesAsJson() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", "say \"hi\"\n\u2028");
    tree.put("items", List.of(1, 2.5, true));
    tree.put("empty", Map.of());
    tree.put("none", null);
    tree.put("nested", List.of(Map.of("a", List.of("b"))));
    assertThat(Manifests.treeJson(tree)).isEqualTo("""
        {
          "name": "say \\"hi\\"\\n\\u2028",
          "items": [
            1,
            2.5,
            true
          ],
          "empty": {},
          "none": null,
          "nested": [
            {
              "a": [
                "b"
              ]
            }
          ]
        }
        """);
    assertThat(Manifests.treeJson(tree, 1)).isEqualTo("""
        {
          "name": "say \\"hi\\"\\n\\u2028",
          "items": [1, 2.5, true],
          "empty": {},
          "none": null,
          "nested": [{"a": ["b"]}]
        }
        """);
    assertThat(Manifests.treeJson(List.of(Map.of("a", 1), Map.of("b", 2)), 0)).isEqualTo("[{\"a\": 1}, {\"b\": 2}]\n");
    assertThat(Manifests.treeJson(List.of())).isEqualTo("[]\n");
  }

  @Test
  void jsonOfAnObjectIsJsonOfItsTree() {
    V1ConfigMap config = new V1ConfigMap().apiVersion("v1").kind("ConfigMap")
        .metadata(new V1ObjectMeta().name("app")).data(Map.of("k", "v"));
    assertThat(Manifests.treeJson(Manifests.tree(config))).isEqualTo(Manifests.json(config));
  }

  @Test
  void treesHoldOnlyPlainValues() {
    assertThatThrownBy(() -> Manifests.treeJson(List.of(new V1ConfigMap())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a io.kubernetes.client.openapi.models.V1ConfigMap");
    assertThatThrownBy(() -> Manifests.treeJson(Double.NaN))
        .hasMessageContaining("not NaN");
  }
}
