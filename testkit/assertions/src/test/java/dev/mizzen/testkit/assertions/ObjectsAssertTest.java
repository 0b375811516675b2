package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectsAssertTest {

  @Test
  void findsEveryKindOfTheShopByName() {
    var shop = assertThat(Shop.app());
    shop.namespace("shop").enforcesPodSecurity("restricted");
    shop.configMap("web-config").hasEntry("LOG_FORMAT", "json").containsKeys("LOG_FORMAT", "FEATURE_FLAGS");
    shop.secret("api-credentials").hasType("Opaque").containsKeys("username", "password").hasEntry("username", "shop");
    shop.serviceAccount("web").doesNotMountToken();
    shop.deployment("web").hasStrategy("RollingUpdate");
    shop.service("web").hasType("ClusterIP");
    shop.ingress("web").hasIngressClassName("nginx");
    shop.horizontalPodAutoscaler("web").scales("Deployment", "web");
    shop.podDisruptionBudget("web").hasMinAvailable(2);
    shop.networkPolicy("api").isolatesIngress();
    shop.statefulSet("db").hasServiceName("db");
    shop.cronJob("report").hasSchedule("0 3 * * *");
    shop.role("web-config-reader").allows("watch", "configmaps");
    shop.roleBinding("web-config-reader").bindsRole("web-config-reader");
    shop.daemonSet("node-exporter").toleratesEveryTaint();
    shop.object("ConfigMap", "web-config").isKind("ConfigMap").isInNamespace("shop")
        .hasLabel("app.kubernetes.io/part-of", "shop");
    shop.containsObject("Role", "web-config-reader").doesNotContainObject("ClusterRole", "web-config-reader");
  }

  @Test
  void keepsAssertJsListOperationsAlongsideTheDomainOnes() {
    assertThat(Shop.app())
        .hasSize(Shop.app().objects().size())
        .filteredOn(o -> "Deployment".equals(o.getKind()))
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("web", "api");
    assertThat(Shop.app())
        .filteredOn(o -> "Service".equals(o.getKind()))
        .hasSize(3)
        .allSatisfy(o -> assertThat(o).isInNamespace("shop"))
        .service("web").hasType("ClusterIP");
    assertThat(Shop.app()).first().isKind("Namespace");
    assertThat(Shop.app()).anySatisfy(o -> assertThat(o).isKind("CronJob"));
  }

  @Test
  void aDomainFailureAfterAListOperationStillNamesTheApp() {
    assertThatThrownBy(() -> assertThat(Shop.app()).filteredOn(o -> "Deployment".equals(o.getKind()))
        .deployment("db"))
        .hasMessage("App/shop: expected a Deployment named \"db\", but found [web, api]");
    assertThatThrownBy(() -> assertThat(Shop.app()).filteredOn(o -> "Deployment".equals(o.getKind())).hasSize(3))
        .hasMessageContaining("Expected size: 3 but was: 2");
  }

  @Test
  void listOperationsAreSoftInSoftAssertions() {
    MizzenSoftAssertions softly = new MizzenSoftAssertions();
    softly.assertThat(Shop.app()).filteredOn(o -> "Deployment".equals(o.getKind())).hasSize(3)
        .deployment("db").hasReplicas(1);
    softly.assertThat(Shop.app()).extracting(KubernetesObject::getKind).contains("Job");

    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(3);
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected().get(1))
        .hasMessageStartingWith("App/shop: expected a Deployment named \"db\", but found [web, api]");
  }

  @Test
  void worksOnAnyListOfObjects() {
    List<KubernetesObject> objects = Shop.app().objects();
    assertThat(objects).deployment("api").container("api").readiness().isTcpSocket("http");
    assertThatThrownBy(() -> assertThat(objects).deployment("api").hasReplicas(5))
        .hasMessage("Deployment/shop/api: spec.replicas: expected 5, but was 2");
  }

  @Test
  void saysWhatExistsWhenTheObjectIsMissing() {
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("db"))
        .hasMessage("App/shop: expected a Deployment named \"db\", but found [web, api]");
    assertThatThrownBy(() -> assertThat(Shop.app()).object("ConfigMap", "api-config"))
        .hasMessage("App/shop: expected a ConfigMap named \"api-config\", but found [web-config]");
    assertThatThrownBy(() -> assertThat(Shop.app()).ingress("api"))
        .hasMessage("App/shop: expected an Ingress named \"api\", but found [web]");
    assertThatThrownBy(() -> assertThat(Shop.app()).clusterRole("admin"))
        .hasMessage("App/shop: expected a ClusterRole named \"admin\", but found none");
    assertThatThrownBy(() -> assertThat(Shop.app()).doesNotContainObject("Service", "db"))
        .hasMessage("App/shop: expected no Service named \"db\", but found [Service/shop/db]");
  }

  @Test
  void asksToNarrowWhenANameIsInSeveralNamespaces() {
    List<KubernetesObject> objects = new ArrayList<>(Shop.app().objects());
    objects.add(new V1Deployment().kind("Deployment").metadata(new V1ObjectMeta().name("web").namespace("staging")));
    assertThatThrownBy(() -> assertThat(objects).deployment("web"))
        .hasMessage("objects: expected one Deployment named \"web\", but found 2: [Deployment/shop/web,"
            + " Deployment/staging/web]; narrow it down with inNamespace(...) or Kind/name");
    assertThat(objects).inNamespace("shop").deployment("web").hasLabel("app.kubernetes.io/part-of", "shop");
    assertThat(objects).inNamespace("staging").deployment("web").hasReplicas(1);
  }

  @Test
  void reportsAModelOfTheWrongClass() {
    KubernetesObject odd = new V1ConfigMap().kind("Deployment").metadata(new V1ObjectMeta().name("odd"));
    assertThatThrownBy(() -> assertThat(List.of(odd)).deployment("odd"))
        .hasMessage("objects: expected Deployment/odd to be a V1Deployment, but it is a V1ConfigMap");
  }
}
