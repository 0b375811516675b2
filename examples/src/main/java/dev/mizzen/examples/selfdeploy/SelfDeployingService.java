package dev.mizzen.examples.selfdeploy;

import static dev.mizzen.dsl.identity.Verb.CREATE;
import static dev.mizzen.dsl.identity.Verb.DELETE;
import static dev.mizzen.dsl.identity.Verb.GET;
import static dev.mizzen.dsl.identity.Verb.LIST;
import static dev.mizzen.dsl.identity.Verb.PATCH;
import static dev.mizzen.dsl.identity.Verb.UPDATE;
import static dev.mizzen.dsl.identity.Verb.WATCH;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.identity.PolicyRule;
import dev.mizzen.dsl.identity.Role;
import dev.mizzen.dsl.identity.RoleBinding;
import dev.mizzen.dsl.identity.ServiceAccount;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.Canary;
import dev.mizzen.strategies.rollout.CanaryStep;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.Rollouts;
import io.kubernetes.client.extended.leaderelection.LeaderElectionRecord;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Java service that deploys its own worker from its own process. Every replica runs
 * {@link #deployWorker}; a Lease elects one, which
 * ensures the service's own ServiceAccount and RBAC (server-side apply: drift is repaired, nothing
 * else changes) and rolls the worker Deployment out with a canary. The others wait their turn and
 * find nothing left to do. The Lease is client-java-extended's {@code LeaseLock}, taken and handed
 * over explicitly rather than with {@code LeaderElector}, which is made to lead for as long as a
 * process lives, not to do one job and step down. The client is the in-cluster one inside a pod, the kubeconfig outside
 * ({@code ClientBuilder.standard()}).
 */
public final class SelfDeployingService {
  /** The Lease that elects the replica that deploys. */
  public static final String LEASE = "shop-deployer";

  private SelfDeployingService() {}

  /** What the service keeps deployed: its own identity and rights, and its worker. */
  public static App app(String namespace, String workerImage, Map<String, String> workerPodLabels) {
    Deployment worker = Deployment.named("worker").replicas(4).pod(PodTemplate.container(
        Container.named("worker").image(workerImage)
            .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(128))
                .limits(Cpu.millis(500), Memory.mebibytes(256))))
        .labels(workerPodLabels)).build();
    return App.named("shop").namespace(namespace).add(
        ServiceAccount.named("shop-deployer").build(),
        Role.named("shop-deployer").component("shop-deployer")
            .rule(PolicyRule.group("apps", "deployments").verbs(GET, LIST, WATCH, CREATE, PATCH, UPDATE))
            .rule(PolicyRule.group("apps", "replicasets").verbs(GET, LIST, WATCH))
            .rule(PolicyRule.core("pods").verbs(GET, LIST, WATCH))
            .rule(PolicyRule.core("configmaps").verbs(GET, LIST, WATCH, CREATE, UPDATE, DELETE))
            .rule(PolicyRule.core("serviceaccounts").verbs(GET, CREATE, PATCH))
            .rule(PolicyRule.group("rbac.authorization.k8s.io", "roles", "rolebindings").verbs(GET, CREATE, PATCH))
            .rule(PolicyRule.group("coordination.k8s.io", "leases").verbs(GET, CREATE, UPDATE, DELETE))
            .rule(PolicyRule.group("events.k8s.io", "events").verbs(CREATE))
            .build(),
        RoleBinding.named("shop-deployer").component("shop-deployer")
            .role("shop-deployer").serviceAccount("shop-deployer").build(),
        worker).build();
  }

  /**
   * Waits for this replica's turn to lead, then ensures the service's identity and rights and
   * rolls the worker out; returns the outcome. A replica whose turn comes after another's finds
   * the worker rolled out already: its outcome is promoted with no steps.
   */
  public static RolloutOutcome deployWorker(ApiClient client, String namespace, String identity, String workerImage,
                                            Map<String, String> workerPodLabels, Duration leaseDuration) {
    App app = app(namespace, workerImage, workerPodLabels);
    LeaseLock lock = new LeaseLock(namespace, LEASE, identity, client);
    awaitLeadership(lock, identity, leaseDuration);
    ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();
    long period = leaseDuration.dividedBy(5).toMillis();
    renewer.scheduleWithFixedDelay(() -> lock.update(record(identity, leaseDuration, 0)), period, period,
        TimeUnit.MILLISECONDS);
    try {
      ServerSideApply.using(client).apply(app.objects().stream()
          .filter(object -> !(object instanceof V1Deployment)).toList());
      try (Rollouts rollouts = Rollouts.using(client).identity(identity)) {
        return rollouts.run(Rollout.of(app, "worker").strategy(Canary.steps(
            CanaryStep.setWeight(25), CanaryStep.pause(Duration.ofSeconds(2)), CanaryStep.setWeight(100))));
      }
    } finally {
      renewer.shutdownNow();
      lock.update(record("", leaseDuration, 0)); // hand over at once: the next replica need not wait it out
    }
  }

  /**
   * Takes the Lease once it is free: never held, handed over (no holder), or not renewed for a
   * whole lease duration as this process's own clock measures it (so clocks of different machines
   * are never compared), the rule of Kubernetes leader election. {@code LeaseLock} writes with the
   * resourceVersion it read, so of two replicas taking it at once, one wins.
   */
  private static void awaitLeadership(LeaseLock lock, String identity, Duration leaseDuration) {
    LeaderElectionRecord seen = null;
    long seenAt = System.nanoTime();
    while (true) {
      LeaderElectionRecord current;
      try {
        current = lock.get();
      } catch (ApiException e) {
        if (e.getCode() == 404 && lock.create(record(identity, leaseDuration, 0))) {
          return;
        }
        current = null;
      }
      if (current != null) {
        if (!current.equals(seen)) {
          seen = current;
          seenAt = System.nanoTime();
        }
        String holder = current.getHolderIdentity();
        boolean free = holder == null || holder.isEmpty() || holder.equals(identity)
            || System.nanoTime() - seenAt >= leaseDuration.toNanos();
        if (free && lock.update(record(identity, leaseDuration, current.getLeaderTransitions() + 1))) {
          return;
        }
      }
      try {
        Thread.sleep(leaseDuration.dividedBy(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the Lease " + LEASE, e);
      }
    }
  }

  private static LeaderElectionRecord record(String holder, Duration leaseDuration, int transitions) {
    Date now = new Date();
    return new LeaderElectionRecord(holder, (int) leaseDuration.toSeconds(), now, now, transitions);
  }

  public static void main(String[] args) throws Exception {
    String namespace = args.length > 0 ? args[0] : "default";
    String image = args.length > 1 ? args[1] : "ghcr.io/acme/worker:1.0.0";
    String identity = System.getenv().getOrDefault("HOSTNAME", "local");
    RolloutOutcome outcome = deployWorker(ClientBuilder.standard().build(), namespace, identity, image, Map.of(),
        Duration.ofSeconds(15));
    System.out.println(outcome);
    System.exit(outcome.exitCode());
  }
}
