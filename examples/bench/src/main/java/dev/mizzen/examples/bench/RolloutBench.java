package dev.mizzen.examples.bench;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.scheduling.fleet.Fleet;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.Canary;
import dev.mizzen.strategies.rollout.CanaryStep;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutHandle;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.RolloutStatus;
import dev.mizzen.strategies.rollout.RolloutVerdicts;
import dev.mizzen.strategies.rollout.Rollouts;
import dev.mizzen.strategies.rollout.TimelineEntry;
import dev.mizzen.testkit.cluster.LocalCluster;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.Watch;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;

/**
 * The rollout engine against the local control plane, three figures in one run (issue 9's
 * targets): how soon a completed rollout is noticed, whether the requests of a rollout grow with
 * the length of a pause, and a hundred rollouts at once in this JVM (threads, heap, wall time,
 * outcomes). Run with {@code scripts/bench-rollouts.sh}, which gives the JVM a 256 MB heap.
 */
public final class RolloutBench {
  private RolloutBench() {}

  public static void main(String[] args) throws Exception {
    int concurrent = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int latencySamples = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (LocalCluster cluster = LocalCluster.start(fleetFor(concurrent), System.err)) {
      latency(cluster, latencySamples);
      requestsVersusPause(cluster);
      concurrent(cluster, concurrent);
    }
  }

  /** From the watch event that shows a Deployment rolled out to the engine's "promoted" entry. */
  /**
   * Room for every pod the run holds at once: the earlier phases' Deployments (44 pods) and, at
   * its peak, four pods of each concurrent canary (two stable, two new). The standard fleet's
   * three schedulable nodes hold 330 pods, so a hundred canaries could fill it and wait for each
   * other's room for ever, which measures the fleet, not the engine.
   */
  private static Fleet fleetFor(int concurrent) {
    int pods = 44 + 4 * concurrent;
    int perNode = Math.max(110, (pods + 2) / 3 + 10);
    return Fleet.grid(List.of("zone-a", "zone-b", "zone-c"), List.of("general"), 1, (node, zone, pool) ->
        node.capacity("cpu", "64").capacity("memory", "256Gi").capacity("pods", String.valueOf(perNode))
            .label("kubernetes.io/os", "linux").label("kubernetes.io/arch", "amd64"));
  }

  private static void latency(LocalCluster cluster, int samples) throws Exception {
    ApiClient client = cluster.client();
    String namespace = namespace(client, "bench-latency");
    Map<String, Instant> doneSeen = new ConcurrentHashMap<>();
    Thread watcher = watchCompletions(cluster, namespace, doneSeen);
    List<Long> micros = new ArrayList<>();
    try (Rollouts rollouts = Rollouts.using(client)) {
      for (int i = 0; i < samples; i++) {
        String name = "latency-" + i;
        rollouts.run(Rollout.of(app(namespace, name, 2, "v1"), name));
        RolloutOutcome outcome = rollouts.run(Rollout.of(app(namespace, name, 2, "v2"), name));
        TimelineEntry promoted = outcome.timeline().get(outcome.timeline().size() - 1);
        long generation = new AppsV1Api(client).readNamespacedDeployment(name, namespace).execute().getMetadata()
            .getGeneration();
        Instant seen = doneSeen.get(name + "@" + generation);
        if (seen != null) {
          micros.add(Duration.between(seen, promoted.at()).toNanos() / 1000);
        }
      }
    } finally {
      watcher.interrupt();
    }
    Collections.sort(micros);
    System.out.printf("completion noticed after the status update that completes it (%d rollouts): p50 %.1f ms,"
        + " p90 %.1f ms, max %.1f ms%n", micros.size(), percentile(micros, 50) / 1000.0,
        percentile(micros, 90) / 1000.0, micros.isEmpty() ? 0 : micros.get(micros.size() - 1) / 1000.0);
  }

