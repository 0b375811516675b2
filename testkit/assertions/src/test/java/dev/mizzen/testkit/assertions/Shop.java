package dev.mizzen.testkit.assertions;

import static dev.mizzen.dsl.identity.PodSecurityLevel.RESTRICTED;
import static dev.mizzen.dsl.network.NetworkPolicyPeer.pods;
import static dev.mizzen.scheduling.TaintEffect.NO_SCHEDULE;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.identity.PolicyRule;
import dev.mizzen.dsl.identity.Role;
import dev.mizzen.dsl.identity.RoleBinding;
import dev.mizzen.dsl.identity.ServiceAccount;
import dev.mizzen.dsl.identity.Verb;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressRule;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.DeploymentStrategy;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.dsl.workload.VolumeClaimTemplate;
import dev.mizzen.scheduling.NodeLabel;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.Toleration;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.WhenUnsatisfiable;
import java.time.Duration;

/** A copy of the reference "shop" application (examples/ShopApp): 19 objects in namespace {@code shop}. */
final class Shop {
  private Shop() {}

  /** The shop app, built and validated. */
  static App app() {
    return App.named("shop").namespace("shop").add(
        Namespace.named("shop").podSecurity(RESTRICTED).build(),
        ConfigMap.named("web-config").component("web")
            .data("LOG_FORMAT", "json").data("FEATURE_FLAGS", "checkout-v2").build(),
        Secret.opaque("api-credentials").component("api")
            .data("username", "shop").data("password", "change-me").build(),
        ServiceAccount.named("web").build(),
        ServiceAccount.named("api").build(),
        web(),
        Service.named("web").selecting("web").port(80, "http").build(),
        Ingress.named("web").ingressClassName("nginx")
            .rule(IngressRule.host("shop.example.com").prefix("/", "web", 80))
            .tls("shop-tls", "shop.example.com").build(),
        HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web"))
            .minReplicas(3).maxReplicas(10).cpuUtilization(70).build(),
        PodDisruptionBudget.named("web").selecting("web").minAvailable(2).build(),
        api(),
        Service.named("api").selecting("api").port(9090, "http").build(),
        NetworkPolicy.named("api").selecting("api")
            .ingressRule(NetworkPolicyRule.from(pods("web")).tcp(9090)).build(),
        db(),
        Service.headless("db").selecting("db").port(5432, "pg").build(),
        report(),
        Role.named("web-config-reader").component("web")
            .rule(PolicyRule.core("configmaps").verbs(Verb.GET, Verb.LIST, Verb.WATCH)).build(),
        RoleBinding.named("web-config-reader").component("web")
            .role("web-config-reader").serviceAccount("web").build(),
        nodeExporter()
    ).build();
  }

  static Deployment web() {
    return Deployment.named("web")            // no replicas: the HPA "web" scales it, from 3 to 10
        .strategy(DeploymentStrategy.rollingUpdate(Amount.percent(25), Amount.count(0)))
        .pod(PodTemplate.container(Container.named("web")
                .image("ghcr.io/acme/web:1.4.2")
                .port(Port.http(8080))
                .env(Env.literal("LOG_LEVEL", "info"), Env.allFromConfigMap("web-config"))
                .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
                    .limits(Cpu.millis(500), Memory.mebibytes(512)))
                .readiness(Probe.httpGet("/ready", "http").every(Duration.ofSeconds(5)))
                .liveness(Probe.httpGet("/live", "http").after(Duration.ofSeconds(10)))
                .startup(Probe.httpGet("/live", "http").every(Duration.ofSeconds(2)).failsAfter(30))
                .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true))
                .mount("tmp", "/tmp"))
            .serviceAccountName("web")
            .security(PodSecurity.restricted().runAsUser(10001))
            .volume(Volume.emptyDir("tmp"))
            .placement(Placement.requireNodes(NodeLabel.key("node-pool").in("general"))
                .preferNodes(50, NodeLabel.key(Topology.ZONE).in("zone-a"))
                .avoidOwnPods(Topology.HOSTNAME)
                .spreadOver(Topology.ZONE, 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)
                .tolerate(Toleration.of("dedicated", "web", NO_SCHEDULE))))
        .build();
  }

  static Deployment api() {
    return Deployment.named("api")
        .replicas(2)
        .pod(PodTemplate.container(Container.named("api")
                .image("ghcr.io/acme/api:2.0.1")
                .port(Port.http(9090))
                .env(Env.literal("DB_HOST", "db"),
                    Env.fromSecret("DB_USER", "api-credentials", "username"),
                    Env.fromSecret("DB_PASSWORD", "api-credentials", "password"))
                .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(128)).limits(Memory.mebibytes(256)))
                .readiness(Probe.tcp("http"))
                .liveness(Probe.httpGet("/healthz", "http")))
            .serviceAccountName("api"))
        .build();
  }

  static StatefulSet db() {
    return StatefulSet.named("db")
        .serviceName("db")
        .replicas(1)
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)).storageClass("standard"))
        .pod(PodTemplate.container(Container.named("db")
                .image("postgres:16.4")
                .port(Port.named("pg", 5432))
                .env(Env.fromSecret("POSTGRES_PASSWORD", "api-credentials", "password"),
                    Env.literal("PGDATA", "/var/lib/postgresql/data/pgdata"))
                .readiness(Probe.exec("pg_isready", "-U", "postgres"))
                .mount("data", "/var/lib/postgresql/data"))
            .security(PodSecurity.restricted().runAsUser(999).fsGroup(999)))
        .build();
  }

  static CronJob report() {
    return CronJob.named("report")
        .schedule("0 3 * * *")
        .concurrencyPolicy(CronJob.ConcurrencyPolicy.FORBID)
        .backoffLimit(2)
        .activeDeadline(Duration.ofSeconds(600))
        .ttlAfterFinished(Duration.ofDays(1))
        .pod(PodTemplate.container(Container.named("report")
                .image("ghcr.io/acme/report:1.0.0")
                .resources(Resources.requests(Cpu.millis(50), Memory.mebibytes(64))))
            .restartPolicy(RestartPolicy.ON_FAILURE))
        .build();
  }

  static DaemonSet nodeExporter() {
    return DaemonSet.named("node-exporter")
        .pod(PodTemplate.container(Container.named("node-exporter")
                .image("quay.io/prometheus/node-exporter:v1.8.2")
                .port(Port.named("metrics", 9100))
                .resources(Resources.requests(Cpu.millis(10), Memory.mebibytes(32))))
            .placement(Placement.tolerateEverything()))
        .build();
  }
}
