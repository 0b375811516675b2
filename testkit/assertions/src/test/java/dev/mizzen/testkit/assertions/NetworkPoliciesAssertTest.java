package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1IPBlock;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Can A reach B on port P" under several NetworkPolicies. The cluster of this test:
 *
 * <pre>
 * namespaces: shop {team=shop}, monitoring {purpose=monitoring}, locked (no Namespace object),
 *             logging (no Namespace object)
 * shop/web {app=web} http:8080      shop/api {app=api} http:9090, metrics:9100     shop/db {app=db} pg:5432
 * monitoring/prometheus {app=prometheus}   logging/fluentd {app=fluentd}   logging/vector {app=vector}
 * locked/job {app=job}
 *
 * shop/api-ingress   selects api, Ingress: [0] from pods app=web, TCP 9090
 *                                          [1] from namespaces purpose=monitoring, port "metrics"
 *                                          [2] from namespace logging (by kubernetes.io/metadata.name) pods app=fluentd, 9100
 * shop/db-ingress    selects db, Ingress:  [0] from pods app=api, TCP 5432
 * shop/db-backup     selects db, Ingress:  [0] from ipBlock 10.0.0.0/8, TCP 5432
 * shop/db-egress     selects db, no policyTypes, egress [0] to pods app=dns UDP 53 (so: Ingress and Egress, no ingress rules)
 * shop/web-egress    selects web, Egress:  [0] to pods app=api (every port); [1] to ipBlock 0.0.0.0/0 UDP 53
 * shop/web-ingress   selects web, Ingress: [0] from every pod of shop, TCP 8000-8100 and UDP 8080
 * locked/deny-egress selects every pod, Egress, no rules
 * </pre>
 */
class NetworkPoliciesAssertTest {
  private static final List<KubernetesObject> CLUSTER = cluster();

  @ParameterizedTest(name = "{0} -> {1} on {2}: {3}")
  @CsvSource({
      // Both sides allow, by rule.
      "web,                   api, 9090,    ALLOWED",
      "web,                   api, http,    ALLOWED",
      // A namespaceSelector on known namespace labels, and a named policy port.
      "monitoring/prometheus, api, metrics, ALLOWED",
      "monitoring/prometheus, api, 9090,    DENIED",
      "web,                   api, 9100,    DENIED",
      // Not isolated for egress (api) and allowed by one of two isolating policies (db-ingress, not db-backup).
      "api,                   db,  5432,    ALLOWED",
      "api,                   db,  pg,      ALLOWED",
      // Egress isolation of the source denies, whatever the destination says.
      "web,                   db,  5432,    DENIED",
      "db,                    api, 9090,    DENIED",
      "locked/job,            api, 9100,    DENIED",
      // Port ranges (endPort), protocols, and an empty podSelector meaning "this namespace only".
      "api,                   web, 8080,    ALLOWED",
      "api,                   web, 8200,    DENIED",
      "monitoring/prometheus, web, 8080,    DENIED",
      // Not isolated at all.
      "api,                   monitoring/prometheus, 9090, ALLOWED",
      // kubernetes.io/metadata.name is known without the Namespace object; other namespace labels are not.
      "logging/fluentd,       api, 9100,    ALLOWED",
      "logging/fluentd,       api, 9090,    DENIED",
      "logging/vector,        api, 9100,    UNKNOWN",
      // An ipBlock peer decides alone.
      "labels:app=backup,     db,  5432,    UNKNOWN",
      "labels:app=debug,      api, 9090,    DENIED",
      "labels:app=web,        api, 9090,    ALLOWED",
  })
  void decidesReachabilityAsKubernetesWould(String from, String to, String port, NetworkPolicies.Outcome expected) {
    NetworkPoliciesAssert policies = assertThat(CLUSTER).networkPolicies();
    if (expected == NetworkPolicies.Outcome.ALLOWED) {
      assertThatCode(() -> allow(policies, from, to, port)).doesNotThrowAnyException();
      assertThatThrownBy(() -> deny(policies, from, to, port)).hasMessageContaining("but it is allowed: ");
    } else if (expected == NetworkPolicies.Outcome.DENIED) {
      assertThatCode(() -> deny(policies, from, to, port)).doesNotThrowAnyException();
      assertThatThrownBy(() -> allow(policies, from, to, port)).hasMessageContaining("but it is denied: ");
    } else {
      assertThatThrownBy(() -> allow(policies, from, to, port)).hasMessageContaining("but it could not be decided: ");
      assertThatThrownBy(() -> deny(policies, from, to, port)).hasMessageContaining("but it could not be decided: ");
    }
  }

