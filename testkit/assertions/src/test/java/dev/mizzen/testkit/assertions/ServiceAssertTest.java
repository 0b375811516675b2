package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.network.Service;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAssertTest {
  private final List<KubernetesObject> shop = Shop.app().objects();

  private V1Deployment deployment(String name) {
    return (V1Deployment) shop.stream().filter(o -> o instanceof V1Deployment && name.equals(ObjectFields.name(o)))
        .findFirst().orElseThrow();
  }

  @Test
  void theShopsServicesSelectTheirPodsOnTheirPorts() {
    assertThat(Shop.app()).service("web").hasType("ClusterIP").selectsPodsOf(Shop.web()).onPort("http").onPort(80);
    assertThat(Shop.app()).service("api").selectsPodsOf(deployment("api")).onPort("http").onPort(9090);
    assertThat(Shop.app()).service("db").isHeadless().selectsPodsOf(Shop.db()).onPort(5432).onPort("pg");
  }

  @Test
  void failsWhenTheSelectorMissesThePods() {
    assertThatThrownBy(() -> assertThat(Shop.app()).service("web").selectsPodsOf(deployment("api")))
        .hasMessage("Service/shop/web: spec.selector: expected to select the pods of Deployment/shop/api, but the"
            + " selector {app.kubernetes.io/name=web, app.kubernetes.io/part-of=shop} does not match their labels"
            + " {app.kubernetes.io/managed-by=mizzen, app.kubernetes.io/name=api, app.kubernetes.io/part-of=shop}");
    Service external = Service.named("external").port(443).build();
    assertThatThrownBy(() -> assertThat(external).selectsPodsOf(Shop.web()))
        .hasMessage("Service/external: spec.selector: expected to select the pods of Deployment/web,"
            + " but the Service has no selector");
    assertThatThrownBy(() -> assertThat(Shop.app()).service("web").selectsPodsOf(Shop.web().render()))
        .hasMessage("Service/shop/web: metadata.namespace: expected to select the pods of Deployment/web,"
            + " but they are in another namespace");
    assertThatThrownBy(() -> assertThat(Shop.app()).service("web").selectsPodsOf(new V1ConfigMap().kind("ConfigMap")))
        .hasMessage("Service/shop/web: expected a workload to compare with, but ConfigMap/(unnamed) runs no pods");
  }

  @Test
  void failsWhenThePortDoesNotReachAContainerPort() {
    Service wrongTarget = Service.named("web").selecting("web").port(80, "metrics").build();
    assertThatThrownBy(() -> assertThat(wrongTarget).selectsPodsOf(Shop.web()).onPort("metrics"))
        .hasMessage("Service/web: spec.ports[0].targetPort: expected the target port metrics to be a container port"
            + " of Deployment/web, but its containers have [http:8080]");
    Service byNumber = Service.named("web").selecting("web").port(80, 8081).build();
    assertThatThrownBy(() -> assertThat(byNumber).selectsPodsOf(Shop.web()).onPort(80))
        .hasMessage("Service/web: spec.ports[0].targetPort: expected the target port 8081 to be a container port"
            + " of Deployment/web, but its containers have [http:8080]");
    assertThatThrownBy(() -> assertThat(Shop.app()).service("web").selectsPodsOf(Shop.web()).onPort("grpc"))
        .hasMessage("Service/shop/web: spec.ports: expected a port named \"grpc\" or targeting \"grpc\","
            + " but found [http:80->http]");
    assertThatThrownBy(() -> assertThat(Shop.app()).service("web").onPort("http"))
        .isInstanceOf(IllegalStateException.class);
  }
}
