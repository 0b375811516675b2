package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * StatefulSets and DaemonSets rolled out by the engine with their own strategies, on the local
 * control plane: the outcome agrees with {@code kubectl rollout status}'s verdict, and a revision
 * that never becomes Ready is rolled back at the deadline, the old revision serving again.
 */
@ClusterTest(namespacePerMethod = true)
class WorkloadRolloutIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);
  private Rollouts rollouts;

  @AfterEach
  void closeEngine() {
    if (rollouts != null) {
      rollouts.close();
    }
  }

  @Test
  void aPartitionedStatefulSetIsPromotedWithKubectlsVerdictAndThePodsBelowThePartitionKept(ApiClient client,
      TestNamespace ns) throws Exception {
    rollouts = Rollouts.using(client);
    assertThat(rollouts.run(Rollout.of(app(ns, db(3, 1, "db:1", PodBehaviour.ready())), "db")))
        .isInstanceOf(RolloutOutcome.Promoted.class);

    Rollout toV2 = Rollout.of(app(ns, db(3, 1, "db:2", PodBehaviour.ready())), "db");
    RolloutPlan plan = rollouts.plan(toV2);
    assertThat(plan.steps()).singleElement().satisfies(step -> {
      assertThat(step.what()).startsWith("apply as given: the StatefulSet controller rolls the new template out");
      assertThat(step.changes()).anySatisfy(change -> assertThat(change).contains("db:1").contains("db:2"));
    });

    RolloutOutcome outcome = rollouts.run(toV2);

    assertThat(outcome).isInstanceOf(RolloutOutcome.Promoted.class);
    assertThat(RolloutStatus.using(client).statefulSet(ns.name(), "db").now())
        .isEqualTo(RolloutVerdict.done("partitioned roll out complete: 2 new pods have been updated..."));
    V1StatefulSetStatus status = new AppsV1Api(client).readNamespacedStatefulSet("db", ns.name()).execute().getStatus();
    assertThat(outcome.revisionHash()).isEqualTo(status.getUpdateRevision());
    assertThat(revisionOf(client, ns, "db-0")).as("below the partition").isEqualTo(status.getCurrentRevision())
        .isNotEqualTo(outcome.revisionHash());
    assertThat(revisionOf(client, ns, "db-1")).isEqualTo(outcome.revisionHash());
    assertThat(revisionOf(client, ns, "db-2")).isEqualTo(outcome.revisionHash());
    assertThat(outcome.timeline()).extracting(TimelineEntry::what)
        .anySatisfy(what -> assertThat(what).contains("(RollingUpdate, partition 1)"));
  }

  @Test
  void aDaemonSetIsPromotedWhenEveryScheduledPodRunsTheNewRevision(ApiClient client, TestNamespace ns)
      throws Exception {
    rollouts = Rollouts.using(client);
    assertThat(rollouts.run(Rollout.of(app(ns, agent("agent:1", PodBehaviour.ready())), "agent")))
        .isInstanceOf(RolloutOutcome.Promoted.class);

    RolloutOutcome outcome = rollouts.run(Rollout.of(app(ns, agent("agent:2", PodBehaviour.ready())), "agent"));

    assertThat(outcome).isInstanceOf(RolloutOutcome.Promoted.class);
    assertThat(RolloutStatus.using(client).daemonSet(ns.name(), "agent").now())
        .isEqualTo(RolloutVerdict.done("daemon set \"agent\" successfully rolled out"));
    List<V1Pod> pods = pods(client, ns);
    assertThat(pods).isNotEmpty().allSatisfy(pod -> assertThat(pod.getMetadata().getLabels())
        .containsEntry("controller-revision-hash", outcome.revisionHash()));
  }

  @Test
  void aDaemonSetRevisionNeverReadyIsRolledBackAtTheDeadline(ApiClient client, TestNamespace ns) throws Exception {
    rollouts = Rollouts.using(client);
    App v1 = app(ns, agent("agent:1", PodBehaviour.ready()));
    RolloutOutcome stable = rollouts.run(Rollout.of(v1, "agent"));

    RolloutOutcome outcome = rollouts.run(Rollout.of(app(ns, agent("agent:2", PodBehaviour.neverReady())), "agent")
        .deadline(Duration.ofSeconds(8)));

    assertThat(outcome).isInstanceOfSatisfying(RolloutOutcome.DeadlineExceeded.class,
        exceeded -> assertThat(exceeded.revisionHash()).isNotEqualTo(stable.revisionHash()));
    V1DaemonSet live = new AppsV1Api(client).readNamespacedDaemonSet("agent", ns.name()).execute();
    assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/agent:1");
    assertThat(RolloutStatus.using(client).daemonSet(ns.name(), "agent").now().isDone()).isTrue();
    assertThat(pods(client, ns)).isNotEmpty().allSatisfy(pod -> assertThat(pod.getMetadata().getLabels())
        .containsEntry("controller-revision-hash", stable.revisionHash()));
  }

  @Test
  void aStatefulSetRevisionNeverReadyIsRolledBackAtTheDeadlineItsBrokenPodReplaced(ApiClient client,
      TestNamespace ns) throws Exception {
    rollouts = Rollouts.using(client);
    RolloutOutcome stable = rollouts.run(Rollout.of(app(ns, db(3, 0, "db:1", PodBehaviour.ready())), "db"));

    RolloutOutcome outcome = rollouts.run(Rollout.of(app(ns, db(3, 0, "db:2", PodBehaviour.neverReady())), "db")
        .deadline(Duration.ofSeconds(8)));

    assertThat(outcome).isInstanceOf(RolloutOutcome.DeadlineExceeded.class);
    assertThat(outcome.timeline()).extracting(TimelineEntry::what)
        .anySatisfy(what -> assertThat(what).startsWith("deleting pod db-2 of revision " + outcome.revisionHash()));
    V1StatefulSet live = new AppsV1Api(client).readNamespacedStatefulSet("db", ns.name()).execute();
    assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/db:1");
    assertThat(RolloutStatus.using(client).statefulSet(ns.name(), "db").now().isDone()).isTrue();
    for (String pod : List.of("db-0", "db-1", "db-2")) {
      assertThat(revisionOf(client, ns, pod)).as(pod).isEqualTo(stable.revisionHash());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static StatefulSet db(int replicas, int partition, String image, PodBehaviour behaviour) {
    StatefulSet.Builder db = StatefulSet.named("db").replicas(replicas).pod(pod(image, behaviour));
    return (partition > 0 ? db.partition(partition) : db).build();
  }

  private static DaemonSet agent(String image, PodBehaviour behaviour) {
    return DaemonSet.named("agent").pod(pod(image, behaviour)).build();
  }

  private static PodTemplate.Builder pod(String image, PodBehaviour behaviour) {
    return PodTemplate.container(Container.named("main").image("ghcr.io/acme/" + image))
        .labels(behaviour.labels())
        .annotations(behaviour.annotations());
  }

  private static App app(TestNamespace ns, dev.mizzen.dsl.meta.KubernetesResource workload) {
    return App.named("shop").namespace(ns.name()).add(workload).build();
  }

  private static String revisionOf(ApiClient client, TestNamespace ns, String pod) throws ApiException {
    Map<String, String> labels = new CoreV1Api(client).readNamespacedPod(pod, ns.name()).execute().getMetadata()
        .getLabels();
    return labels.get("controller-revision-hash");
  }

  private static List<V1Pod> pods(ApiClient client, TestNamespace ns) throws ApiException {
    return new CoreV1Api(client).listNamespacedPod(ns.name()).execute().getItems().stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null).toList();
  }
}