  /** The same canary with a 2 s and a 20 s pause: requests counted by a client interceptor. */
  private static void requestsVersusPause(LocalCluster cluster) throws Exception {
    String namespace = namespace(cluster.client(), "bench-requests");
    for (Duration pause : List.of(Duration.ofSeconds(2), Duration.ofSeconds(20))) {
      String name = "pause-" + pause.toSeconds();
      ServerSideApply.using(cluster.client()).apply(app(namespace, name, 2, "v1").objects());
      RolloutStatus.using(cluster.client()).deployment(namespace, name).await(Duration.ofMinutes(2));
      AtomicInteger leases = new AtomicInteger();
      AtomicInteger others = new AtomicInteger();
      ApiClient counted = Config.fromConfig(cluster.kubeconfig().toString());
      Interceptor counter = chain -> {
        (chain.request().url().encodedPath().contains("/leases") ? leases : others).incrementAndGet();
        return chain.proceed(chain.request());
      };
      counted.setHttpClient(counted.getHttpClient().newBuilder().addInterceptor(counter).build());
      try (Rollouts rollouts = Rollouts.using(counted)) {
        RolloutOutcome outcome = rollouts.run(Rollout.of(app(namespace, name, 2, "v2"), name)
            .strategy(Canary.steps(CanaryStep.setWeight(50), CanaryStep.pause(pause), CanaryStep.setWeight(100))));
        System.out.printf("canary with a %2d s pause: %s, %d requests besides %d for the Lease%n", pause.toSeconds(),
            outcome.getClass().getSimpleName(), others.get(), leases.get());
      }
    }
  }

  /** {@code count} canaries at once from one engine. */
  private static void concurrent(LocalCluster cluster, int count) throws Exception {
    ApiClient client = cluster.client();
    String namespace = namespace(client, "bench-concurrent");
    List<KubernetesObject> stable = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      stable.addAll(app(namespace, "svc-" + i, 2, "v1").objects());
    }
    ServerSideApply.using(client).apply(stable);
    for (int i = 0; i < count; i++) {
      RolloutStatus.using(client).deployment(namespace, "svc-" + i).await(Duration.ofMinutes(5));
    }
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    int threadsBefore = threads.getThreadCount();
    threads.resetPeakThreadCount();
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    long start = System.nanoTime();
    int promoted = 0;
    try (Rollouts rollouts = Rollouts.using(client)) {
      List<RolloutHandle> handles = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        handles.add(rollouts.start(Rollout.of(app(namespace, "svc-" + i, 2, "v2"), "svc-" + i)
            .strategy(Canary.steps(CanaryStep.setWeight(50), CanaryStep.setWeight(100)))));
      }
      for (RolloutHandle handle : handles) {
        if (handle.outcome().get(10, TimeUnit.MINUTES).isPromoted()) {
          promoted++;
        }
      }
    }
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    sampler.interrupt();
    int correct = 0;
    AppsV1Api apps = new AppsV1Api(client);
    for (int i = 0; i < count; i++) {
      V1Deployment d = apps.readNamespacedDeployment("svc-" + i, namespace).execute();
      if (RolloutVerdicts.of(d).isDone() && d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
          .endsWith(":v2") && d.getSpec().getMinReadySeconds() == null) {
        correct++;
      }
    }
    System.out.printf("%d canaries at once in one JVM: %d promoted, %d Deployments rolled out as applied, wall %.1f s,"
        + " threads %d before and %d at peak, heap at most %d MB used (max %d MB)%n", count, promoted, correct,
        wallMillis / 1000.0, threadsBefore, threads.getPeakThreadCount(), peakHeap.get() >> 20,
        memory.getHeapMemoryUsage().getMax() >> 20);
  }

  private static Thread watchCompletions(LocalCluster cluster, String namespace, Map<String, Instant> doneSeen)
      throws Exception {
    ApiClient watching = Config.fromConfig(cluster.kubeconfig().toString());
    watching.setHttpClient(watching.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
    AppsV1Api apps = new AppsV1Api(watching);
    Thread thread = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try (Watch<V1Deployment> watch = Watch.createWatch(watching,
            apps.listNamespacedDeployment(namespace).watch(true).buildCall(null),
            new com.google.gson.reflect.TypeToken<Watch.Response<V1Deployment>>() {}.getType())) {
          for (Watch.Response<V1Deployment> event : watch) {
            Instant now = Instant.now();
            V1Deployment d = event.object;
            if (d != null && RolloutVerdicts.of(d).isDone() && d.getSpec().getMinReadySeconds() == null) {
              doneSeen.putIfAbsent(d.getMetadata().getName() + "@" + d.getMetadata().getGeneration(), now);
            }
          }
        } catch (Exception e) {
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
        }
      }
    }, "completion-watch");
    thread.setDaemon(true);
    thread.start();
    Thread.sleep(500); // let the watch open
    return thread;
  }

  private static App app(String namespace, String name, int replicas, String version) {
    Deployment deployment = Deployment.named(name).replicas(replicas).pod(PodTemplate.container(
        Container.named("app").image("ghcr.io/acme/" + name + ":" + version))).build();
    return App.named("bench").namespace(namespace).add(deployment).build();
  }

  private static String namespace(ApiClient client, String name) throws Exception {
    new CoreV1Api(client).createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name))).execute();
    return name;
  }

  private static double percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
