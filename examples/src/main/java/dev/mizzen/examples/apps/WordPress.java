package dev.mizzen.examples.apps;

import static dev.mizzen.dsl.identity.PodSecurityLevel.RESTRICTED;
import static dev.mizzen.dsl.network.NetworkPolicyPeer.pods;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.identity.Namespace;
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
import dev.mizzen.dsl.preset.HighlyAvailable;
import dev.mizzen.dsl.preset.Presets;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.DeploymentStrategy;
import java.time.Duration;

/**
 * WordPress on MySQL: MySQL on a claim of its own (one replica, Recreate, so two pods never share
 * its files), WordPress with its uploads on a second claim behind a LoadBalancer Service and an
 * Ingress with TLS, a nightly {@code mysqldump} CronJob writing to a backup claim, and a
 * NetworkPolicy that lets only WordPress (and the backup) reach MySQL. Pod Security "restricted"
 * throughout: MySQL as uid 999, WordPress's Apache as www-data on port 80 through the safe
 * unprivileged-port sysctl.
 */
public final class WordPress {
  private static final String CREDENTIALS = "mysql-credentials";

  private WordPress() {}

  /** The blog in namespace {@code namespace}; {@code password} is MySQL's (a Secret of the app). */
  public static App app(String namespace, String password) {
    PersistentVolumeClaim mysqlData = PersistentVolumeClaim.named("mysql-data").size(Storage.gibibytes(20))
        .storageClass("standard").build();
    PersistentVolumeClaim uploads = PersistentVolumeClaim.named("wordpress-uploads").size(Storage.gibibytes(10))
        .storageClass("standard").build();
    PersistentVolumeClaim backups = PersistentVolumeClaim.named("mysql-backups").size(Storage.gibibytes(50))
        .storageClass("standard").build();
    HighlyAvailable ha = Presets.highlyAvailable();
    Deployment wordpress = Deployment.named("wordpress").replicas(2)
        .pod(PodTemplate.container(Container.named("wordpress").image("wordpress:6.5.3-apache")
                .port(Port.http(80))
                .env(Env.literal("WORDPRESS_DB_HOST", "mysql"),
                    Env.literal("WORDPRESS_DB_USER", "root"),
                    Env.fromSecret("WORDPRESS_DB_PASSWORD", CREDENTIALS, "password"))
                .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(256)).limits(Memory.mebibytes(512)))
                .readiness(Probe.httpGet("/wp-login.php", "http").every(Duration.ofSeconds(10)))
                .liveness(Probe.tcp("http").after(Duration.ofSeconds(30)))
                .mount("uploads", "/var/www/html/wp-content/uploads"))
            .volume(Volume.persistentVolumeClaim("uploads", uploads))
            .security(PodSecurity.restricted().runAsUser(33).fsGroup(33)
                .sysctl("net.ipv4.ip_unprivileged_port_start", "0"))
            .placement(ha.placement()))
        .build();
    return App.named("blog").namespace(namespace).add(
        Namespace.named(namespace).podSecurity(RESTRICTED).build(),
        Secret.opaque(CREDENTIALS).component("mysql").data("password", password).build(),
        mysqlData, uploads, backups, wordpress)
        .add(
            Deployment.named("mysql").replicas(1).strategy(DeploymentStrategy.recreate())
                .pod(PodTemplate.container(Container.named("mysql").image("mysql:8.4.3")
                        .port(Port.named("mysql", 3306))
                        .env(Env.fromSecret("MYSQL_ROOT_PASSWORD", CREDENTIALS, "password"),
                            Env.literal("MYSQL_DATABASE", "wordpress"))
                        .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(512))
                            .limits(Memory.gibibytes(1)))
                        .readiness(Probe.tcp("mysql"))
                        .liveness(Probe.exec("mysqladmin", "ping").after(Duration.ofSeconds(30)))
                        .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true))
                        .mount("data", "/var/lib/mysql")
                        .mount("run", "/var/run/mysqld")
                        .mount("tmp", "/tmp"))
                    .volume(Volume.persistentVolumeClaim("data", mysqlData))
                    .volume(Volume.emptyDir("run"))
                    .volume(Volume.emptyDir("tmp"))
                    .security(PodSecurity.restricted().runAsUser(999).fsGroup(999))),
            Service.named("mysql").selecting("mysql").port(3306, "mysql"),
            Service.loadBalancer("wordpress").selecting("wordpress").port(80, "http"),
            ha.disruptionBudget(wordpress),
            Ingress.named("wordpress").ingressClassName("nginx")
                .rule(IngressRule.host("blog.example.com").prefix("/", "wordpress", 80))
                .tls("blog-tls", "blog.example.com"),
            CronJob.named("mysql-backup").schedule("30 2 * * *")
                .concurrencyPolicy(CronJob.ConcurrencyPolicy.FORBID)
                .startingDeadline(Duration.ofHours(1))
                .backoffLimit(2)
                .activeDeadline(Duration.ofHours(1))
                .ttlAfterFinished(Duration.ofDays(2))
                .pod(PodTemplate.container(Container.named("dump").image("mysql:8.4.3")
                        .command("sh", "-c", "mysqldump -h mysql -u root --all-databases"
                            + " > /backups/dump-$(date +%Y%m%d).sql")
                        .env(Env.fromSecret("MYSQL_PWD", CREDENTIALS, "password"))
                        .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(128))
                            .limits(Memory.mebibytes(256)))
                        .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true))
                        .mount("backups", "/backups"))
                    .restartPolicy(RestartPolicy.ON_FAILURE)
                    .volume(Volume.persistentVolumeClaim("backups", backups))
                    .security(PodSecurity.restricted().runAsUser(999).fsGroup(999))),
            NetworkPolicy.named("mysql").selecting("mysql")
                .ingressRule(NetworkPolicyRule.from(pods("wordpress"), pods("mysql-backup")).tcp(3306)))
        .build();
  }
}