  private static void allow(NetworkPoliciesAssert policies, String from, String to, String port) {
    boolean number = port.matches("\\d+");
    if (from.startsWith("labels:")) {
      Map<String, String> labels = labels(from);
      if (number) {
        policies.allow(labels, to, Integer.parseInt(port));
      } else {
        policies.allow(labels, to, port);
      }
    } else if (number) {
      policies.allow(from, to, Integer.parseInt(port));
    } else {
      policies.allow(from, to, port);
    }
  }

  private static void deny(NetworkPoliciesAssert policies, String from, String to, String port) {
    boolean number = port.matches("\\d+");
    if (from.startsWith("labels:")) {
      Map<String, String> labels = labels(from);
      if (number) {
        policies.deny(labels, to, Integer.parseInt(port));
      } else {
        policies.deny(labels, to, port);
      }
    } else if (number) {
      policies.deny(from, to, Integer.parseInt(port));
    } else {
      policies.deny(from, to, port);
    }
  }

  private static Map<String, String> labels(String from) {
    String[] pair = from.substring("labels:".length()).split("=");
    return Map.of(pair[0], pair[1]);
  }

  @Test
  void explainsADenialByPolicyAndRule() {
    assertThatThrownBy(() -> assertThat(CLUSTER).networkPolicies().allow("db", "api", 9090))
        .hasMessage("objects: expected Deployment/shop/db to reach Deployment/shop/api on TCP 9090, but it is denied:"
            + " egress of Deployment/shop/db is isolated by [NetworkPolicy/shop/db-egress] and no rule allows it;"
            + " NetworkPolicy/shop/db-egress: spec.egress[0]: to does not match Deployment/shop/api;"
            + " ingress of Deployment/shop/api is isolated by [NetworkPolicy/shop/api-ingress] and no rule allows it;"
            + " NetworkPolicy/shop/api-ingress: spec.ingress[0]: from does not match Deployment/shop/db;"
            + " NetworkPolicy/shop/api-ingress: spec.ingress[1]: from does not match Deployment/shop/db;"
            + " NetworkPolicy/shop/api-ingress: spec.ingress[2]: from does not match Deployment/shop/db");
    // The source's egress denies: the destination's side (here undecidable, for db-backup's ipBlock) is not needed.
    assertThatThrownBy(() -> assertThat(CLUSTER).networkPolicies().allow("web", "db", 5432))
        .hasMessage("objects: expected Deployment/shop/web to reach Deployment/shop/db on TCP 5432, but it is denied:"
            + " egress of Deployment/shop/web is isolated by [NetworkPolicy/shop/web-egress] and no rule allows it;"
            + " NetworkPolicy/shop/web-egress: spec.egress[0]: to does not match Deployment/shop/db;"
            + " NetworkPolicy/shop/web-egress: spec.egress[1]: ports do not include TCP 5432");
    assertThatThrownBy(() -> assertThat(CLUSTER).networkPolicies().allow("locked/job", "api", "metrics"))
        .hasMessage("objects: expected Deployment/locked/job to reach Deployment/shop/api on TCP 9100, but it is denied:"
            + " egress of Deployment/locked/job is isolated by [NetworkPolicy/locked/deny-egress] and no rule allows it;"
            + " NetworkPolicy/locked/deny-egress: spec: no egress rules");
  }

