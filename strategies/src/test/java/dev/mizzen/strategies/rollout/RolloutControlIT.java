package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.RolloutPlan.PlannedStep;
import dev.mizzen.strategies.rollout.internal.Gate;
import dev.mizzen.strategies.rollout.internal.StateStore;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Controlling rollouts from outside and surviving what happens to them: a process that vanishes,
 * two processes at once, another writer resetting held fields, an autoscaler rescaling, abort
 * and deadline, and the dry-run plan. On the local control plane.
 */
@ClusterTest(namespacePerMethod = true)
class RolloutControlIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);
  /** Short, for quick takeovers; long enough that a loaded machine renews in time (every second). */
  private static final Duration LEASE = DrivingProcess.LEASE;
  private final List<Rollouts> engines = new ArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(Rollouts::close);
  }

  private Rollouts engine(ApiClient client, String identity) {
    Rollouts rollouts = Rollouts.using(client).identity(identity).leaseDuration(LEASE);
    engines.add(rollouts);
    return rollouts;
  }

  @Test
  void aRolloutLeftByAVanishedProcessResumesAtTheSameStepInAnother(ApiClient client, TestNamespace ns) throws Exception {
    setUp(client, ns, 4);
    Rollout rollout = canaryTo(ns, 4, "web:2", CanaryStep.setWeight(25), CanaryStep.pauseUntilPromoted(),
        CanaryStep.setWeight(100));
    Rollouts first = engine(client, "first");
    RolloutHandle abandoned = first.start(rollout);
    Timelines.awaitStep(abandoned, 2, GENEROUS);
    first.close(); // as if the process died: nothing released, nothing cleaned up

    Thread.sleep(LEASE.toMillis() + 1_000); // longer than the lease: nothing moves while nobody drives
    RolloutState left = first.status(ns.name(), "web").orElseThrow();
    assertThat(left.step()).isEqualTo(2);
    assertThat(left.holder()).isEqualTo("first");
    assertThat(Gate.deviations(deployment(client, ns), 1)).isEmpty();

    RolloutHandle resumed = engine(client, "second").start(rollout);
    Timelines.awaitEntry(resumed, "resuming the rollout at step 2 (stepping), left by first", GENEROUS);
    assertThat(engine(client, "observer").status(ns.name(), "web").orElseThrow().holder()).isEqualTo("second");
    resumed.promoteFully();
    assertThat(resumed.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    assertThat(resumed.timeline()).noneMatch(entry -> entry.what().startsWith("started:"));
  }

  @Test
  void twoProcessesRunningTheSameRolloutOneDrivesIt(ApiClient client, TestNamespace ns) throws Exception {
    setUp(client, ns, 3);
    Rollout rollout = canaryTo(ns, 3, "web:2", CanaryStep.setWeight(34), CanaryStep.setWeight(100));

    RolloutHandle a = engine(client, "a").start(rollout);
    RolloutHandle b = engine(client, "b").start(rollout);

    assertThat(a.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    assertThat(b.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    long drivers = List.of(a, b).stream()
        .filter(h -> h.timeline().stream().anyMatch(entry -> entry.what().startsWith("started:"))).count();
    assertThat(drivers).isEqualTo(1);
  }

  @Test
  void anotherWriterResettingAHeldFieldIsRepaired(ApiClient client, TestNamespace ns) throws Exception {
    setUp(client, ns, 3);
    App v2 = app(ns, web("web:2"), 3);
    RolloutHandle handle = engine(client, "driver").start(Rollout.of(v2, "web").strategy(Canary.steps(
        CanaryStep.setWeight(34), CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100))));
    Timelines.awaitStep(handle, 2, GENEROUS);

    patch(client, ns, "{\"spec\":{\"minReadySeconds\":0}}", "kubectl-edit");

    Timelines.awaitEntry(handle, "repairing drift: spec.minReadySeconds is 0, the rollout holds it at 2147483646",
        GENEROUS);
    handle.promoteFully();
    assertThat(handle.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    assertThat(deployment(client, ns).getSpec().getMinReadySeconds()).isNull();
  }

  @Test
  void aRescaleMidCanaryRecomputesTheBatchAndIsKept(ApiClient client, TestNamespace ns) throws Exception {
    // Replicas left to "an autoscaler" (another manager, through the scale subresource), as the DSL wants with an HPA.
    apply(client, app(ns, web("web:1"), null));
    scale(client, ns, 4);
    awaitRolledOut(client, ns);
    App v2 = app(ns, web("web:2"), null);
    RolloutHandle handle = engine(client, "driver").start(Rollout.of(v2, "web").strategy(Canary.steps(
        CanaryStep.setWeight(50), CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100))));
    Timelines.awaitStep(handle, 2, GENEROUS);

    scale(client, ns, 6);

    Timelines.awaitEntry(handle, "replicas are now 6: the batch is 3 new pods", GENEROUS);
    handle.promoteFully();
    assertThat(handle.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RolloutOutcome.Promoted.class);
    V1Deployment after = deployment(client, ns);
    assertThat(after.getSpec().getReplicas()).isEqualTo(6);
    assertThat(after.getStatus().getAvailableReplicas()).isEqualTo(6);
  }

  @Test
  void anAbortRequestRestoresTheStableRevision(ApiClient client, TestNamespace ns) throws Exception {
    setUp(client, ns, 3);
    V1Deployment before = deployment(client, ns);
    RolloutHandle handle = engine(client, "driver").start(canaryTo(ns, 3, "web:2", CanaryStep.setWeight(34),
        CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100)));
    Timelines.awaitStep(handle, 2, GENEROUS);

    engine(client, "operator").abort(ns.name(), "web", "p99 latency doubled");

    RolloutOutcome outcome = handle.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOfSatisfying(RolloutOutcome.Aborted.class, aborted -> {
      assertThat(aborted.reason()).isEqualTo("aborted on request: p99 latency doubled");
      assertThat(aborted.step()).isEqualTo(2);
    });
    assertThat(new io.kubernetes.client.openapi.JSON().serialize(deployment(client, ns).getSpec()))
        .isEqualTo(new io.kubernetes.client.openapi.JSON().serialize(before.getSpec()));
  }

  @Test
  void aRolloutPastItsDeadlineEndsWithTheStableRevision(ApiClient client, TestNamespace ns) throws Exception {
    setUp(client, ns, 2);
    String stableImage = image(deployment(client, ns));

    RolloutOutcome outcome = engine(client, "driver").run(canaryTo(ns, 2, "web:2", CanaryStep.setWeight(50),
        CanaryStep.pauseUntilPromoted(), CanaryStep.setWeight(100)).deadline(Duration.ofSeconds(3)));

    assertThat(outcome).isInstanceOfSatisfying(RolloutOutcome.DeadlineExceeded.class,
        exceeded -> assertThat(exceeded.deadline()).isEqualTo(Duration.ofSeconds(3)));
    assertThat(image(deployment(client, ns))).isEqualTo(stableImage);
    assertThat(new CoreV1Api(client).listNamespacedConfigMap(ns.name()).execute().getItems())
        .extracting(cm -> cm.getMetadata().getName()).doesNotContain(StateStore.objectName("web"));
  }

  @Test
  void aPlanSaysWhatEachStepChangesAndWritesNothing(ApiClient client, TestNamespace ns) throws Exception {
    setUp(client, ns, 5);
    long generation = deployment(client, ns).getMetadata().getGeneration();

    RolloutPlan plan = engine(client, "planner").plan(canaryTo(ns, 5, "web:2", CanaryStep.setWeight(20),
        CanaryStep.pause(Duration.ofMinutes(5)), CanaryStep.setWeight(60)));

    assertThat(plan.steps()).extracting(PlannedStep::number).containsExactly(0, 1, 2, 3, 4);
    assertThat(plan.steps().get(0).changes()).contains(
        "spec.template.spec.containers[0].image: ghcr.io/acme/web:1 → ghcr.io/acme/web:2",
        "spec.minReadySeconds: (unset) → 2147483646",
        "spec.strategy.rollingUpdate.maxSurge: 25% → 1",
        "spec.strategy.rollingUpdate.maxUnavailable: 25% → 0");
    assertThat(plan.steps().get(1).what()).isEqualTo("setWeight 20%: 1 new pod Ready next to 5 stable");
    assertThat(plan.steps().get(2).what()).isEqualTo("pause 5m");
    assertThat(plan.steps().get(3).changes()).containsExactly("spec.strategy.rollingUpdate.maxSurge: 1 → 3");
    assertThat(plan.steps().get(4).changes()).contains("spec.minReadySeconds: 2147483646 → (unset)");
    assertThat(deployment(client, ns).getMetadata().getGeneration()).isEqualTo(generation);
    assertThat(new CoreV1Api(client).listNamespacedConfigMap(ns.name()).execute().getItems())
        .extracting(cm -> cm.getMetadata().getName()).doesNotContain(StateStore.objectName("web"));
  }

  // ---------------------------------------------------------------------------------------------

  private static void setUp(ApiClient client, TestNamespace ns, int replicas) {
    apply(client, app(ns, web("web:1"), replicas));
    awaitRolledOut(client, ns);
  }

  /** The rollout of {@code image} with the replicas {@link #setUp} gave: a rollout applies the whole Deployment. */
  private static Rollout canaryTo(TestNamespace ns, int replicas, String image, CanaryStep... steps) {
    V1Deployment rendered = (V1Deployment) app(ns, web(image), replicas).objects().stream()
        .filter(V1Deployment.class::isInstance).findFirst().orElseThrow();
    return Rollout.of(rendered).strategy(Canary.steps(steps));
  }

  private static PodTemplate.Builder web(String image) {
    return PodTemplate.container(Container.named("web").image("ghcr.io/acme/" + image))
        .labels(PodBehaviour.ready().labels());
  }

  private static App app(TestNamespace ns, PodTemplate.Builder pod, Integer replicas) {
    Deployment.Builder web = Deployment.named("web").pod(pod);
    if (replicas != null) {
      web.replicas(replicas);
    }
    return App.named("shop").namespace(ns.name()).add(web.build()).build();
  }

  private static void apply(ApiClient client, App app) {
    ServerSideApply.using(client).apply(app.objects());
  }

  private static void awaitRolledOut(ApiClient client, TestNamespace ns) {
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();
  }



  private static void patch(ApiClient client, TestNamespace ns, String mergePatch, String manager) throws ApiException {
    AppsV1Api apps = new AppsV1Api(client);
    PatchUtils.patch(V1Deployment.class, () -> apps.patchNamespacedDeployment("web", ns.name(), new V1Patch(mergePatch))
        .fieldManager(manager).buildCall(null), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
  }

  /** Sets replicas through the scale subresource, as the HorizontalPodAutoscaler does. */
  private static void scale(ApiClient client, TestNamespace ns, int replicas) throws ApiException {
    AppsV1Api apps = new AppsV1Api(client);
    PatchUtils.patch(io.kubernetes.client.openapi.models.V1Scale.class,
        () -> apps.patchNamespacedDeploymentScale("web", ns.name(),
            new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}")).fieldManager("autoscaler").buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
  }

  private static V1Deployment deployment(ApiClient client, TestNamespace ns) throws ApiException {
    return new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute();
  }

  private static String image(V1Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }
}
