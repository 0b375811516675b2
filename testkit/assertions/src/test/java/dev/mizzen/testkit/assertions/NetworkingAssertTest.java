package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyPeer;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import org.junit.jupiter.api.Test;

/** Ingresses, single NetworkPolicies and autoscalers. */
class NetworkingAssertTest {

  @Test
  void ingressRoutesAndTls() {
    assertThat(Shop.app()).ingress("web").hasIngressClassName("nginx")
        .routes("shop.example.com", "/", "web", 80).hasTls("shop.example.com", "shop-tls");
    assertThatThrownBy(() -> assertThat(Shop.app()).ingress("web").routes("shop.example.com", "/api", "api", "http"))
        .hasMessage("Ingress/shop/web: spec.rules: expected a route shop.example.com/api -> api:http,"
            + " but found [shop.example.com/ -> web:80]");
    assertThatThrownBy(() -> assertThat(Shop.app()).ingress("web").hasTls("www.example.com", "shop-tls"))
        .hasMessage("Ingress/shop/web: spec.tls: expected TLS for www.example.com with secret \"shop-tls\","
            + " but found [[shop.example.com] with shop-tls]");
  }

  @Test
  void aSinglePolicysSelectionAndTypes() {
    assertThat(Shop.app()).networkPolicy("api").selectsPodsOf(Shop.api()).isolatesIngress();
    assertThatThrownBy(() -> assertThat(Shop.app()).networkPolicy("api").selectsPodsOf(Shop.web()))
        .hasMessage("NetworkPolicy/shop/api: spec.podSelector: expected to select the pods of Deployment/shop/web"
            + " {app.kubernetes.io/managed-by=mizzen, app.kubernetes.io/name=web, app.kubernetes.io/part-of=shop},"
            + " but was {app.kubernetes.io/name=api, app.kubernetes.io/part-of=shop}");
    assertThatThrownBy(() -> assertThat(Shop.app()).networkPolicy("api").isolatesEgress())
        .hasMessage("NetworkPolicy/shop/api: spec.policyTypes: expected Egress among the policy types,"
            + " but they are [Ingress]");
    NetworkPolicy egress = NetworkPolicy.named("web-out").selecting("web")
        .egressRule(NetworkPolicyRule.to(NetworkPolicyPeer.pods("api")).tcp(9090)).build();
    assertThat(egress).isolatesEgress();
  }

  @Test
  void autoscalerRangeAndMetric() {
    assertThat(Shop.app()).horizontalPodAutoscaler("web").scales("Deployment", "web").hasReplicas(3, 10)
        .scalesOnCpuUtilization(70);
    assertThatThrownBy(() -> assertThat(Shop.app()).horizontalPodAutoscaler("web").hasReplicas(2, 5))
        .hasMessage(String.join(System.lineSeparator(),
            "HorizontalPodAutoscaler/shop/web: spec.minReplicas: expected 2, but was 3",
            "HorizontalPodAutoscaler/shop/web: spec.maxReplicas: expected 5, but was 10"));
    assertThatThrownBy(() -> assertThat(Shop.app()).horizontalPodAutoscaler("web").scalesOnCpuUtilization(80))
        .hasMessage("HorizontalPodAutoscaler/shop/web: spec.metrics: expected cpu Utilization 80%,"
            + " but found [cpu Utilization 70%]");
    assertThatThrownBy(() -> assertThat(Shop.app()).horizontalPodAutoscaler("web").scales("StatefulSet", "web"))
        .hasMessage("HorizontalPodAutoscaler/shop/web: spec.scaleTargetRef: expected StatefulSet/web,"
            + " but was Deployment/web");
  }
}