  @Test
  void saysWhichPeersWereNotEvaluated() {
    assertThatThrownBy(() -> assertThat(CLUSTER).networkPolicies().allow(Map.of("app", "backup"), "db", 5432))
        .hasMessage("objects: expected pods {app=backup} in namespace shop to reach Deployment/shop/db on TCP 5432,"
            + " but it could not be decided: NetworkPolicy/shop/db-backup: spec.ingress[0].from[0]: ipBlock 10.0.0.0/8"
            + " is not evaluated: pod IPs are not known before the pods run");
    assertThatThrownBy(() -> assertThat(CLUSTER).networkPolicies().deny("logging/vector", "api", 9100))
        .hasMessage("objects: expected Deployment/logging/vector not to reach Deployment/shop/api on TCP 9100,"
            + " but it could not be decided: NetworkPolicy/shop/api-ingress: spec.ingress[1].from[0]: namespaceSelector"
            + " {purpose=monitoring} is not evaluated: the labels of namespace logging are unknown (add its Namespace object)");
  }

  @Test
  void theShopOnlyLetsTheWebPodsReachTheApi() {
    var policies = assertThat(Shop.app()).networkPolicies();
    policies.allow("web", "api", 9090).allow("web", "api", "http").allow("Deployment/web", "Deployment/api", 9090)
        .deny("db", "api", 9090).deny("report", "api", "http")
        .allow("web", "db", 5432).allow("api", "db", "pg");

    assertThatThrownBy(() -> assertThat(Shop.app()).networkPolicies().allow("db", "api", 9090))
        .hasMessage("App/shop: expected StatefulSet/shop/db to reach Deployment/shop/api on TCP 9090, but it is denied:"
            + " ingress of Deployment/shop/api is isolated by [NetworkPolicy/shop/api] and no rule allows it;"
            + " NetworkPolicy/shop/api: spec.ingress[0]: from does not match StatefulSet/shop/db");
    assertThatThrownBy(() -> assertThat(Shop.app()).networkPolicies().deny("web", "db", 5432))
        .hasMessage("App/shop: expected Deployment/shop/web not to reach StatefulSet/shop/db on TCP 5432, but it is"
            + " allowed: Deployment/shop/web is not isolated for egress (no NetworkPolicy selects it for Egress);"
            + " StatefulSet/shop/db is not isolated for ingress (no NetworkPolicy selects it for Ingress)");
    assertThatThrownBy(() -> assertThat(Shop.app()).networkPolicies().allow("web", "api", 9090)
        .allow("web", "api", 9091))
        .hasMessageStartingWith("App/shop: expected Deployment/shop/web to reach Deployment/shop/api on TCP 9091,"
            + " but it is denied: ");
  }

  @Test
  void reportsUnknownWorkloadsAndPorts() {
    assertThatThrownBy(() -> assertThat(Shop.app()).networkPolicies().allow("shop", "api", 9090))
        .hasMessage("App/shop: expected a workload named \"shop\", but found [Deployment/web, Deployment/api,"
            + " StatefulSet/db, CronJob/report, DaemonSet/node-exporter]");
    assertThatThrownBy(() -> assertThat(Shop.app()).networkPolicies().allow("web", "api", "grpc"))
        .hasMessage("App/shop: expected a container port named \"grpc\" on Deployment/shop/api, but its ports are"
            + " [http:9090]");
    assertThatThrownBy(() -> assertThat(CLUSTER).networkPolicies().allow("web", "Service/api", 80))
        .hasMessage("objects: expected a Service named \"api\", but found none");
  }

