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
import dev.mizzen.testkit.cluster.TestFleet;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.custom.V1Patch;
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
 * {@value #MAX_NODES} nodes in the cluster), their placed
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
  /**
   * Nodes per wave. With 100 nodes or more kube-scheduler stops filtering once it has found 100
   * feasible nodes (percentageOfNodesToScore); a scenario's pod has at most 7 (its own), so the
   * scheduler still looks at every node, as the explainer does.
   */
  static final int MAX_NODES = 250;
  private static final String ROLE = "parity.mizzen.dev/role";
  private static final String WAVE = "parity.mizzen.dev/wave";
  private static final Duration WAVE_TIMEOUT = Duration.ofSeconds(90);

  private static LocalCluster cluster;
  /** Deletes the cluster if the JVM is stopped before {@link #stopCluster()} runs (SIGTERM, Ctrl-C). */
  private static Thread closeOnExit;
  private static ApiClient client;
  private static CoreV1Api core;
  private static final com.google.gson.Gson NULLS = new com.google.gson.GsonBuilder().serializeNulls().create();
  private final ExecutorService watchers = Executors.newCachedThreadPool();
  /** What each pool node was last made to look like. */
  private final Map<String, Node> configured = new ConcurrentHashMap<>();

  @BeforeAll
  static void startCluster() {
    cluster = LocalCluster.start(Fleet.none(), System.err);
    LocalCluster started = cluster;
    closeOnExit = new Thread(started::close, "close " + started.name());
    Runtime.getRuntime().addShutdownHook(closeOnExit);
    client = cluster.client();
    core = new CoreV1Api(client);
    Map<String, io.kubernetes.client.custom.Quantity> overhead = new LinkedHashMap<>();
    ScenarioGenerator.OVERHEAD.forEach((k, v) -> overhead.put(k, io.kubernetes.client.custom.Quantity.fromString(v)));
    try {
      new io.kubernetes.client.openapi.apis.NodeV1Api(client).createRuntimeClass(new io.kubernetes.client.openapi.models.V1RuntimeClass()
          .metadata(new V1ObjectMeta().name(ScenarioGenerator.OVERHEAD_RUNTIME_CLASS)).handler("runc")
          .overhead(new io.kubernetes.client.openapi.models.V1Overhead().podFixed(overhead))).execute();
    } catch (ApiException e) {
      throw new IllegalStateException("cannot create the RuntimeClass: " + e.getResponseBody(), e);
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      Runtime.getRuntime().removeShutdownHook(closeOnExit);
    }
  }

  @org.junit.jupiter.api.AfterEach
  void stopWatching() {
    watchers.shutdownNow();
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
    tally.reasonsSeen.forEach((reason, count) -> System.out.printf("[parity]   %4d scenarios: %s%n", count, reason));

    assertThat(tally.disagreements).as("disagreements with kube-scheduler (seed %d)", seed).isEmpty();
  }

  private void runWave(int number, List<Scenario> wave, Tally tally) throws Exception {
    long t0 = System.nanoTime();
    List<Scenario> placed = reconfigurePool(wave);
    for (Scenario scenario : placed) {
      for (Map.Entry<String, Map<String, String>> ns : scenario.namespaces().entrySet()) {
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(ns.getKey()).labels(ns.getValue()))).execute();
      }
      String namespace = scenario.namespaces().keySet().iterator().next();
      for (int i = 0; i < scenario.services().size(); i++) {
        core.createNamespacedService(namespace, new V1Service().metadata(new V1ObjectMeta().name(scenario.id() + "-svc-" + i))
            .spec(new V1ServiceSpec().selector(scenario.services().get(i))
                .addPortsItem(new V1ServicePort().port(80).targetPort(new io.kubernetes.client.custom.IntOrString(80))))).execute();
      }
    }
    long t1 = System.nanoTime();
    awaitSettledNodes();
    long t2 = System.nanoTime();

    String waveLabel = String.valueOf(number);
    List<V1Pod> existing = new ArrayList<>();
    for (Scenario scenario : placed) {
      for (V1Pod pod : scenario.existing()) {
        existing.add(labelled(pod, "existing", waveLabel));
      }
    }
    // Bound pods reach kube-scheduler's cache through the same pod watch that later brings the
    // wave's pending pods, and earlier: seeing them all added is enough.
    awaitPods(ROLE + "=existing," + WAVE + "=" + waveLabel, existing.size(),
        (pod, done) -> done.accept(key(pod), "added"),
        () -> inParallel(existing, this::create));

    long t3 = System.nanoTime();
    ClusterState state = clusterState();
    Map<String, Explanation> explanations = new LinkedHashMap<>();
    for (Scenario scenario : placed) {
      explanations.put(key(scenario.incoming()),
          PlacementExplainer.explain(PendingPod.fromV1Pod(ScenarioGenerator.admitted(scenario.incoming())), state));
    }
    long t4 = System.nanoTime();
    Map<String, String> outcomes = awaitOutcomes(waveLabel, placed);
    long t5 = System.nanoTime();
    for (Scenario scenario : placed) {
      compare(scenario, explanations.get(key(scenario.incoming())), outcomes.get(key(scenario.incoming())), tally);
    }
    cleanUp(placed);
    long t6 = System.nanoTime();
    System.err.printf("[parity] wave %d: %d scenarios, %d nodes; ms: nodes %d, settle %d, placed pods %d, explain %d,"
            + " schedule %d, clean up %d%n", number, wave.size(), nodeCount(wave), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000);
  }

  /**
   * Gives each scenario of the wave nodes of the pool (created once, so kwok and the node
   * controllers have nothing to initialize), renamed in the scenario: labels, taints, cordon and
   * capacity are patched onto the pool's nodes; pool nodes the wave does not use become idle.
   */
  private List<Scenario> reconfigurePool(List<Scenario> wave) throws Exception {
    List<Scenario> renamed = new ArrayList<>();
    List<Node> targets = new ArrayList<>();
    int next = 0;
    for (Scenario scenario : wave) {
      Map<String, String> names = new LinkedHashMap<>();
      List<Node> nodes = new ArrayList<>();
      for (Node node : scenario.nodes()) {
        String poolName = poolNode(++next);
        names.put(node.name(), poolName);
        nodes.add(renamed(node, poolName));
      }
      targets.addAll(nodes);
      List<V1Pod> existing = new ArrayList<>();
      for (V1Pod pod : scenario.existing()) {
        V1Pod copy = copy(pod);
        copy.getSpec().setNodeName(names.get(pod.getSpec().getNodeName()));
        existing.add(copy);
      }
      V1Pod incoming = copy(scenario.incoming());
      var affinity = incoming.getSpec().getAffinity();
      var required = affinity == null || affinity.getNodeAffinity() == null ? null
          : affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      if (required != null) {
        required.getNodeSelectorTerms().forEach(term -> term.getMatchFields().forEach(field ->
            field.setValues(field.getValues().stream().map(v -> names.getOrDefault(v, v)).toList())));
      }
      renamed.add(new Scenario(scenario.seed(), scenario.index(), scenario.id(), nodes, scenario.namespaces(),
          scenario.services(), existing, incoming));
    }
    while (next < MAX_NODES) {
      targets.add(Node.named(poolNode(++next)).label(ScenarioGenerator.SCENARIO_LABEL, "idle")
          .capacity("cpu", "1").capacity("memory", "1Gi").capacity("pods", "10").build());
    }
    inParallel(targets, this::configure);
    return renamed;
  }

  private static String poolNode(int n) {
    return String.format("pool-%03d", n);
  }

  private static Node renamed(Node node, String name) {
    Node.Builder copy = Node.named(name).unschedulable(node.unschedulable());
    node.labels().forEach(copy::label);
    node.taints().forEach(copy::taint);
    node.capacity().forEach(copy::capacity);
    node.allocatable().forEach(copy::allocatable);
    return copy.build();
  }

  /** Makes the pool node {@code target.name()} look like {@code target}: creates it, or patches what differs. */
  private void configure(Node target) throws ApiException {
    V1Node wanted = TestFleet.kwokNodes(Fleet.of(target)).get(0);
    Node previous = configured.put(target.name(), target);
    if (previous == null) {
      core.createNode(wanted).execute();
      return;
    }
    if (previous.equals(target)) {
      return;
    }
    Map<String, Object> labels = new LinkedHashMap<>();
    previous.effectiveLabels().keySet().forEach(k -> labels.put(k, null));
    labels.putAll(target.effectiveLabels());
    List<Map<String, String>> taints = new ArrayList<>();
    target.taints().forEach(t -> {
      Map<String, String> taint = new LinkedHashMap<>();
      taint.put("key", t.key());
      if (!t.value().isEmpty()) {
        taint.put("value", t.value());
      }
      taint.put("effect", t.effect().apiValue());
      taints.add(taint);
    });
    if (target.unschedulable()) {
      taints.add(Map.of("key", "node.kubernetes.io/unschedulable", "effect", "NoSchedule"));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("taints", taints.isEmpty() ? null : taints);
    spec.put("unschedulable", target.unschedulable() ? Boolean.TRUE : null);
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("metadata", Map.of("labels", labels));
    patch.put("spec", spec);
    PatchUtils.patch(V1Node.class, () -> core.patchNode(target.name(), new V1Patch(NULLS.toJson(patch))).buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    Map<String, Object> capacity = new LinkedHashMap<>();
    previous.capacity().keySet().forEach(k -> capacity.put(k, null));
    capacity.putAll(target.capacity());
    Map<String, Object> allocatable = new LinkedHashMap<>();
    previous.effectiveAllocatable().keySet().forEach(k -> allocatable.put(k, null));
    allocatable.putAll(target.effectiveAllocatable());
    Map<String, Object> status = Map.of("status", Map.of("capacity", capacity, "allocatable", allocatable));
    PatchUtils.patch(V1Node.class, () -> core.patchNodeStatus(target.name(), new V1Patch(NULLS.toJson(status))).buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
  }

  /** Waits until kube-controller-manager has removed the not-ready taints and tainted cordoned nodes. */
  private void awaitSettledNodes() throws Exception {
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
    boolean ready = node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    return ready && !transient_ && cordoned == unschedulableTaint;
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
    for (V1Service service : core.listServiceForAllNamespaces().execute().getItems()) {
      Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
      if (selector != null && !selector.isEmpty()) {
        state = state.withWorkloadSelector(service.getMetadata().getNamespace(), selector);
      }
    }
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
    java.util.Set<String> expected = wave.stream().map(s -> key(s.incoming())).collect(java.util.stream.Collectors.toSet());
    BiConsumer<String, String> done = (key, outcome) -> {
      if (expected.contains(key) && outcomes.putIfAbsent(key, outcome) == null) {
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
      inParallel(wave, scenario -> create(labelled(scenario.incoming(), "incoming", waveLabel)));
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
        explanation.reasonCounts().keySet().forEach(reason -> tally.reasonsSeen.merge(reason, 1, Integer::sum));
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

  /**
   * Deletes the wave's pods and waits until they are gone. The namespaces stay (empty): the
   * cluster is thrown away at the end, and deleting them would only load the API server.
   */
  private void cleanUp(List<Scenario> wave) throws Exception {
    List<String> namespaces = new ArrayList<>();
    for (Scenario scenario : wave) {
      namespaces.add(scenario.incoming().getMetadata().getNamespace());
      scenario.existing().forEach(p -> namespaces.add(p.getMetadata().getNamespace()));
    }
    inParallel(namespaces.stream().distinct().toList(),
        ns -> core.deleteCollectionNamespacedPod(ns).gracePeriodSeconds(0).execute());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!core.listPodForAllNamespaces().labelSelector(ROLE).execute().getItems().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the wave's pods were not deleted within 60 s");
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

  @FunctionalInterface
  interface ApiAction<T> {
    void run(T item) throws ApiException;
  }

  /** Runs {@code action} on every item, four at a time (the API server and its clients share 2 cores). */
  private static <T> void inParallel(List<T> items, ApiAction<T> action) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> {
          action.run(item);
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> future : futures) {
        future.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ApiException api) {
        throw new IllegalStateException(api.getCode() + " " + api.getResponseBody(), api);
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static V1Pod copy(V1Pod pod) {
    return io.kubernetes.client.util.Yaml.loadAs(io.kubernetes.client.util.Yaml.dump(pod), V1Pod.class);
  }

  private static V1Pod labelled(V1Pod pod, String role, String wave) {
    V1Pod copy = copy(pod);
    copy.getMetadata().putLabelsItem(ROLE, role);
    copy.getMetadata().putLabelsItem(WAVE, wave);
    copy.getSpec().setOverhead(null);     // the RuntimeClass admission sets it; client-java starts it as {}
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
    /** For each reason in an agreed FailedScheduling message, in how many scenarios it appeared. */
    final Map<String, Integer> reasonsSeen = new java.util.TreeMap<>();
  }
}
