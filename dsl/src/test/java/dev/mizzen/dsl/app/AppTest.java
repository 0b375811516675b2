package dev.mizzen.dsl.app;

import static dev.mizzen.dsl.app.AppFixtures.deployment;
import static dev.mizzen.dsl.app.AppFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.identity.PodSecurityLevel;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.network.PodSelector;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.dsl.workload.Deployment;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppTest {
  private static App shop() {
    return App.named("shop").namespace("shop")
        .add(Namespace.named("shop").enforce(PodSecurityLevel.RESTRICTED).build(),
            ConfigMap.named("web-config").component("web").data("LOG_FORMAT", "json").build(),
            deployment("web", Port.http(8080)).replicas(3).build(),
            Service.named("web").selecting("web").port(80, "http").build())
        .build();
  }

  @Test
  void objectsAreAddedOneWay() {
    assertThat(java.util.Arrays.stream(App.Builder.class.getMethods())
            .filter(m -> m.getDeclaringClass() == App.Builder.class)
            .map(java.lang.reflect.Method::getName)
            .distinct()
            .sorted())
        .containsExactly("add", "build", "managedBy", "namespace");
  }

  @Test
  void objectsRenderInOrderWithTheNamespaceAndPartOfLabel() {
    List<KubernetesObject> objects = shop().objects();

    assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("Namespace/shop", "ConfigMap/web-config", "Deployment/web", "Service/web");
    assertThat(objects.get(0).getMetadata().getNamespace()).isNull();
    assertThat(objects.subList(1, 4)).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("shop"));
    assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/part-of", "shop")
        .containsEntry("app.kubernetes.io/managed-by", "mizzen"));
    V1Deployment web = (V1Deployment) objects.get(2);
    assertThat(web.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop"));
    assertThat(web.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/part-of", "shop");
    assertThat(((V1Namespace) objects.get(0)).getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void anObjectsOwnNamespaceWins() {
    App app = App.named("shop").namespace("shop")
        .add(ConfigMap.named("shared").namespace("platform").build()).build();
    assertThat(app.objects().get(0).getMetadata().getNamespace()).isEqualTo("platform");
  }

  @Test
  void managedByAndContext() {
    App app = App.named("shop").namespace("shop").managedBy("platform-tool")
        .add(ConfigMap.named("cfg").build()).build();
    assertThat(app.context()).isEqualTo(RenderContext.of("shop", "shop").withManagedBy("platform-tool"));
    assertThat(app.objects().get(0).getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "platform-tool");
    assertThat(App.named("shop").namespace("shop").build().managedBy()).isEqualTo("mizzen");
  }

  @Test
  void yamlAndJsonAreDeterministic() {
    String yaml = shop().yaml();

    assertThat(shop().yaml()).isEqualTo(yaml);
    assertThat(yaml).isEqualTo(Manifests.yaml(shop().objects()));
    assertThat(yaml).startsWith("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
    assertThat(yaml.split("\n---\n")).hasSize(4);
    assertThat(Manifests.read(yaml)).extracting(Manifests::tree)
        .isEqualTo(shop().objects().stream().map(Manifests::tree).toList());
    assertThat(shop().json()).isEqualTo(shop().json()).startsWith("{\n").contains("\"kind\": \"List\"");
  }

  @Test
  void objectsAreFreshOnEveryCall() {
    App app = shop();
    app.objects().get(2).getMetadata().getLabels().put("mutated", "yes");
    assertThat(app.objects().get(2).getMetadata().getLabels()).doesNotContainKey("mutated");
  }

  @Test
  void addTakesIterablesToo() {
    App app = App.named("shop").namespace("shop")
        .add(List.of(ConfigMap.named("a").build(), ConfigMap.named("b").build())).build();
    assertThat(app.resources()).extracting(r -> r.name()).containsExactly("a", "b");
  }

  @Test
  void objectsOfTheSameKindAndNameAreDuplicatesInOneNamespace() {
    assertThat(problems(() -> App.named("shop").namespace("shop")
        .add(ConfigMap.named("cfg").build(), ConfigMap.named("cfg").data("a", "b").build(),
            ConfigMap.named("cfg").namespace("shop").build(),
            ConfigMap.named("cfg").namespace("other").build(),
            Service.named("cfg").selecting("cfg").port(80).build())
        .build())).containsExactly(
        "App/shop: resources[ConfigMap/cfg]: is added more than once in namespace 'shop': each kind and name must"
            + " be unique",
        "App/shop: resources[ConfigMap/cfg]: is added more than once in namespace 'shop': each kind and name must"
            + " be unique",
        "Service/cfg: spec.selector: selects the pods of component 'cfg', but no workload of the app has such pods"
            + " (it has none in namespace 'shop'): select a workload of the app, e.g. selecting(workload)");
  }

  /** The example of docs/workloads.md ("Selectors and tracks"), and what it renders. */
  @Test
  void twoTracksOfOneComponentBehindOneService() {
    Deployment stable = Deployment.named("web")
        .track("stable")
        .replicas(9)
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2")
            .port(Port.http(8080))))
        .build();
    Deployment canary = Deployment.named("web-canary")
        .component("web")              // the same component: app.kubernetes.io/name=web
        .track("canary")
        .replicas(1)
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.5.0")
            .port(Port.http(8080))))
        .build();
    Service web = Service.named("web").selecting("web").port(80, "http").build();   // reaches both tracks

    App shop = App.named("shop").namespace("shop").add(stable, canary, web).build();

    List<KubernetesObject> objects = shop.objects();
    V1Deployment stableRendered = (V1Deployment) objects.get(0);
    V1Deployment canaryRendered = (V1Deployment) objects.get(1);
    Map<String, String> component = Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop");
    assertThat(stableRendered.getSpec().getSelector().getMatchLabels())
        .containsAllEntriesOf(component).containsEntry("track", "stable").hasSize(3);
    assertThat(canaryRendered.getSpec().getSelector().getMatchLabels())
        .containsAllEntriesOf(component).containsEntry("track", "canary").hasSize(3);
    assertThat(stableRendered.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(stableRendered.getSpec().getSelector().getMatchLabels())
        .doesNotContainEntry("track", "canary");
    assertThat(canaryRendered.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(canaryRendered.getSpec().getSelector().getMatchLabels())
        .doesNotContainEntry("track", "stable");
    assertThat(((V1Service) objects.get(2)).getSpec().getSelector()).isEqualTo(component);
    assertThat(shop.yaml()).contains("""
          selector:
            matchLabels:
              app.kubernetes.io/name: web
              app.kubernetes.io/part-of: shop
              track: canary
        """);

    // Promotion rolls the stable track to the new image; its selector stays as it was.
    Deployment promoted = stable.withImage("web", "ghcr.io/acme/web:1.5.0");
    assertThat(promoted.track()).hasValue("stable");
    assertThat(App.named("shop").namespace("shop").add(promoted, web).build().objects().get(0))
        .extracting(o -> ((V1Deployment) o).getSpec().getSelector())
        .isEqualTo(stableRendered.getSpec().getSelector());
  }

  /** The blue/green example of docs/workloads.md: the Service's selector is what switches. */
  @Test
  void blueGreenSwitchesTheServiceSelector() {
    Deployment blue = deployment("web-blue", Port.http(8080)).component("web").track("blue").build();
    Deployment green = deployment("web-green", Port.http(8080)).component("web").track("green").build();

    Service live = Service.named("web")
        .selecting(PodSelector.component("web").withLabel("track", "green"))
        .port(80, "http")
        .build();

    App shop = App.named("shop").namespace("shop").add(blue, green, live).build();
    assertThat(((V1Service) shop.objects().get(2)).getSpec().getSelector()).containsExactly(
        Map.entry("app.kubernetes.io/name", "web"), Map.entry("app.kubernetes.io/part-of", "shop"),
        Map.entry("track", "green"));
  }

  @Test
  void nameNamespaceAndManagedByAreChecked() {
    assertThat(problems(() -> App.named("").namespace("Shop").managedBy("my tool").build())).containsExactly(
        "App/: name: must not be empty: it is the value of app.kubernetes.io/part-of",
        "App/: namespace: must be a lowercase RFC 1123 label (lowercase letters, digits and '-', starting and ending"
            + " with a letter or digit), was 'Shop'",
        "App/: managedBy: label value 'my tool' must be at most 63 alphanumerics, '-', '_' or '.', starting and"
            + " ending with an alphanumeric");
    assertThat(problems(() -> App.named("shop!").namespace("shop").build())).containsExactly(
        "App/shop!: name: label value 'shop!' must be at most 63 alphanumerics, '-', '_' or '.', starting and"
            + " ending with an alphanumeric");
  }
}
