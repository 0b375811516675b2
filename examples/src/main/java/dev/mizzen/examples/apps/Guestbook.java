package dev.mizzen.examples.apps;

import static dev.mizzen.dsl.identity.PodSecurityLevel.RESTRICTED;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.preset.HighlyAvailable;
import dev.mizzen.dsl.preset.Presets;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.scheduling.Placement;
import java.time.Duration;

/**
 * The Kubernetes guestbook (the "PHP Guestbook application with Redis" tutorial): a Redis leader,
 * two Redis followers and three PHP frontends, each behind its Service, hardened to Pod Security
 * "restricted" without an opt-out: Redis runs as its own user (999), and the frontend's Apache as
 * www-data (33), listening on port 80 through the safe sysctl that makes low ports unprivileged.
 * The followers and frontends are highly available (spread over zones and hosts, a disruption
 * budget each).
 */
public final class Guestbook {
  private static final String SAMPLES = "us-docker.pkg.dev/google-samples/containers/gke/";

  private Guestbook() {}

  /** The guestbook in namespace {@code namespace}, built and validated (every problem at once). */
  public static App app(String namespace) {
    HighlyAvailable ha = Presets.highlyAvailable();
    Deployment followers = redis("redis-follower", SAMPLES + "gb-redis-follower:v2", 2, ha.placement().build()).build();
    Deployment frontend = Deployment.named("frontend").replicas(3)
        .pod(PodTemplate.container(Container.named("php-redis")
                .image(SAMPLES + "gb-frontend:v5")
                .env(Env.literal("GET_HOSTS_FROM", "dns"))
                .port(Port.http(80))
                .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(100)).limits(Memory.mebibytes(256)))
                .readiness(Probe.httpGet("/", "http"))
                .liveness(Probe.tcp("http").after(Duration.ofSeconds(10))))
            .security(PodSecurity.restricted().runAsUser(33).fsGroup(33)
                .sysctl("net.ipv4.ip_unprivileged_port_start", "0"))
            .placement(ha.placement()))
        .build();
    return App.named("guestbook").namespace(namespace).add(
        Namespace.named(namespace).podSecurity(RESTRICTED).build(),
        redis("redis-leader", "docker.io/redis:6.0.5", 1, Placement.none()).build(),
        Service.named("redis-leader").selecting("redis-leader").port(6379, "redis").build(),
        followers,
        Service.named("redis-follower").selecting("redis-follower").port(6379, "redis").build(),
        ha.disruptionBudget(followers).build(),
        frontend,
        Service.named("frontend").selecting("frontend").port(80, "http").build(),
        ha.disruptionBudget(frontend).build())
        .build();
  }

  private static Deployment.Builder redis(String name, String image, int replicas, Placement placement) {
    return Deployment.named(name).replicas(replicas).pod(PodTemplate.container(Container.named("redis")
            .image(image)
            .port(Port.named("redis", 6379))
            .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(100)).limits(Memory.mebibytes(256)))
            .readiness(Probe.tcp("redis"))
            .liveness(Probe.tcp("redis").after(Duration.ofSeconds(15)))
            .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true))
            .mount("data", "/data"))
        .volume(Volume.emptyDir("data"))
        .security(PodSecurity.restricted().runAsUser(999).fsGroup(999))
        .placement(placement));
  }
}