  private static List<KubernetesObject> cluster() {
    List<KubernetesObject> objects = new ArrayList<>();
    objects.add(namespace("shop", Map.of("team", "shop")));
    objects.add(namespace("monitoring", Map.of("purpose", "monitoring")));
    objects.add(deployment("shop", "web", port("http", 8080)));
    objects.add(deployment("shop", "api", port("http", 9090), port("metrics", 9100)));
    objects.add(deployment("shop", "db", port("pg", 5432)));
    objects.add(deployment("monitoring", "prometheus"));
    objects.add(deployment("logging", "fluentd"));
    objects.add(deployment("logging", "vector"));
    objects.add(deployment("locked", "job"));
    objects.add(policy("shop", "api-ingress", pods("app", "api"), List.of("Ingress"), List.of(
        ingress(List.of(podPeer("app", "web")), tcp(9090)),
        ingress(List.of(new V1NetworkPolicyPeer().namespaceSelector(selector("purpose", "monitoring"))),
            new V1NetworkPolicyPort().port(new IntOrString("metrics"))),
        ingress(List.of(new V1NetworkPolicyPeer().namespaceSelector(selector("kubernetes.io/metadata.name", "logging"))
            .podSelector(selector("app", "fluentd"))), tcp(9100))), List.of()));
    objects.add(policy("shop", "db-ingress", pods("app", "db"), List.of("Ingress"),
        List.of(ingress(List.of(podPeer("app", "api")), tcp(5432))), List.of()));
    objects.add(policy("shop", "db-backup", pods("app", "db"), List.of("Ingress"),
        List.of(ingress(List.of(new V1NetworkPolicyPeer().ipBlock(new V1IPBlock().cidr("10.0.0.0/8"))), tcp(5432))),
        List.of()));
    objects.add(policy("shop", "db-egress", pods("app", "db"), List.of(), List.of(),
        List.of(new V1NetworkPolicyEgressRule().to(List.of(podPeer("app", "dns")))
            .ports(List.of(new V1NetworkPolicyPort().protocol("UDP").port(new IntOrString(53)))))));
    objects.add(policy("shop", "web-egress", pods("app", "web"), List.of("Egress"), List.of(), List.of(
        new V1NetworkPolicyEgressRule().to(List.of(podPeer("app", "api"))),
        new V1NetworkPolicyEgressRule().to(List.of(new V1NetworkPolicyPeer().ipBlock(new V1IPBlock().cidr("0.0.0.0/0"))))
            .ports(List.of(new V1NetworkPolicyPort().protocol("UDP").port(new IntOrString(53)))))));
    objects.add(policy("shop", "web-ingress", pods("app", "web"), List.of("Ingress"), List.of(
        ingress(List.of(new V1NetworkPolicyPeer().podSelector(new V1LabelSelector())),
            new V1NetworkPolicyPort().port(new IntOrString(8000)).endPort(8100),
            new V1NetworkPolicyPort().protocol("UDP").port(new IntOrString(8080)))), List.of()));
    objects.add(policy("locked", "deny-egress", new V1LabelSelector(), List.of("Egress"), List.of(), List.of()));
    return List.copyOf(objects);
  }

  private static V1Namespace namespace(String name, Map<String, String> labels) {
    return new V1Namespace().kind("Namespace").metadata(new V1ObjectMeta().name(name).labels(labels));
  }

  private static V1ContainerPort port(String name, int number) {
    return new V1ContainerPort().name(name).containerPort(number);
  }

  private static V1Deployment deployment(String namespace, String name, V1ContainerPort... ports) {
    Map<String, String> labels = Map.of("app", name);
    return new V1Deployment().kind("Deployment").metadata(new V1ObjectMeta().name(name).namespace(namespace))
        .spec(new V1DeploymentSpec().selector(new V1LabelSelector().matchLabels(labels))
            .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name(name).image(name + ":1")
                    .ports(List.of(ports)))))));
  }

  private static V1LabelSelector selector(String key, String value) {
    return new V1LabelSelector().matchLabels(Map.of(key, value));
  }

  private static V1LabelSelector pods(String key, String value) {
    return selector(key, value);
  }

  private static V1NetworkPolicyPeer podPeer(String key, String value) {
    return new V1NetworkPolicyPeer().podSelector(selector(key, value));
  }

  private static V1NetworkPolicyPort tcp(int port) {
    return new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(port));
  }

  private static V1NetworkPolicyIngressRule ingress(List<V1NetworkPolicyPeer> from, V1NetworkPolicyPort... ports) {
    return new V1NetworkPolicyIngressRule().from(from).ports(List.of(ports));
  }

  private static V1NetworkPolicy policy(String namespace, String name, V1LabelSelector podSelector, List<String> types,
      List<V1NetworkPolicyIngressRule> ingress, List<V1NetworkPolicyEgressRule> egress) {
    return new V1NetworkPolicy().kind("NetworkPolicy").metadata(new V1ObjectMeta().name(name).namespace(namespace))
        .spec(new V1NetworkPolicySpec().podSelector(podSelector).policyTypes(types).ingress(ingress).egress(egress));
  }
}
