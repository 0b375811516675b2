package dev.mizzen.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.ResourceMetric;
import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.identity.ClusterRole;
import dev.mizzen.dsl.identity.ClusterRoleBinding;
import dev.mizzen.dsl.identity.PolicyRule;
import dev.mizzen.dsl.identity.Role;
import dev.mizzen.dsl.identity.RoleBinding;
import dev.mizzen.dsl.identity.ServiceAccount;
import dev.mizzen.dsl.identity.Subject;
import dev.mizzen.dsl.identity.Verb;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressBackend;
import dev.mizzen.dsl.network.IngressPath;
import dev.mizzen.dsl.network.IngressRule;
import dev.mizzen.dsl.network.IngressTls;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyPeer;
import dev.mizzen.dsl.network.NetworkPolicyPort;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.network.ServicePort;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.pod.VolumeItem;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.dsl.workload.VolumeClaimTemplate;
import org.junit.jupiter.api.Test;

/**
 * Every hand-written builder method that adds to a list through the generated one. Since lists
 * are added to with the phrases' own names ({@code port(p)}, {@code ports(p...)}), such a method
 * and the generated one share a name: one that ended up calling itself would only fail here, at
 * run time, with a StackOverflowError.
 */
class BuilderPhrasesTest {

  private static PodTemplate.Builder pod() {
    return PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2"));
  }

  @Test
  void servicePorts() {
    assertThat(Service.named("a").selecting("web").port(80).build().ports())
        .extracting(ServicePort::port).containsExactly(80);
    Service named = Service.named("b").selecting("web")
        .port(443, "https")
        .port(ServicePort.tcp(53).name("dns"))
        .port(ServicePort.udp(54).name("dns-udp").build())
        .ports(ServicePort.tcp(1).name("one").build(), ServicePort.tcp(2).name("two").build())
        .build();
    assertThat(named.ports()).extracting(ServicePort::port).containsExactly(443, 53, 54, 1, 2);
    assertThat(named.ports().get(0).name()).contains("https");
    assertThat(Service.named("c").selecting("web").port(80, 8080).build().ports().get(0).effectiveTargetPort())
        .hasToString("8080");
  }

  @Test
  void rbacRulesAndSubjects() {
    PolicyRule rule = PolicyRule.core("pods").verbs(Verb.GET, Verb.LIST).verbs("use").verb("watch")
        .resourceNames("a", "b").build();
    assertThat(rule.verbs()).containsExactly("get", "list", "use", "watch");
    assertThat(rule.resourceNames()).containsExactly("a", "b");

    assertThat(Role.named("r").rule(PolicyRule.core("pods").verbs(Verb.GET))
            .rule(PolicyRule.core("services").verbs(Verb.GET).build()).build().rules())
        .hasSize(2);
    assertThat(ClusterRole.named("cr").rule(PolicyRule.core("nodes").verbs(Verb.GET))
            .rule(PolicyRule.urls("/healthz").verbs(Verb.GET).build()).build().rules())
        .hasSize(2);

    RoleBinding binding = RoleBinding.named("b").role("r")
        .serviceAccount("sa")
        .serviceAccount(ServiceAccount.named("sa2").build())
        .user("jane")
        .group("ops")
        .subject(Subject.user("joe"))
        .build();
    assertThat(binding.subjects()).extracting(Subject::name).containsExactly("sa", "sa2", "jane", "ops", "joe");

    ClusterRoleBinding clusterBinding = ClusterRoleBinding.named("cb").clusterRole("cr")
        .serviceAccount("sa", "infra")
        .serviceAccount(ServiceAccount.named("sa2").namespace("infra").build())
        .user("jane")
        .group("ops")
        .subject(Subject.group("devs"))
        .build();
    assertThat(clusterBinding.subjects()).extracting(Subject::name)
        .containsExactly("sa", "sa2", "jane", "ops", "devs");

    ServiceAccount account = ServiceAccount.named("sa")
        .imagePullSecret(Secret.opaque("regcred").data("k", "v").build())
        .imagePullSecret("other")
        .build();
    assertThat(account.imagePullSecrets()).containsExactly("regcred", "other");
  }

