package dev.mizzen.testkit.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.reflect.TypeToken;
import dev.mizzen.scheduling.explain.ClusterState;
import dev.mizzen.scheduling.explain.Explanation;
import dev.mizzen.scheduling.explain.PendingPod;
import dev.mizzen.scheduling.explain.PlacedPod;
import dev.mizzen.scheduling.explain.PlacementExplainer;
import dev.mizzen.scheduling.fleet.Fleet;
import dev.mizzen.scheduling.fleet.Node;
import dev.mizzen.testkit.cluster.LocalCluster;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explainer against the real kube-scheduler 1.33 of a local control plane of its own.
 * Generated scenarios run in waves: each wave's scenarios get nodes of their own (at most
 * {@value #MAX_NODES} nodes in the cluster, so the scheduler looks at every node), their placed
 * pods are bound and running, then every scenario's pod is created at once and its binding or
 * first FailedScheduling event is awaited through watches. A bound pod must be on a node the
 * explainer calls feasible and top-scored; an unschedulable pod must have exactly the explainer's
 * FailedScheduling message. Each wave is compared against the whole cluster as it stood.
 *
 * <p>System properties: {@code mizzen.parity.seed} (default {@value #DEFAULT_SEED}),
 * {@code mizzen.parity.scenarios} (default 500), {@code mizzen.parity.only} (one scenario's index).
 */
class SchedulingParityIT {
  static final long DEFAULT_SEED = 20261203L;
  static final int MAX_NODES = 90;
  private static final String ROLE = "parity.mizzen.dev/role";
  private static final String WAVE = "parity.mizzen.dev/wave";
  private static final Duration WAVE_TIMEOUT = Duration.ofSeconds(90);

  private static LocalCluster cluster;
  private static ApiClient client;
  private static CoreV1Api core;
  private final ExecutorService watchers = Executors.newCachedThreadPool();

  @BeforeAll
  static void startCluster() {
    cluster = LocalCluster.start(Fleet.builder().build(), System.err);
    client = cluster.client();
    core = new CoreV1Api(client);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theExplainerAgreesWithKubeScheduler() throws Exception {
    long seed = Long.getLong("mizzen.parity.seed", DEFAULT_SEED);
    int total = Integer.getInteger("mizzen.parity.scenarios", 500);
    Integer only = Integer.getInteger("mizzen.parity.only");
    ScenarioGenerator generator = new ScenarioGenerator(seed);
    List<Scenario> scenarios = new ArrayList<>();
    if (only != null) {
      scenarios.add(generator.scenario(only));
    } else {
      for (int i = 0; i < total; i++) {
        scenarios.add(generator.scenario(i));
      }
    }

    long start = System.nanoTime();
    Tally tally = new Tally();
    List<Scenario> wave = new ArrayList<>();
    int waveNumber = 0;
    for (Scenario scenario : scenarios) {
      if (!wave.isEmpty() && nodeCount(wave) + scenario.nodes().size() > MAX_NODES) {
        runWave(++waveNumber, wave, tally);
        wave = new ArrayList<>();
      }
      wave.add(scenario);
    }
    if (!wave.isEmpty()) {
      runWave(++waveNumber, wave, tally);
    }
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    System.out.printf("[parity] seed %d: %d scenarios in %d waves, %d s: %d bound, %d unschedulable;"
            + " feasibility and reasons agree in %d/%d (%.1f%%), bound node in the top set in %d/%d (%.1f%%)%n",
        seed, tally.scenarios, waveNumber, seconds, tally.bound, tally.unschedulable,
        tally.reasonsAgree, tally.scenarios, 100.0 * tally.reasonsAgree / Math.max(1, tally.scenarios),
        tally.topAgree, tally.bound, 100.0 * tally.topAgree / Math.max(1, tally.bound));

    assertThat(tally.disagreements).as("disagreements with kube-scheduler (seed %d)", seed).isEmpty();
  }

  private void runWave(int number, List<Scenario> wave, Tally tally) throws Exception {
    Fleet.Builder fleet = Fleet.builder();
    wave.forEach(s -> s.nodes().forEach(fleet::node));
    for (Scenario scenario : wave) {
      for (Map.Entry<String, Map<String, String>> ns : scenario.namespaces().entrySet()) {
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(ns.getKey()).labels(ns.getValue()))).execute();
      }
    }
    cluster.addNodes(fleet.build());
    awaitSettledNodes(wave);

    String waveLabel = String.valueOf(number);
    List<V1Pod> existing = new ArrayList<>();
    for (Scenario scenario : wave) {
      for (V1Pod pod : scenario.existing()) {
        existing.add(labelled(pod, "existing", waveLabel));
      }
    }
    awaitPods(ROLE + "=existing," + WAVE + "=" + waveLabel, existing.size(),
        (pod, done) -> { if ("Running".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase())) done.accept(key(pod), "running"); },
        () -> existing.forEach(this::create));

    ClusterState state = clusterState();
    Map<String, Explanation> explanations = new LinkedHashMap<>();
    for (Scenario scenario : wave) {
      explanations.put(key(scenario.incoming()), PlacementExplainer.explain(PendingPod.fromV1Pod(scenario.incoming()), state));
    }

    Map<String, String> outcomes = awaitOutcomes(waveLabel, wave);
    for (Scenario scenario : wave) {
      compare(scenario, explanations.get(key(scenario.incoming())), outcomes.get(key(scenario.incoming())), tally);
    }
    cleanUp(wave);
  }

  /** Waits until kube-controller-manager has removed the not-ready taints and tainted cordoned nodes. */
  private void awaitSettledNodes(List<Scenario> wave) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      List<V1Node> nodes = core.listNode().execute().getItems();
      boolean settled = nodes.stream().allMatch(SchedulingParityIT::settled);
      if (settled) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("nodes did not settle: " + nodes.stream().filter(n -> !settled(n))
            .map(n -> n.getMetadata().getName() + " " + n.getSpec().getTaints()).toList());
      }
      Thread.sleep(100);
    }
  }

  private static boolean settled(V1Node node) {
    List<V1Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
    boolean cordoned = Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable());
    boolean transient_ = taints.stream().anyMatch(t -> t.getKey().startsWith("node.kubernetes.io/")
        && !t.getKey().equals("node.kubernetes.io/unschedulable"));
    boolean unschedulableTaint = taints.stream().anyMatch(t -> t.getKey().equals("node.kubernetes.io/unschedulable"));
    return !transient_ && cordoned == unschedulableTaint;
  }

  /** Every node and every bound pod of the cluster, with the namespaces' labels. */
  private ClusterState clusterState() throws ApiException {
    ClusterState state = ClusterState.ofNodes(core.listNode().execute().getItems());
    List<PlacedPod> pods = new ArrayList<>();
    for (V1Pod pod : core.listPodForAllNamespaces().execute().getItems()) {
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if (pod.getSpec().getNodeName() != null && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
        pods.add(PlacedPod.fromV1Pod(pod));
      }
    }
    state = state.withPods(pods);
    for (V1Namespace ns : core.listNamespace().execute().getItems()) {
      state = state.withNamespace(ns.getMetadata().getName(),
          ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels());
    }
    return state;
  }

  /** Creates the wave's pods and waits, through watches, for each to be bound or to get its FailedScheduling event. */
  private Map<String, String> awaitOutcomes(String waveLabel, List<Scenario> wave) throws Exception {
    Map<String, String> outcomes = new ConcurrentHashMap<>();
    CountDownLatch resolved = new CountDownLatch(wave.size());
    BiConsumer<String, String> done = (key, outcome) -> {
      if (outcomes.putIfAbsent(key, outcome) == null) {
        resolved.countDown();
      }
    };
    String events = core.listEventForAllNamespaces().fieldSelector("reason=FailedScheduling").execute()
        .getMetadata().getResourceVersion();
    Watcher<CoreV1Event> eventWatch = watch(() -> core.listEventForAllNamespaces().fieldSelector("reason=FailedScheduling")
            .resourceVersion(events).watch(true).timeoutSeconds(120).buildCall(null),
        new TypeToken<Watch.Response<CoreV1Event>>() {}.getType(),
        event -> {
          var object = event.getInvolvedObject();
          if (object != null && "Pod".equals(object.getKind())) {
            done.accept(object.getNamespace() + "/" + object.getName(), "unschedulable: " + event.getMessage());
          }
        });
    String selector = ROLE + "=incoming," + WAVE + "=" + waveLabel;
    String pods = core.listPodForAllNamespaces().labelSelector(selector).execute().getMetadata().getResourceVersion();
    Watcher<V1Pod> podWatch = watch(() -> core.listPodForAllNamespaces().labelSelector(selector)
            .resourceVersion(pods).watch(true).timeoutSeconds(120).buildCall(null),
        new TypeToken<Watch.Response<V1Pod>>() {}.getType(),
        pod -> {
          if (pod.getSpec().getNodeName() != null) {
            done.accept(key(pod), "bound: " + pod.getSpec().getNodeName());
          }
        });
    try {
      for (Scenario scenario : wave) {
        create(labelled(scenario.incoming(), "incoming", waveLabel));
      }
      if (!resolved.await(WAVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("no outcome within " + WAVE_TIMEOUT + " for "
            + wave.stream().map(s -> key(s.incoming())).filter(k -> !outcomes.containsKey(k)).toList());
      }
    } finally {
      eventWatch.close();
      podWatch.close();
    }
    return outcomes;
  }

  private void compare(Scenario scenario, Explanation explanation, String outcome, Tally tally) {
    tally.scenarios++;
    String problem = null;
    if (outcome.startsWith("bound: ")) {
      tally.bound++;
      String node = outcome.substring("bound: ".length());
      if (!explanation.feasibleNodes().contains(node)) {
        problem = "kube-scheduler bound the pod to Node/" + node + ", which the explainer calls infeasible";
      } else {
        tally.reasonsAgree++;
        if (explanation.topNodes().contains(node)) {
          tally.topAgree++;
        } else {
          problem = "kube-scheduler bound the pod to Node/" + node + ", which is not in the explainer's top set "
              + explanation.topNodes();
        }
      }
    } else {
      tally.unschedulable++;
      String message = outcome.substring("unschedulable: ".length());
      Optional<String> explained = explanation.failedSchedulingMessage();
      if (explained.isPresent() && explained.get().equals(message)) {
        tally.reasonsAgree++;
      } else {
        problem = "kube-scheduler: " + message + "\n  explainer:     " + explained.orElse("(schedulable)");
      }
    }
    if (problem != null) {
      tally.disagreements.add(scenario.id());
      System.out.printf("[parity] DISAGREEMENT seed %d scenario %d (%s): %s%n%s%n%s%n", scenario.seed(), scenario.index(),
          scenario.id(), problem, explanation, scenario.reproduction());
    }
  }

  private void cleanUp(List<Scenario> wave) throws Exception {
    for (Scenario scenario : wave) {
      for (String ns : scenario.namespaces().keySet()) {
        core.deleteCollectionNamespacedPod(ns).gracePeriodSeconds(0).execute();
        core.deleteNamespace(ns).execute();
      }
    }
    List<String> names = new ArrayList<>();
    for (Scenario scenario : wave) {
      for (Node node : scenario.nodes()) {
        core.deleteNode(node.name()).execute();
        names.add(node.name());
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (core.listPodForAllNamespaces().execute().getItems().stream()
            .anyMatch(p -> p.getMetadata().getLabels() != null && p.getMetadata().getLabels().containsKey(ROLE))
        || core.listNode().execute().getItems().stream().anyMatch(n -> names.contains(n.getMetadata().getName()))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the wave's pods and nodes were not deleted within 60 s");
      }
      Thread.sleep(100);
    }
  }

  private void awaitPods(String selector, int expected, BiConsumer<V1Pod, BiConsumer<String, String>> check, Runnable action)
      throws Exception {
    if (expected == 0) {
      action.run();
      return;
    }
    Map<String, String> seen = new ConcurrentHashMap<>();
    CountDownLatch latch = new CountDownLatch(expected);
    BiConsumer<String, String> done = (key, value) -> {
      if (seen.putIfAbsent(key, value) == null) {
        latch.countDown();
      }
    };
    V1PodList list = core.listPodForAllNamespaces().labelSelector(selector).execute();
    Watcher<V1Pod> podWatch = watch(() -> core.listPodForAllNamespaces().labelSelector(selector)
            .resourceVersion(list.getMetadata().getResourceVersion()).watch(true).timeoutSeconds(120).buildCall(null),
        new TypeToken<Watch.Response<V1Pod>>() {}.getType(), pod -> check.accept(pod, done));
    try {
      action.run();
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("pods " + selector + " did not all get there: " + seen.size() + "/" + expected);
      }
    } finally {
      podWatch.close();
    }
  }

  private void create(V1Pod pod) {
    try {
      core.createNamespacedPod(pod.getMetadata().getNamespace(), pod).execute();
    } catch (ApiException e) {
      throw new IllegalStateException("cannot create Pod/" + key(pod) + ": " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }

  private static V1Pod labelled(V1Pod pod, String role, String wave) {
    V1Pod copy = io.kubernetes.client.util.Yaml.loadAs(io.kubernetes.client.util.Yaml.dump(pod), V1Pod.class);
    copy.getMetadata().putLabelsItem(ROLE, role);
    copy.getMetadata().putLabelsItem(WAVE, wave);
    return copy;
  }

  private static String key(V1Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  private static int nodeCount(List<Scenario> wave) {
    return wave.stream().mapToInt(s -> s.nodes().size()).sum();
  }

  @FunctionalInterface
  interface CallFactory {
    okhttp3.Call call() throws ApiException;
  }

  /** A watch read on a thread of its own, handing each object to {@code onObject}; closed by {@link #close()}. */
  private <T> Watcher<T> watch(CallFactory call, Type type, java.util.function.Consumer<T> onObject) throws ApiException {
    Watch<T> watch = Watch.createWatch(client, call.call(), type);
    watchers.submit(() -> {
      try {
        for (Watch.Response<T> response : watch) {
          if (response.object != null && !"ERROR".equals(response.type) && !"BOOKMARK".equals(response.type)) {
            onObject.accept(response.object);
          }
        }
      } catch (RuntimeException e) {
        // closed
      }
    });
    return new Watcher<>(watch);
  }

  private record Watcher<T>(Watch<T> watch) implements AutoCloseable {
    @Override
    public void close() {
      try {
        watch.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }

  private static final class Tally {
    int scenarios;
    int bound;
    int unschedulable;
    int reasonsAgree;
    int topAgree;
    final List<String> disagreements = new ArrayList<>();
  }
}
