package dev.mizzen.dsl.app;

import static dev.mizzen.dsl.app.AppFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.render.Manifests;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;

class RawObjectTest {
  private static final String SERVICE_MONITOR = """
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata:
        name: web
        labels:
          release: prometheus
      spec:
        selector:
          matchLabels:
            app.kubernetes.io/name: web
        endpoints:
        - port: http
          interval: 30s
      """;

  private static V1ServiceAccount serviceAccount(String name) {
    return new V1ServiceAccount().apiVersion("v1").kind("ServiceAccount")
        .metadata(new V1ObjectMeta().name(name).putAnnotationsItem("team", "payments"))
        .automountServiceAccountToken(false);
  }

  @Test
  void aClientJavaObjectRendersAsItsOwnModelWithTheAppsNamespaceAndRecommendedLabels() {
    App app = App.named("shop").namespace("shop").add(RawObject.of(serviceAccount("web"))).build();

    KubernetesObject rendered = app.objects().get(0);
    assertThat(rendered).isInstanceOf(V1ServiceAccount.class);
    assertThat(rendered.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(rendered.getMetadata().getLabels()).containsExactly(entry("app.kubernetes.io/name", "web"),
        entry("app.kubernetes.io/part-of", "shop"), entry("app.kubernetes.io/managed-by", "mizzen"));
    assertThat(rendered.getMetadata().getAnnotations()).containsEntry("team", "payments");
    assertThat(((V1ServiceAccount) rendered).getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void theObjectIsCopiedWhenAddedAndRenderedFreshEachTime() {
    V1ServiceAccount original = serviceAccount("web");
    RawObject raw = RawObject.of(original).build();
    original.getMetadata().setName("changed");

    App app = App.named("shop").namespace("shop").add(raw).build();
    app.objects().get(0).getMetadata().getLabels().put("mutated", "yes");

    assertThat(app.objects().get(0).getMetadata().getName()).isEqualTo("web");
    assertThat(app.objects().get(0).getMetadata().getLabels()).doesNotContainKey("mutated");
  }

  @Test
  void aYamlDocumentOfAKindClientJavaDoesNotKnowRendersAsADynamicObject() {
    App app = App.named("shop").namespace("shop")
        .add(RawObject.fromYaml(SERVICE_MONITOR).component("web"))
        .build();

    assertThat(app.objects().get(0)).isInstanceOf(DynamicKubernetesObject.class);
    assertThat(app.yaml()).isEqualTo("""
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: web
          namespace: shop
          labels:
            app.kubernetes.io/name: web
            app.kubernetes.io/part-of: shop
            app.kubernetes.io/managed-by: mizzen
            release: prometheus
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: web
          endpoints:
          - port: http
            interval: "30s"
        """);
  }

  @Test
  void aYamlDocumentOfAKnownKindRendersAsItsModel() {
    App app = App.named("shop").namespace("shop")
        .add(RawObject.fromYaml("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n")).build();

    assertThat(app.objects().get(0)).isInstanceOf(V1ServiceAccount.class);
  }

  @Test
  void aClusterScopedKindGetsNoNamespace() {
    App app = App.named("shop").namespace("shop")
        .add(RawObject.of(new V1PriorityClass().apiVersion("scheduling.k8s.io/v1").kind("PriorityClass")
            .metadata(new V1ObjectMeta().name("shop-critical")).value(1000)))
        .add(RawObject.fromYaml("apiVersion: example.com/v1\nkind: ClusterThing\nmetadata:\n  name: a\n")
            .clusterScoped())
        .build();

    assertThat(app.objects()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isNull());
    assertThat(app.objects()).allSatisfy(o -> assertThat(o.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/part-of", "shop"));
  }

  @Test
  void whatCanBeCheckedWithoutASchemaIsCheckedAtOnce() {
    assertThat(problems(() -> RawObject.fromYaml("""
        kind: Thing
        metadata:
          name: Not_A_Name
          namespace: shop
          resourceVersion: "42"
          labels:
            "bad key!": x
        status:
          ready: true
        """).build())).containsExactly(
        "Thing/Not_A_Name: apiVersion: must be set, e.g. v1 or example.com/v1",
        "Thing/Not_A_Name: metadata.name: must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-' and"
            + " '.', starting and ending with a letter or digit), was 'Not_A_Name'",
        "Thing/Not_A_Name: metadata.labels[bad key!]: key 'bad key!' must have a name part of at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        "Thing/Not_A_Name: metadata.resourceVersion: is set by the API server: remove it (a copy of a live object"
            + " carries it)",
        "Thing/Not_A_Name: status: is set by the API server: remove it (a copy of a live object carries it)");
    assertThat(problems(() -> RawObject.of(new V1ServiceAccount().metadata(new V1ObjectMeta())).build()))
        .containsExactly(
            "ServiceAccount/: apiVersion: must be set, e.g. v1 or example.com/v1",
            "ServiceAccount/: kind: must be set, e.g. ServiceAccount",
            "ServiceAccount/: metadata.name: must be set: server-side apply needs a name");
    assertThat(problems(() -> RawObject.of(new V1PriorityClass().apiVersion("scheduling.k8s.io/v1")
        .kind("PriorityClass").metadata(new V1ObjectMeta().name("critical").namespace("shop"))).build()))
        .containsExactly("PriorityClass/critical: metadata.namespace: must be unset: PriorityClass is cluster-scoped,"
            + " was 'shop'");
  }

  @Test
  void aNamespaceOtherThanTheAppsIsReportedByTheApp() {
    assertThat(problems(() -> App.named("shop").namespace("shop")
        .add(ConfigMap.named("config").build())
        .add(RawObject.fromYaml(SERVICE_MONITOR.replace("  name: web\n", "  name: web\n  namespace: default\n")))
        .build())).containsExactly(
        "ServiceMonitor/web: metadata.namespace: is 'default', but the App's namespace is 'shop': remove it, and the"
            + " object renders in the App's namespace");
  }

  @Test
  void aYamlStringOfOtherThanOneObjectIsRefused() {
    assertThatThrownBy(() -> RawObject.fromYaml(SERVICE_MONITOR + "---\n" + SERVICE_MONITOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("yaml must hold one document, a Kubernetes object, but holds 2: add one RawObject per document");
    assertThatThrownBy(() -> RawObject.fromYaml("- a\n- b\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("yaml must hold one document, a Kubernetes object, but holds a list");
  }

  @Test
  void itRendersLikeTheRestWhenAppliedAsJson() {
    App app = App.named("shop").namespace("shop").add(RawObject.fromYaml(SERVICE_MONITOR)).build();

    assertThat(Manifests.json(app.objects().get(0))).startsWith("""
        {
          "apiVersion": "monitoring.coreos.com/v1",
          "kind": "ServiceMonitor",
          "metadata": {
            "name": "web",
            "namespace": "shop",
        """);
  }
}
