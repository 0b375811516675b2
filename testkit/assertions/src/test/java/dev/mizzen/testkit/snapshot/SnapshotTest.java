package dev.mizzen.testkit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.render.Manifests;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class SnapshotTest {

  @TempDir
  Path dir;

  private static V1Deployment deployment(Consumer<V1Deployment> change) {
    V1Deployment deployment = new V1Deployment()
        .apiVersion("apps/v1")
        .kind("Deployment")
        .metadata(new V1ObjectMeta().name("web").namespace("shop").labels(new LinkedHashMap<>(Map.of("app", "web"))))
        .spec(new V1DeploymentSpec()
            .replicas(3)
            .selector(new V1LabelSelector().matchLabels(Map.of("app", "web")))
            .template(new V1PodTemplateSpec()
                .metadata(new V1ObjectMeta().labels(Map.of("app", "web")))
                .spec(new V1PodSpec()
                    .containers(new ArrayList<>(List.of(
                        new V1Container()
                            .name("web")
                            .image("ghcr.io/acme/web:1.4.2")
                            .ports(List.of(new V1ContainerPort().name("http").containerPort(8080)))
                            .resources(new V1ResourceRequirements()
                                .limits(Map.of("memory", Quantity.fromString("512Mi")))),
                        new V1Container().name("proxy").image("envoy:1.30")))))));
    change.accept(deployment);
    return deployment;
  }

  private static V1Service service() {
    return new V1Service()
        .apiVersion("v1")
        .kind("Service")
        .metadata(new V1ObjectMeta().name("web").namespace("shop"))
        .spec(new V1ServiceSpec()
            .selector(Map.of("app", "web"))
            .ports(List.of(new V1ServicePort().name("http").port(80).targetPort(new IntOrString("http")))));
  }

  private static V1ConfigMap configMap(String properties) {
    return new V1ConfigMap()
        .apiVersion("v1")
        .kind("ConfigMap")
        .metadata(new V1ObjectMeta().name("web").namespace("shop"))
        .data(Map.of("app.properties", properties));
  }

  private static List<KubernetesObject> shop() {
    return List.of(deployment(d -> { }), service(), configMap("a=1\nb=2\n"));
  }

  private SnapshotFile snapshot(List<? extends KubernetesObject> objects) throws Exception {
    Path file = dir.resolve("shop.yaml");
    Files.writeString(file, Manifests.yaml(objects));
    return Snapshot.at(file).withUpdateMode(false);
  }

  @Test
  void matchesTheCommittedSnapshot() {
    Snapshot.assertMatches(shop());
  }

  @Test
  void theFileLivesNextToTheTestByConvention(TestInfo testInfo) {
    Path expected = Path.of("src/test/resources/dev/mizzen/testkit/snapshot/__snapshots__/SnapshotTest");

    assertThat(Snapshot.named("prod").path()).isAbsolute().endsWithRaw(expected.resolve("prod.yaml"));
    assertThat(Snapshot.named("prod").path().getParent().getParent().getParent().getParent().getParent()
        .getParent().getParent().getParent().getParent().getParent().getFileName()).hasToString("assertions");
    assertThat(Snapshot.of(testInfo).path())
        .endsWithRaw(expected.resolve("theFileLivesNextToTheTestByConvention.yaml"));
    assertThat(SnapshotLocation.ofCaller(null)).endsWithRaw(expected.resolve("theFileLivesNextToTheTestByConvention.yaml"));
    Path[] fromLambda = new Path[1];
    Runnable inLambda = () -> fromLambda[0] = SnapshotLocation.ofCaller(null);
    inLambda.run();
    assertThat(fromLambda[0]).endsWithRaw(expected.resolve("theFileLivesNextToTheTestByConvention.yaml"));
    assertThat(Snapshot.of(String.class, "x").path()).endsWithRaw(Path.of("java/lang/__snapshots__/String/x.yaml"));
  }

  @Nested
  class InANestedClass {
    @Test
    void usesTheNestedClassName() {
      assertThat(SnapshotLocation.ofCaller(null)).endsWithRaw(Path.of(
          "dev/mizzen/testkit/snapshot/__snapshots__/SnapshotTest.InANestedClass/usesTheNestedClassName.yaml"));
    }
  }

  @Test
  void namesAreChecked() {
    assertThatThrownBy(() -> Snapshot.named("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("snapshot name must be letters, digits, '.', '_' and '-' (not \"..\"), was ../escape");
  }

  @Test
  void theDirectoryCanBeConfigured() {
    System.setProperty(Snapshot.DIRECTORY_PROPERTY, dir.toString());
    try {
      assertThat(Snapshot.named("x").path())
          .isEqualTo(dir.resolve("dev/mizzen/testkit/snapshot/__snapshots__/SnapshotTest/x.yaml"));
    } finally {
      System.clearProperty(Snapshot.DIRECTORY_PROPERTY);
    }
  }

  @Test
  void matchingOutputPasses() throws Exception {
    snapshot(shop()).assertMatches(shop());
  }

  @Test
  void mismatchListsDifferencesByFieldPath() throws Exception {
    SnapshotFile snapshot = snapshot(shop());
    V1Deployment changed = deployment(d -> {
      d.getSpec().setReplicas(2);
      d.getMetadata().getLabels().put("tier", "front");
      V1Container web = d.getSpec().getTemplate().getSpec().getContainers().get(0);
      web.setImage("ghcr.io/acme/web:1.5.0");
      web.getResources().setLimits(Map.of("memory", Quantity.fromString("1Gi"), "cpu", Quantity.fromString("1")));
      d.getSpec().getTemplate().getSpec().getContainers().remove(1);
      d.getSpec().getTemplate().getSpec().getContainers().add(new V1Container().name("log").image("fluentbit"));
    });
    V1ConfigMap newService = new V1ConfigMap().apiVersion("v1").kind("ConfigMap")
        .metadata(new V1ObjectMeta().name("extra").namespace("shop"));

    assertThatThrownBy(() -> snapshot.assertMatches(List.of(changed, configMap("a=1\nb=3\n"), newService)))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("""
            Snapshot %s does not match (10 differences):
              Deployment/shop/web: metadata.labels[tier]: added "front"
              Deployment/shop/web: spec.replicas: expected 3, was 2
              Deployment/shop/web: spec.template.spec.containers[web].image: expected "ghcr.io/acme/web:1.4.2", \
            was "ghcr.io/acme/web:1.5.0"
              Deployment/shop/web: spec.template.spec.containers[web].resources.limits[memory]: expected "512Mi", \
            was "1Gi"
              Deployment/shop/web: spec.template.spec.containers[web].resources.limits[cpu]: added "1"
              Deployment/shop/web: spec.template.spec.containers[proxy]: removed (expected {name: "proxy", \
            image: "envoy:1.30"})
              Deployment/shop/web: spec.template.spec.containers[log]: added {name: "log", image: "fluentbit"}
              Service/shop/web: removed (in the snapshot, not in the output)
              ConfigMap/shop/web: data[app.properties]: line 2: expected "b=2", was "b=3"
              ConfigMap/shop/extra: added (not in the snapshot)
            If the new output is right, rerun with -Dmizzen.snapshots.update=true (or MIZZEN_UPDATE_SNAPSHOTS=1) \
            and review the change.""".formatted(snapshot.path()))
        .satisfies(error -> {
          AssertionFailedError failure = (AssertionFailedError) error;
          assertThat(failure.getExpected().getStringRepresentation()).isEqualTo(Manifests.yaml(shop()));
          assertThat(failure.getActual().getStringRepresentation()).startsWith("apiVersion: apps/v1");
        });
  }

  @Test
  void reportsReorderedObjectsAndListElements() throws Exception {
    SnapshotFile snapshot = snapshot(shop());
    V1Deployment swapped = deployment(d -> {
      List<V1Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
      containers.add(containers.remove(0));
    });

    assertThatThrownBy(() -> snapshot.assertMatches(List.of(service(), swapped, configMap("a=1\nb=2\n"))))
        .hasMessageContaining("""
              Deployment/shop/web: spec.template.spec.containers: order changed: expected [web, proxy], \
            was [proxy, web]
              objects in another order: expected [Deployment/shop/web, Service/shop/web, ConfigMap/shop/web], \
            was [Service/shop/web, Deployment/shop/web, ConfigMap/shop/web]
            """.stripTrailing());
  }

  @Test
  void unnamedListElementsAreComparedByIndex() throws Exception {
    V1Deployment args = deployment(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0)
        .args(List.of("--a", "--b")));
    SnapshotFile snapshot = snapshot(List.of(args));
    V1Deployment changed = deployment(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0)
        .args(List.of("--a", "--c", "--d")));

    assertThatThrownBy(() -> snapshot.assertMatches(changed)).hasMessageContaining("""
          Deployment/shop/web: spec.template.spec.containers[web].args[1]: expected "--b", was "--c"
          Deployment/shop/web: spec.template.spec.containers[web].args[2]: added "--d"
        """.stripTrailing());
  }

  @Test
  void missingSnapshotFailsWithHowToCreateIt() {
    SnapshotFile snapshot = Snapshot.at(dir.resolve("missing.yaml")).withUpdateMode(false);

    assertThatThrownBy(() -> snapshot.assertMatches(shop()))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("No snapshot at " + dir.resolve("missing.yaml") + ". To create it, run the test with"
            + " -Dmizzen.snapshots.update=true (or MIZZEN_UPDATE_SNAPSHOTS=1), then review and commit the file.");
    assertThat(dir.resolve("missing.yaml")).doesNotExist();
  }

  @Test
  void updateModeCreatesAndRewritesFiles() throws Exception {
    Path file = dir.resolve("deep/er/shop.yaml");
    SnapshotFile snapshot = Snapshot.at(file).withUpdateMode(true);

    snapshot.assertMatches(shop());
    assertThat(file).hasContent(Manifests.yaml(shop()));

    List<KubernetesObject> changed = List.of(deployment(d -> d.getSpec().setReplicas(5)));
    snapshot.assertMatches(changed);
    assertThat(file).hasContent(Manifests.yaml(changed));
    snapshot.withUpdateMode(false).assertMatches(changed);
  }

  @Test
  void updateModeFollowsTheSystemProperty() {
    String before = System.getProperty(Snapshot.UPDATE_PROPERTY);
    try {
      System.setProperty(Snapshot.UPDATE_PROPERTY, "true");
      assertThat(Snapshot.isUpdateMode()).isTrue();
      assertThat(Snapshot.at(dir.resolve("x.yaml"))).hasToString("snapshot " + dir.resolve("x.yaml") + " (update mode)");
      System.setProperty(Snapshot.UPDATE_PROPERTY, "1");
      assertThat(Snapshot.isUpdateMode()).isTrue();
      System.setProperty(Snapshot.UPDATE_PROPERTY, "false");
      assertThat(Snapshot.isUpdateMode()).isEqualTo(System.getenv(Snapshot.UPDATE_ENVIRONMENT) != null);
    } finally {
      if (before == null) {
        System.clearProperty(Snapshot.UPDATE_PROPERTY);
      } else {
        System.setProperty(Snapshot.UPDATE_PROPERTY, before);
      }
    }
  }

  @Test
  void formattingAndLineEndingsDoNotMatter() throws Exception {
    Path file = dir.resolve("shop.yaml");
    Files.writeString(file, """
        kind: Service\r
        apiVersion: v1\r
        metadata: {namespace: shop, name: web}\r
        spec:\r
          ports: [{name: http, port: 80, targetPort: http}]\r
          selector: {app: web}\r
        """);

    Snapshot.at(file).withUpdateMode(false).assertMatches(service());
  }

  @Test
  void yamlInputIsNormalisedThroughTheModels() throws Exception {
    SnapshotFile snapshot = snapshot(List.of(service()));

    snapshot.assertMatches("""
        # hand-written, keys in another order
        spec:
          selector: {app: web}
          ports:
          - {targetPort: http, port: 80, name: http}
        metadata: {namespace: shop, name: web}
        kind: Service
        apiVersion: v1
        """);
    assertThat(SnapshotFile.normalise("{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"web\","
        + " \"namespace\": \"shop\"}, \"spec\": {\"selector\": {\"app\": \"web\"}, \"ports\": [{\"name\": \"http\","
        + " \"port\": 80, \"targetPort\": \"http\"}]}}")).isEqualTo(Manifests.yaml(service()));
  }

  @Test
  void yamlInputThatWouldLoseFieldsIsRefused() {
    assertThatThrownBy(() -> SnapshotFile.normalise("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {portz: []}
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot normalise the YAML for a snapshot:\n  <snapshot input>:4:8: ERROR schema/unknown-field"
            + " Service/web: spec.portz: unknown field \"portz\" in ServiceSpec; did you mean \"ports\"?");
  }

  @Test
  void customResourcesAreKeptAsWritten() throws Exception {
    String widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}";
    Path file = dir.resolve("widget.yaml");
    SnapshotFile snapshot = Snapshot.at(file).withUpdateMode(true);

    snapshot.assertMatches(widget);
    assertThat(file).hasContent(widget + "\n");

    assertThatThrownBy(() -> snapshot.withUpdateMode(false).assertMatches(widget.replace("3", "4")))
        .hasMessageContaining("Widget/w: spec.size: expected 3, was 4");
  }

  @Test
  void anUnreadableSnapshotIsADifference() throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "apiVersion: [\n");

    assertThatThrownBy(() -> Snapshot.at(file).withUpdateMode(false).assertMatches(service()))
        .hasMessageContaining("the snapshot is not readable YAML: snapshot:2:1: ERROR schema/parse-error");
  }
}
