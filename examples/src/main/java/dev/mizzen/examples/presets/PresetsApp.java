package dev.mizzen.examples.presets;

import static dev.mizzen.dsl.identity.PodSecurityLevel.RESTRICTED;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyPeer;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.preset.Adapter;
import dev.mizzen.dsl.preset.Ambassador;
import dev.mizzen.dsl.preset.ContainerService;
import dev.mizzen.dsl.preset.GpuWorkload;
import dev.mizzen.dsl.preset.HighlyAvailable;
import dev.mizzen.dsl.preset.OnPremises;
import dev.mizzen.dsl.preset.Presets;
import dev.mizzen.dsl.preset.Sidecar;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import java.time.Duration;

/**
 * Every preset of {@code dev.mizzen.dsl.preset} in one application, namespace {@code lab}: a
 * highly available container service behind a MetalLB load balancer, a GPU model server with a
 * log-shipping sidecar, an API reaching its database through an ambassador, and that database on
 * Rook/Ceph with a metrics adapter and a nightly backup. {@code mizzen render presets} writes it;
 * {@code PresetsAppTest} holds it to Pod Security "restricted" and the recommended policies, and
 * places it with the explainer.
 */
public final class PresetsApp {
  private PresetsApp() {}

  /** The application in namespace {@code lab}, built and validated. */
  public static App app() {
    return app("lab");
  }

