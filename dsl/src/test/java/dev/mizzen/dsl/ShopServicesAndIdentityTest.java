package dev.mizzen.dsl;

import static dev.mizzen.dsl.identity.PodSecurityLevel.RESTRICTED;
import static dev.mizzen.dsl.network.NetworkPolicyPeer.pods;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.identity.PolicyRule;
import dev.mizzen.dsl.identity.Role;
import dev.mizzen.dsl.identity.RoleBinding;
import dev.mizzen.dsl.identity.ServiceAccount;
import dev.mizzen.dsl.identity.Verb;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressRule;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import dev.mizzen.dsl.network.Service;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The objects of the reference "shop" app (docs: shared/reference/shop-app.md) that are not
 * workloads or ConfigMaps: rows 1, 3, 4, 5, 7, 8, 9, 10, 12, 13, 15, 17 and 18.
 */
class ShopServicesAndIdentityTest {
  private static final RenderContext SHOP = RenderContext.of("shop", "shop");

  /** The whole of the DSL the shop needs for these rows: one statement per object. */
  static List<KubernetesResource> shop(String apiPassword) {
    return List.of(
        Namespace.named("shop").podSecurity(RESTRICTED).build(),                                    // 1
        Secret.opaque("api-credentials").component("api")                                          // 3
            .data("username", "shop").data("password", apiPassword).build(),
        ServiceAccount.named("web").build(),                                                        // 4
        ServiceAccount.named("api").build(),                                                        // 5
        Service.named("web").selecting("web").port(80, "http").build(),                            // 7
        Ingress.named("web").ingressClassName("nginx")                                              // 8
            .rule(IngressRule.host("shop.example.com").prefix("/", "web", 80))
            .tls("shop-tls", "shop.example.com").build(),
        HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web"))         // 9
            .minReplicas(3).maxReplicas(10).cpuUtilization(70).build(),
        PodDisruptionBudget.named("web").selecting("web").minAvailable(2).build(),                 // 10
        Service.named("api").selecting("api").port(9090, "http").build(),                          // 12
        NetworkPolicy.named("api").selecting("api")                                                 // 13
            .ingressRule(NetworkPolicyRule.from(pods("web")).tcp(9090)).build(),
        Service.headless("db").selecting("db").port(5432, "pg").build(),                           // 15
        Role.named("web-config-reader").component("web")                                            // 17
            .rule(PolicyRule.core("configmaps").verbs(Verb.GET, Verb.LIST, Verb.WATCH)).build(),
        RoleBinding.named("web-config-reader").component("web")                                     // 18
            .role("web-config-reader").serviceAccount("web").build());
  }

  private final List<KubernetesObject> rendered =
      shop("not-a-real-password").stream().map(o -> o.render(SHOP)).toList();

  @Test
  void everyObjectCarriesTheShopLabelsAndNamespace() {
    assertThat(rendered).hasSize(13).allSatisfy(object -> {
      assertThat(object.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/part-of", "shop")
          .containsEntry("app.kubernetes.io/managed-by", "mizzen")
          .containsKey("app.kubernetes.io/name");
      if (!(object instanceof V1Namespace)) {
        assertThat(object.getMetadata().getNamespace()).isEqualTo("shop");
      }
    });
    assertThat(rendered).extracting(o -> o.getMetadata().getLabels().get("app.kubernetes.io/name"))
        .containsExactly("shop", "api", "web", "api", "web", "web", "web", "web", "api", "api", "db", "web", "web");
  }

  @Test
  void namespaceEnforcesRestricted() {
    V1Namespace namespace = (V1Namespace) rendered.get(0);
    assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    assertThat(namespace.getMetadata().getNamespace()).isNull();
  }

  @Test
  void apiCredentialsAreAnOpaqueSecretThatNeverPrints() {
    V1Secret secret = (V1Secret) rendered.get(1);
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getStringData()).isNullOrEmpty();
    assertThat(secret.getData().keySet()).containsExactly("username", "password");
    assertThat(shop("not-a-real-password").get(1).toString()).doesNotContain("not-a-real-password");
  }

  @Test
  void serviceAccountsMountNoToken() {
    assertThat(List.of(rendered.get(2), rendered.get(3))).allSatisfy(sa ->
        assertThat(((V1ServiceAccount) sa).getAutomountServiceAccountToken()).isFalse());
  }

  @Test
  void servicesSendTrafficToNamedPorts() {
    V1Service web = (V1Service) rendered.get(4);
    V1Service api = (V1Service) rendered.get(8);
    V1Service db = (V1Service) rendered.get(10);
    assertThat(web.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(web.getSpec().getPorts()).containsExactly(
        new V1ServicePort().name("http").port(80).targetPort(new IntOrString("http")).protocol("TCP"));
    assertThat(web.getSpec().getSelector()).containsExactly(
        Map.entry("app.kubernetes.io/name", "web"), Map.entry("app.kubernetes.io/part-of", "shop"));
    assertThat(api.getSpec().getPorts()).containsExactly(
        new V1ServicePort().name("http").port(9090).targetPort(new IntOrString("http")).protocol("TCP"));
    assertThat(db.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(db.getSpec().getPorts()).containsExactly(
        new V1ServicePort().name("pg").port(5432).targetPort(new IntOrString("pg")).protocol("TCP"));
  }

  @Test
  void ingressRoutesTheShopHostOverTls() {
    V1Ingress ingress = (V1Ingress) rendered.get(5);
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getTls()).containsExactly(
        new V1IngressTLS().addHostsItem("shop.example.com").secretName("shop-tls"));
    V1HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("shop.example.com");
    assertThat(path.getPath()).isEqualTo("/");
    assertThat(path.getPathType()).isEqualTo("Prefix");
    assertThat(path.getBackend().getService().getName()).isEqualTo("web");
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
  }

  @Test
  void webScalesBetweenThreeAndTenAndKeepsTwo() {
    V2HorizontalPodAutoscaler hpa = (V2HorizontalPodAutoscaler) rendered.get(6);
    assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(70);
    V1PodDisruptionBudget pdb = (V1PodDisruptionBudget) rendered.get(7);
    assertThat(pdb.getSpec().getMinAvailable()).isEqualTo(new IntOrString(2));
  }

  @Test
  void onlyWebReachesApiOnTcp9090() {
    V1NetworkPolicy policy = (V1NetworkPolicy) rendered.get(9);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "api");
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).containsExactly(new V1NetworkPolicyIngressRule()
        .addFromItem(new V1NetworkPolicyPeer().podSelector(new V1LabelSelector().matchLabels(
            Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop"))))
        .addPortsItem(new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(9090))));
  }

  @Test
  void webMayReadConfigMaps() {
    V1Role role = (V1Role) rendered.get(11);
    assertThat(role.getRules()).containsExactly(new V1PolicyRule()
        .apiGroups(List.of("")).resources(List.of("configmaps")).verbs(List.of("get", "list", "watch")));
    V1RoleBinding binding = (V1RoleBinding) rendered.get(12);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo("web-config-reader");
    assertThat(binding.getSubjects()).containsExactly(
        new RbacV1Subject().kind("ServiceAccount").name("web").namespace("shop"));
  }
}
