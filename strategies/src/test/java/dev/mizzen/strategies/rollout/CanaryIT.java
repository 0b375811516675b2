package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.internal.StateStore;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.EventsV1Api;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Canary rollouts of one Deployment on the local control plane, driven by the engine in this JVM.
 * Counts are asserted only where the rollout holds still (a step paused until promoted) or at the
 * end, never mid-flight, so nothing here depends on timing.
 */
@ClusterTest(namespacePerMethod = true)
class CanaryIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);
  private Rollouts rollouts;

  @AfterEach
  void closeEngine() {
    if (rollouts != null) {
      rollouts.close();
    }
  }

  @Test
  void aCanaryOf20And50PercentHoldsExactBatchesThenPromotes(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, app(ns, web(5, "web:1", PodBehaviour.ready())));
    awaitRolledOut(client, ns);
    String stable = currentHash(client, ns);

    rollouts = Rollouts.using(client);
    App v2 = app(ns, web(5, "web:2", PodBehaviour.ready()));
    RolloutHandle handle = rollouts.start(Rollout.of(v2, "web").strategy(Canary.steps(
        CanaryStep.setWeight(20), CanaryStep.pauseUntilPromoted(),
        CanaryStep.setWeight(50), CanaryStep.pauseUntilPromoted(),
        CanaryStep.setWeight(100))));

    Timelines.awaitStep(handle, 2, GENEROUS);
    assertBatch(client, ns, stable, 1, 5); // ceil(20% of 5)
    handle.promote();
    Timelines.awaitStep(handle, 4, GENEROUS);
    assertBatch(client, ns, stable, 3, 5); // ceil(50% of 5)
    handle.promote();

    RolloutOutcome outcome = handle.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(RolloutOutcome.Promoted.class);
    assertThat(outcome.revisionHash()).isNotEqualTo(stable).isEqualTo(currentHash(client, ns));
    assertThat(RolloutVerdicts.of(deployment(client, ns)).isDone()).isTrue();
    assertLeftAsApplied(client, ns, v2);
    assertEventsRecorded(client, ns, "RolloutStarted", "RolloutStep", "RolloutFinishing", "RolloutCompleted");
  }

  @Test
  void theServedEndpointsNeverDropBelowThePdbsMinAvailable(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, servedApp(ns, "web:1"));
    awaitRolledOut(client, ns);
    EndpointsRecorder endpoints = EndpointsRecorder.start(client, ns.name(), "web");
    try {
      endpoints.awaitAtLeast(4, GENEROUS);
      rollouts = Rollouts.using(client);
      RolloutOutcome outcome = rollouts.run(Rollout.of(servedApp(ns, "web:2"), "web").strategy(Canary.steps(
          CanaryStep.setWeight(25), CanaryStep.pause(Duration.ofSeconds(1)), CanaryStep.setWeight(75),
          CanaryStep.setWeight(100))));
      assertThat(outcome).isInstanceOf(RolloutOutcome.Promoted.class);
      endpoints.awaitAtLeast(4, GENEROUS);
    } finally {
      endpoints.stop();
    }
    assertThat(endpoints.minimumSince(4)).as("ready endpoints of Service/web throughout: %s", endpoints.history())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void aNeverReadyCanaryAbortsWithTheStableRevisionFullyAvailable(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, app(ns, web(4, "web:1", PodBehaviour.ready())));
    awaitRolledOut(client, ns);
    V1Deployment before = deployment(client, ns);
    String stable = currentHash(client, ns);

    rollouts = Rollouts.using(client);
    RolloutOutcome outcome = rollouts.run(Rollout.of(app(ns, web(4, "web:2", PodBehaviour.neverReady())), "web")
        .strategy(Canary.steps(CanaryStep.setWeight(50), CanaryStep.setWeight(100)).stepTimeout(Duration.ofSeconds(5))));

    assertThat(outcome).isInstanceOfSatisfying(RolloutOutcome.Aborted.class, aborted -> {
      assertThat(aborted.step()).isEqualTo(1);
      assertThat(aborted.reason()).contains("setWeight 50%: only 0 of 2 new pods Ready after 5s");
    });
    V1Deployment after = deployment(client, ns);
    assertThat(tree(after.getSpec())).isEqualTo(tree(before.getSpec()));
    assertThat(userAnnotations(after)).isEqualTo(userAnnotations(before));
    assertThat(currentHash(client, ns)).isEqualTo(stable);
    V1ReplicaSet canary = replicaSet(client, ns, outcome.revisionHash());
    assertThat(canary.getSpec().getReplicas()).isZero();
    assertThat(replicaSet(client, ns, stable).getStatus().getAvailableReplicas()).isEqualTo(4);
    assertNoEngineObjectsLeft(client, ns);
  }

  @Test
  void aCrashLoopingCanaryAbortsOnPodHealth(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, app(ns, web(3, "web:1", PodBehaviour.ready())));
    awaitRolledOut(client, ns);
    String stable = currentHash(client, ns);

    rollouts = Rollouts.using(client);
    RolloutOutcome outcome = rollouts.run(Rollout.of(app(ns, web(3, "web:2", PodBehaviour.crashLoop())), "web")
        .strategy(Canary.steps(CanaryStep.setWeight(34), CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100))
            .checkInterval(Duration.ofSeconds(1))));

    assertThat(outcome).isInstanceOfSatisfying(RolloutOutcome.Aborted.class,
        aborted -> assertThat(aborted.reason()).startsWith("pod-health: ").contains("CrashLoopBackOff"));
    assertThat(currentHash(client, ns)).isEqualTo(stable);
    assertThat(replicaSet(client, ns, stable).getStatus().getAvailableReplicas()).isEqualTo(3);
    assertNoEngineObjectsLeft(client, ns);
  }

  @Test
  void aNewTemplateMidCanarySupersedesItAndStartsAtStepOne(ApiClient client, TestNamespace ns) throws Exception {
    HeldCanary held = canaryOfFourHeldAtStepTwo(client, ns);
    String stable = held.stableHash();
    RolloutHandle first = held.handle();
    String superseded = held.canaryHash();

    App v3 = app(ns, web(4, "web:3", PodBehaviour.ready()));
    RolloutHandle second = rollouts.start(Rollout.of(v3, "web")
        .strategy(Canary.steps(CanaryStep.setWeight(50), CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100))));

    assertThat(first.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOfSatisfying(RolloutOutcome.Superseded.class, s -> assertThat(s.step()).isEqualTo(2));
    Timelines.awaitStep(second, 2, GENEROUS);
    assertBatch(client, ns, stable, 2, 4);
    assertThat(replicaSet(client, ns, superseded).getSpec().getReplicas()).isZero();
    second.promoteFully();
    assertThat(second.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    assertLeftAsApplied(client, ns, v3);
  }

  @Test
  void aTemplatePushedByAnotherWriterMidCanarySupersedesItAndItsRolloutStartsAtStepOne(ApiClient client,
      TestNamespace ns) throws Exception {
    HeldCanary held = canaryOfFourHeldAtStepTwo(client, ns);
    String stable = held.stableHash();
    RolloutHandle first = held.handle();
    String superseded = held.canaryHash();

    // kubectl set image: a strategic merge patch of the template only, by another field manager.
    PatchUtils.patch(V1Deployment.class, () -> new AppsV1Api(client).patchNamespacedDeployment("web", ns.name(),
            new V1Patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\","
                + "\"image\":\"ghcr.io/acme/web:3\"}]}}}}")).fieldManager("kubectl-set").buildCall(null),
        V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client);

    assertThat(first.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOfSatisfying(RolloutOutcome.Superseded.class, s -> assertThat(s.step()).isEqualTo(2));
    assertThat(first.timeline()).anySatisfy(entry -> assertThat(entry.what())
        .contains("changed by another writer at step 2").contains("starts at step 1"));
    RolloutHandle pushed = rollouts.handle(ns.name(), "web").orElseThrow();
    Timelines.awaitStep(pushed, 2, GENEROUS);
    assertBatch(client, ns, stable, 1, 4);
    assertThat(replicaSet(client, ns, superseded).getSpec().getReplicas()).isZero();
    pushed.promoteFully();
    assertThat(pushed.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    // As the user's Deployment with the pushed image: the held fields back as the user applied them.
    V1Deployment live = deployment(client, ns);
    V1Deployment wouldBe = ServerSideApply.using(client).dryRun(true)
        .apply(app(ns, web(4, "web:3", PodBehaviour.ready())).objects()).stream()
        .filter(o -> "Deployment".equals(o.getKind())).findFirst()
        .map(o -> JSON.getGson().fromJson(o.getRaw(), V1Deployment.class)).orElseThrow();
    assertThat(tree(live.getSpec())).isEqualTo(tree(wouldBe.getSpec()));
    assertNoEngineObjectsLeft(client, ns);
  }

  @Test
  void theDeploymentsOwnStrategyIsFollowedToTheEnd(ApiClient client, TestNamespace ns) throws Exception {
    rollouts = Rollouts.using(client);
    App v1 = app(ns, web(3, "web:1", PodBehaviour.ready()));
    assertThat(rollouts.run(Rollout.of(v1, "web"))).isInstanceOf(RolloutOutcome.Promoted.class);
    App v2 = app(ns, web(3, "web:2", PodBehaviour.ready()));

    RolloutOutcome outcome = rollouts.run(Rollout.of(v2, "web"));

    assertThat(outcome).isInstanceOf(RolloutOutcome.Promoted.class);
    assertThat(outcome.revisionHash()).isEqualTo(currentHash(client, ns));
    assertLeftAsApplied(client, ns, v2);
  }

  // ---------------------------------------------------------------------------------------------

  /** A canary of web:2 held at step 2 (25%: one new pod, then a pause until promoted), and the hashes. */
  private record HeldCanary(RolloutHandle handle, String stableHash, String canaryHash) {}

  /** Four pods of web:1 rolled out, then a canary to web:2 started and held at step 2. */
  private HeldCanary canaryOfFourHeldAtStepTwo(ApiClient client, TestNamespace ns) throws Exception {
    apply(client, app(ns, web(4, "web:1", PodBehaviour.ready())));
    awaitRolledOut(client, ns);
    String stable = currentHash(client, ns);
    rollouts = Rollouts.using(client);
    RolloutHandle handle = rollouts.start(Rollout.of(app(ns, web(4, "web:2", PodBehaviour.ready())), "web")
        .strategy(Canary.steps(CanaryStep.setWeight(25), CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100))));
    Timelines.awaitStep(handle, 2, GENEROUS);
    return new HeldCanary(handle, stable, currentHash(client, ns));
  }

  private static Deployment web(int replicas, String image, PodBehaviour behaviour) {
    return Deployment.named("web").replicas(replicas).pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/" + image))
        .labels(behaviour.labels())
        .annotations(behaviour.annotations())).build();
  }

  /** Four replicas behind Service web, with a PodDisruptionBudget of minAvailable 3. */
  private static App servedApp(TestNamespace ns, String image) {
    Deployment web = Deployment.named("web").replicas(4).pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/" + image).port(Port.http(8080)))
        .labels(PodBehaviour.ready().labels())).build();
    return App.named("shop").namespace(ns.name()).add(web,
        Service.named("web").selecting("web").port(80, "http").build(),
        PodDisruptionBudget.named("web").selecting("web").minAvailable(3).build()).build();
  }

  private static void assertEventsRecorded(ApiClient client, TestNamespace ns, String... reasons) throws Exception {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    List<String> seen = List.of();
    while (System.nanoTime() < deadline) {
      seen = new EventsV1Api(client).listNamespacedEvent(ns.name()).execute().getItems().stream()
          .filter(e -> "mizzen.dev/rollouts".equals(e.getReportingController()))
          .filter(e -> e.getRegarding() != null && "web".equals(e.getRegarding().getName()))
          .map(EventsV1Event::getReason).toList();
      if (seen.containsAll(List.of(reasons))) {
        return;
      }
      Thread.sleep(100); // events are sent in the background
    }
    assertThat(seen).contains(reasons);
  }

  private static App app(TestNamespace ns, Deployment web) {
    return App.named("shop").namespace(ns.name()).add(web).build();
  }

  private static void apply(ApiClient client, App app) {
    ServerSideApply.using(client).apply(app.objects());
  }

  private static void awaitRolledOut(ApiClient client, TestNamespace ns) {
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();
  }


  /** At a held step: exactly {@code canary} new pods Ready, and the stable revision whole. */
  private static void assertBatch(ApiClient client, TestNamespace ns, String stable, int canary, int replicas)
      throws ApiException {
    List<V1ReplicaSet> sets = replicaSets(client, ns);
    V1ReplicaSet stableSet = sets.stream().filter(rs -> hash(rs).equals(stable)).findFirst().orElseThrow();
    V1ReplicaSet newest = sets.stream().filter(rs -> !hash(rs).equals(stable))
        .filter(rs -> Objects.requireNonNullElse(rs.getSpec().getReplicas(), 0) > 0)
        .findFirst().orElseThrow();
    assertThat(newest.getSpec().getReplicas()).as("new pods wanted").isEqualTo(canary);
    // Pods, not the ReplicaSet's status, which the ReplicaSet controller updates a moment later.
    assertThat(readyPods(client, ns, hash(newest))).as("new pods Ready").isEqualTo(canary);
    assertThat(stableSet.getSpec().getReplicas()).as("stable pods wanted").isEqualTo(replicas);
    assertThat(stableSet.getStatus().getAvailableReplicas()).as("stable pods available").isEqualTo(replicas);
  }

  /**
   * The Deployment is what applying {@code app} directly leaves: a server-side dry run of that
   * apply changes nothing, only the user's field manager and the controller own fields, and no
   * state ConfigMap or Lease is left.
   */
  private static void assertLeftAsApplied(ApiClient client, TestNamespace ns, App app) throws ApiException {
    V1Deployment live = deployment(client, ns);
    V1Deployment wouldBe = ServerSideApply.using(client).dryRun(true).apply(app.objects()).stream()
        .filter(o -> "Deployment".equals(o.getKind())).findFirst()
        .map(o -> JSON.getGson().fromJson(o.getRaw(), V1Deployment.class)).orElseThrow();
    assertThat(tree(live.getSpec())).isEqualTo(tree(wouldBe.getSpec()));
    assertThat(wouldBe.getMetadata().getGeneration()).isEqualTo(live.getMetadata().getGeneration());
    assertThat(userAnnotations(live)).isEqualTo(userAnnotations(wouldBe));
    assertThat(managers(client, ns)).containsOnly(ServerSideApply.FIELD_MANAGER + " Apply",
        "kube-controller-manager Update");
    assertNoEngineObjectsLeft(client, ns);
  }

  /**
   * Who owns fields of the Deployment, as "manager operation". Read raw: client-java's models do
   * not carry managedFields back from the server.
   */
  private static List<String> managers(ApiClient client, TestNamespace ns) throws ApiException {
    okhttp3.Request request = new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).buildCall(null).request();
    try (okhttp3.Response response = client.getHttpClient().newCall(request).execute()) {
      JsonObject metadata = JsonParser.parseString(response.body().string()).getAsJsonObject().getAsJsonObject("metadata");
      List<String> managers = new java.util.ArrayList<>();
      metadata.getAsJsonArray("managedFields").forEach(entry -> managers.add(
          entry.getAsJsonObject().get("manager").getAsString() + " " + entry.getAsJsonObject().get("operation").getAsString()));
      return managers;
    } catch (java.io.IOException e) {
      throw new ApiException(e);
    }
  }

  private static void assertNoEngineObjectsLeft(ApiClient client, TestNamespace ns) throws ApiException {
    String name = StateStore.objectName("web");
    assertThat(new CoreV1Api(client).listNamespacedConfigMap(ns.name()).execute().getItems())
        .extracting(cm -> cm.getMetadata().getName()).doesNotContain(name);
    assertThat(new CoordinationV1Api(client).listNamespacedLease(ns.name()).execute().getItems())
        .extracting(lease -> lease.getMetadata().getName()).doesNotContain(name);
  }

  private static V1Deployment deployment(ApiClient client, TestNamespace ns) throws ApiException {
    return new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute();
  }

  private static List<V1ReplicaSet> replicaSets(ApiClient client, TestNamespace ns) throws ApiException {
    return new AppsV1Api(client).listNamespacedReplicaSet(ns.name()).execute().getItems();
  }

  private static V1ReplicaSet replicaSet(ApiClient client, TestNamespace ns, String hash) throws ApiException {
    return replicaSets(client, ns).stream().filter(rs -> hash(rs).equals(hash)).findFirst().orElseThrow();
  }

  /** The hash of the ReplicaSet the Deployment's current template belongs to. */
  private static String currentHash(ApiClient client, TestNamespace ns) throws ApiException {
    V1Deployment live = deployment(client, ns);
    String revision = live.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision");
    return replicaSets(client, ns).stream()
        .filter(rs -> revision.equals(rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")))
        .map(CanaryIT::hash).findFirst().orElseThrow();
  }

  private static long readyPods(ApiClient client, TestNamespace ns, String hash) throws ApiException {
    return new CoreV1Api(client).listNamespacedPod(ns.name()).labelSelector("pod-template-hash=" + hash).execute()
        .getItems().stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .filter(pod -> pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .count();
  }

  /** The annotations but the controller's revision number, which an abort moves on like an undo does. */
  private static Map<String, String> userAnnotations(V1Deployment deployment) {
    Map<String, String> annotations = new java.util.TreeMap<>(
        Objects.requireNonNullElse(deployment.getMetadata().getAnnotations(), Map.of()));
    annotations.remove("deployment.kubernetes.io/revision");
    return annotations;
  }

  private static String hash(V1ReplicaSet rs) {
    Map<String, String> labels = rs.getMetadata().getLabels();
    return labels == null ? "" : labels.getOrDefault("pod-template-hash", "");
  }

  private static JsonElement tree(Object value) {
    return JSON.getGson().toJsonTree(value);
  }
}