  @Test
  void ingressRulesPathsAndTls() {
    Ingress ingress = Ingress.named("shop")
        .rule(IngressRule.host("shop.example.com")
            .prefix("/", "web", 80)
            .prefix("/api", IngressBackend.service("api", 8080))
            .exact("/healthz", "web", 80)
            .exact("/ready", IngressBackend.service("web", 80))
            .path(IngressPath.prefix("/static", IngressBackend.service("static", 80))))
        .rule(IngressRule.host("admin.example.com").prefix("/", "admin", 80).build())
        .tls("shop-tls", "shop.example.com")
        .tls(IngressTls.secret("admin-tls", "admin.example.com"))
        .build();
    assertThat(ingress.rules()).hasSize(2);
    assertThat(ingress.rules().get(0).paths()).extracting(IngressPath::path)
        .containsExactly("/", "/api", "/healthz", "/ready", "/static");
    assertThat(ingress.tls()).hasSize(2);
  }

  @Test
  void networkPolicyRulesAndPorts() {
    NetworkPolicyRule in = NetworkPolicyRule.from(NetworkPolicyPeer.pods("shop"))
        .tcp(80).tcp("http").udp(53).port(NetworkPolicyPort.sctp(9))
        .peer(NetworkPolicyPeer.pods("admin"))
        .build();
    assertThat(in.ports()).hasSize(4);
    assertThat(in.peers()).hasSize(2);
    NetworkPolicy policy = NetworkPolicy.named("web").selecting("web")
        .ingressRule(in)
        .ingressRule(NetworkPolicyRule.from(NetworkPolicyPeer.pods("monitoring")).tcp(9090))
        .egressRule(NetworkPolicyRule.to(NetworkPolicyPeer.pods("db")).tcp(5432))
        .egressRule(NetworkPolicyRule.to(NetworkPolicyPeer.allNamespaces()).udp(53).build())
        .isolateIngress()
        .isolateEgress()
        .build();
    assertThat(policy.ingressRules()).hasSize(2);
    assertThat(policy.egressRules()).hasSize(2);
    assertThat(policy.policyTypes()).containsExactlyInAnyOrder(
        NetworkPolicy.PolicyType.INGRESS, NetworkPolicy.PolicyType.EGRESS);
  }

  @Test
  void volumeItems() {
    assertThat(Volume.configMap("config", "web-config").item("a", "a.txt")
            .item(VolumeItem.of("b", "b.txt")).build().items())
        .extracting(VolumeItem::key).containsExactly("a", "b");
    assertThat(Volume.secret("creds", "web-creds").item("a", "a.txt")
            .item(VolumeItem.of("b", "b.txt")).build().items())
        .extracting(VolumeItem::key).containsExactly("a", "b");
  }

  @Test
  void capabilitiesClaimTemplatesMetricsAndObjects() {
    assertThat(ContainerSecurity.restricted().bindPrivilegedPorts().build().capabilities())
        .containsExactly("NET_BIND_SERVICE");

    StatefulSet db = StatefulSet.named("db").serviceName("db")
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)))
        .volumeClaimTemplate(VolumeClaimTemplate.named("wal").size(Storage.gibibytes(1)).build())
        .pod(PodTemplate.container(Container.named("db").image("postgres:16.4")
            .mount("data", "/var/lib/postgresql/data")
            .mount("wal", "/var/lib/postgresql/wal")))
        .build();
    assertThat(db.volumeClaimTemplates()).extracting(VolumeClaimTemplate::name).containsExactly("data", "wal");

    Deployment web = Deployment.named("web").pod(pod()).build();
    HorizontalPodAutoscaler hpa = HorizontalPodAutoscaler.named("web").scaling(web).maxReplicas(5)
        .cpuUtilization(70)
        .memoryUtilization(80)
        .build();
    assertThat(hpa.metrics()).hasSize(2);
    assertThat(HorizontalPodAutoscaler.named("api").scaling(web).maxReplicas(3)
            .metric(ResourceMetric.memoryAverageValue("1Gi")).build().metrics())
        .hasSize(1);

    App app = App.named("shop").namespace("shop")
        .add(web)
        .add(ConfigMap.named("web-config").data("k", "v"))
        .build();
    assertThat(app.resources()).extracting(r -> r.name()).containsExactly("web", "web-config");
  }
}