  /** The application in {@code namespace} (tests run it in a namespace of their own). */
  public static App app(String namespace) {
    HighlyAvailable ha = Presets.highlyAvailable();
    OnPremises onPrem = Presets.onPremises();

    // A container as a service, highly available, exposed on a MetalLB address.
    ContainerService hello = Presets.containerService("hello").instances(3, 12);
    Deployment helloDeployment = hello.deployment()
        .pod(PodTemplate.container(hello.container("ghcr.io/acme/hello:1.0.0")
                .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
                    .limits(Cpu.millis(500), Memory.mebibytes(256)))
                .liveness(Probe.httpGet("/healthz", ContainerService.PORT_NAME))
                .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true)))
            .placement(ha.placement()))
        .build();
    HorizontalPodAutoscaler helloAutoscaler = hello.autoscaler(helloDeployment).build();

    // A model server on one GPU, with its logs shipped by a native sidecar.
    GpuWorkload gpu = Presets.gpus(1);
    Sidecar shipLogs = Presets.sidecar(Container.named("ship-logs").image("cr.fluentbit.io/fluent/fluent-bit:3.1.9")
        .resources(Resources.requests(Cpu.millis(20), Memory.mebibytes(32)).limits(Cpu.millis(100), Memory.mebibytes(64)))
        .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true)), "logs", "/var/log/llm");
    Deployment llm = gpu.deployment("llm")
        .pod(shipLogs.addTo(PodTemplate.container(Container.named("llm").image("ghcr.io/acme/llm:2.1.0")
                .port(Port.http(8000))
                .resources(gpu.resources(Cpu.cores(4), Memory.gibibytes(16)).limits(Cpu.cores(4), Memory.gibibytes(16)))
                .readiness(Probe.httpGet("/ready", "http"))
                .liveness(Probe.httpGet("/health", "http").after(Duration.ofSeconds(60)))
                .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true))
                .mount("logs", "/var/log/llm"))
            .placement(gpu.placement())))
        .build();

    // An API reaching the database through an ambassador on localhost.
    Ambassador dbProxy = Presets.ambassador(Container.named("db-proxy").image("ghcr.io/acme/pg-proxy:1.2.0")
        .args("--listen=127.0.0.1:5432", "--upstream=db-0.db:5432", "--health=:9001")
        .port(Port.named("proxy-health", 9001))
        .startup(Probe.httpGet("/ready", "proxy-health").every(Duration.ofSeconds(1)).failsAfter(30))
        .resources(Resources.requests(Cpu.millis(20), Memory.mebibytes(32)).limits(Cpu.millis(200), Memory.mebibytes(64)))
        .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true)), 5432);
    Deployment api = Deployment.named("api").replicas(2)
        .pod(dbProxy.addTo(PodTemplate.container(Container.named("api").image("ghcr.io/acme/api:2.0.1")
                .port(Port.http(9090))
                .env(dbProxy.env("DB_HOST", "DB_PORT"))
                .env(Env.fromSecret("DB_PASSWORD", "db-credentials", "password"))
                .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(128)).limits(Cpu.millis(500), Memory.mebibytes(256)))
                .readiness(Probe.httpGet("/ready", "http"))
                .liveness(Probe.httpGet("/healthz", "http"))
                .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true)))
            .placement(ha.placement())))
        .build();

    // The database on Ceph block storage, its metrics adapted for Prometheus, backed up nightly.
    Adapter pgMetrics = Presets.adapter(Container.named("metrics")
        .image("quay.io/prometheuscommunity/postgres-exporter:v0.15.0")
        .env(Env.literal("DATA_SOURCE_URI", "127.0.0.1:5432/postgres?sslmode=disable"),
            Env.literal("DATA_SOURCE_USER", "postgres"),
            Env.fromSecret("DATA_SOURCE_PASS", "db-credentials", "password"))
        .resources(Resources.requests(Cpu.millis(20), Memory.mebibytes(32)).limits(Cpu.millis(100), Memory.mebibytes(64)))
        .liveness(Probe.httpGet("/", "metrics"))
        .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true)), Port.named("metrics", 9187));
    StatefulSet db = onPrem.database("db", Storage.gibibytes(20))
        .pod(pgMetrics.addTo(PodTemplate.container(Container.named("db").image("postgres:16.4")
                .port(Port.named("pg", 5432))
                .env(Env.fromSecret("POSTGRES_PASSWORD", "db-credentials", "password"),
                    Env.literal("PGDATA", "/var/lib/postgresql/data/pgdata"))
                .resources(Resources.requests(Cpu.millis(500), Memory.gibibytes(1)).limits(Cpu.cores(2), Memory.gibibytes(1)))
                .readiness(Probe.exec("pg_isready", "-U", "postgres"))
                .liveness(Probe.tcp("pg"))
                .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true))
                .mount(OnPremises.DATA, "/var/lib/postgresql/data")
                .mount("run", "/var/run/postgresql"))
            .security(PodSecurity.restricted().runAsUser(999).fsGroup(999))
            .annotations(pgMetrics.scrapeAnnotations())
            .volume(Volume.emptyDir("run"))))
        .build();
    PersistentVolumeClaim backups = onPrem.backupClaim("db-backups", Storage.gibibytes(50)).build();
    CronJob backup = onPrem.backup("db", "0 2 * * *")
        .pod(onPrem.backupPod(Container.named("dump").image("postgres:16.4")
                .command("sh", "-c", "pg_dump -h db-0.db -U postgres -Fc postgres > /backups/db-$(date +%F).dump")
                .env(Env.fromSecret("PGPASSWORD", "db-credentials", "password"))
                .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(128)).limits(Cpu.cores(1), Memory.mebibytes(256)))
                .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true)), backups)
            .security(PodSecurity.restricted().runAsUser(999).fsGroup(999)))
        .build();

    return App.named("lab").namespace(namespace).add(
        Namespace.named(namespace).component("lab").podSecurity(RESTRICTED).build(),
        Secret.opaque("db-credentials").component("db").data("password", "change-me").build(),
        helloDeployment,
        hello.service().build(),
        onPrem.loadBalancer("edge", "public").selecting("hello").port(80, ContainerService.PORT_NAME).build(),
        helloAutoscaler,
        ha.disruptionBudget(helloDeployment, helloAutoscaler).build(),
        llm,
        Service.named("llm").selecting("llm").port(8000, "http").build(),
        api,
        Service.named("api").selecting("api").port(9090, "http").build(),
        ha.disruptionBudget(api).build(),
        db,
        onPrem.databaseService("db", 5432, "pg").build(),
        backups,
        backup,
        NetworkPolicy.named("db").selecting("db")
            .ingressRule(NetworkPolicyRule.from(NetworkPolicyPeer.pods("api"), NetworkPolicyPeer.pods("db-backup"))
                .tcp(5432))
            .build()
    ).build();
  }
}
