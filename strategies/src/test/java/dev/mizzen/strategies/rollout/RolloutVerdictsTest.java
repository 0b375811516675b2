package dev.mizzen.strategies.rollout;

import static dev.mizzen.strategies.rollout.RolloutVerdict.done;
import static dev.mizzen.strategies.rollout.RolloutVerdict.failed;
import static dev.mizzen.strategies.rollout.RolloutVerdict.inProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mizzen.strategies.rollout.RolloutVerdict.FailureReason;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1DaemonSetSpec;
import io.kubernetes.client.openapi.models.V1DaemonSetStatus;
import io.kubernetes.client.openapi.models.V1DaemonSetUpdateStrategy;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1RollingUpdateStatefulSetStrategy;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import io.kubernetes.client.openapi.models.V1StatefulSetStatus;
import io.kubernetes.client.openapi.models.V1StatefulSetUpdateStrategy;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per branch of kubectl 1.33's rollout status viewers, with kubectl's messages. */
class RolloutVerdictsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void deployment(String branch, V1Deployment deployment, RolloutVerdict expected) {
    assertThat(RolloutVerdicts.of(deployment)).isEqualTo(expected);
  }

  static Stream<Arguments> deployment() {
    return Stream.of(
        arguments("generation not yet observed", deployment(2, 1, 3, s -> s.updatedReplicas(3).replicas(3)
                .availableReplicas(3)),
            inProgress("Waiting for deployment spec update to be observed...")),
        arguments("no status at all", new V1Deployment().metadata(new V1ObjectMeta().name("web").generation(1L))
                .spec(new V1DeploymentSpec().replicas(3)),
            inProgress("Waiting for deployment spec update to be observed...")),
        arguments("progress deadline exceeded", deployment(1, 1, 3, s -> s.updatedReplicas(1).replicas(3)
                .addConditionsItem(new V1DeploymentCondition().type("Available").status("True")
                    .reason("MinimumReplicasAvailable"))
                .addConditionsItem(new V1DeploymentCondition().type("Progressing").status("False")
                    .reason("ProgressDeadlineExceeded"))),
            failed(FailureReason.PROGRESS_DEADLINE_EXCEEDED, "deployment \"web\" exceeded its progress deadline")),
        arguments("progressing but not timed out", deployment(1, 1, 3, s -> s.updatedReplicas(1).replicas(3)
                .addConditionsItem(new V1DeploymentCondition().type("Progressing").status("True")
                    .reason("ReplicaSetUpdated"))),
            inProgress("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...")),
        arguments("observed generation ahead counts as observed", deployment(1, 2, 3, s -> s.updatedReplicas(0)),
            inProgress("Waiting for deployment \"web\" rollout to finish: 0 out of 3 new replicas have been updated...")),
        arguments("old replicas pending termination", deployment(1, 1, 3, s -> s.updatedReplicas(3).replicas(5)),
            inProgress("Waiting for deployment \"web\" rollout to finish: 2 old replicas are pending termination...")),
        arguments("updated replicas not yet available", deployment(1, 1, 3, s -> s.updatedReplicas(3).replicas(3)
                .availableReplicas(1)),
            inProgress("Waiting for deployment \"web\" rollout to finish: 1 of 3 updated replicas are available...")),
        arguments("successfully rolled out", deployment(1, 1, 3, s -> s.updatedReplicas(3).replicas(3)
                .availableReplicas(3)),
            done("deployment \"web\" successfully rolled out")),
        arguments("scaled to zero", deployment(3, 3, 0, s -> s),
            done("deployment \"web\" successfully rolled out")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void statefulSet(String branch, V1StatefulSet statefulSet, RolloutVerdict expected) {
    assertThat(RolloutVerdicts.of(statefulSet)).isEqualTo(expected);
  }

  static Stream<Arguments> statefulSet() {
    V1StatefulSetUpdateStrategy onDelete = new V1StatefulSetUpdateStrategy().type("OnDelete");
    V1StatefulSetUpdateStrategy partitionTwo = rollingUpdate(2);
    V1StatefulSetUpdateStrategy noRollingUpdate = new V1StatefulSetUpdateStrategy().type("RollingUpdate");
    return Stream.of(
        arguments("OnDelete is not supported", statefulSet(1, 1, 3, onDelete, s -> s.readyReplicas(3)),
            failed(FailureReason.UPDATE_STRATEGY_NOT_SUPPORTED,
                "rollout status is only available for RollingUpdate strategy type")),
        arguments("no update strategy is not RollingUpdate", statefulSet(1, 1, 3, null, s -> s.readyReplicas(3)),
            failed(FailureReason.UPDATE_STRATEGY_NOT_SUPPORTED,
                "rollout status is only available for RollingUpdate strategy type")),
        arguments("never observed", statefulSet(0, 0, 3, rollingUpdate(0), s -> s),
            inProgress("Waiting for statefulset spec update to be observed...")),
        arguments("generation not yet observed", statefulSet(2, 1, 3, rollingUpdate(0), s -> s.readyReplicas(3)),
            inProgress("Waiting for statefulset spec update to be observed...")),
        arguments("pods not ready", statefulSet(1, 1, 3, rollingUpdate(0), s -> s.readyReplicas(1)),
            inProgress("Waiting for 2 pods to be ready...")),
        arguments("partitioned roll out waiting", statefulSet(2, 2, 5, partitionTwo, s -> s.readyReplicas(5)
                .updatedReplicas(1)),
            inProgress("Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...")),
        arguments("partitioned roll out complete", statefulSet(2, 2, 5, partitionTwo, s -> s.readyReplicas(5)
                .updatedReplicas(3).currentRevision("web-1").updateRevision("web-2")),
            done("partitioned roll out complete: 3 new pods have been updated...")),
        arguments("the default partition 0 is a partitioned roll out too", statefulSet(1, 1, 3, rollingUpdate(0),
                s -> s.readyReplicas(3).updatedReplicas(3)),
            done("partitioned roll out complete: 3 new pods have been updated...")),
        arguments("rollingUpdate without partition", statefulSet(1, 1, 3,
                new V1StatefulSetUpdateStrategy().type("RollingUpdate").rollingUpdate(new V1RollingUpdateStatefulSetStrategy()),
                s -> s.readyReplicas(3).updatedReplicas(1)),
            done("partitioned roll out complete: 1 new pods have been updated...")),
        arguments("revisions differ", statefulSet(2, 2, 3, noRollingUpdate, s -> s.readyReplicas(3)
                .updatedReplicas(2).currentReplicas(1).currentRevision("web-1").updateRevision("web-2")),
            inProgress("waiting for statefulset rolling update to complete 2 pods at revision web-2...")),
        arguments("rolling update complete", statefulSet(2, 2, 3, noRollingUpdate, s -> s.readyReplicas(3)
                .updatedReplicas(3).currentReplicas(3).currentRevision("web-2").updateRevision("web-2")),
            done("statefulset rolling update complete 3 pods at revision web-2...")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void daemonSet(String branch, V1DaemonSet daemonSet, RolloutVerdict expected) {
    assertThat(RolloutVerdicts.of(daemonSet)).isEqualTo(expected);
  }

  static Stream<Arguments> daemonSet() {
    return Stream.of(
        arguments("OnDelete is not supported", daemonSet(1, 1, "OnDelete", s -> s.desiredNumberScheduled(6)),
            failed(FailureReason.UPDATE_STRATEGY_NOT_SUPPORTED,
                "rollout status is only available for RollingUpdate strategy type")),
        arguments("generation not yet observed", daemonSet(2, 1, "RollingUpdate", s -> s.desiredNumberScheduled(6)
                .updatedNumberScheduled(6).numberAvailable(6)),
            inProgress("Waiting for daemon set spec update to be observed...")),
        arguments("pods not yet updated", daemonSet(2, 2, "RollingUpdate", s -> s.desiredNumberScheduled(6)
                .updatedNumberScheduled(4).numberAvailable(6)),
            inProgress("Waiting for daemon set \"agent\" rollout to finish: 4 out of 6 new pods have been updated...")),
        arguments("available counted against desired, not updated", daemonSet(2, 2, "RollingUpdate",
                s -> s.desiredNumberScheduled(6).updatedNumberScheduled(6).numberAvailable(5)),
            inProgress("Waiting for daemon set \"agent\" rollout to finish: 5 of 6 updated pods are available...")),
        arguments("successfully rolled out", daemonSet(2, 2, "RollingUpdate", s -> s.desiredNumberScheduled(6)
                .updatedNumberScheduled(6).numberAvailable(6)),
            done("daemon set \"agent\" successfully rolled out")));
  }

  @Test
  void onlyDoneAndFailedAreFinal() {
    RolloutVerdict.InProgress waiting = inProgress("Waiting for 2 pods to be ready...");
    assertThat(done("ok").isFinal()).isTrue();
    assertThat(done("ok").isDone()).isTrue();
    assertThat(failed(FailureReason.DELETED, "object has been deleted").isFinal()).isTrue();
    assertThat(waiting.isFinal()).isFalse();
    RolloutVerdict timedOut = RolloutVerdict.timedOut(Duration.ofSeconds(90), waiting);
    assertThat(timedOut.isFinal()).isFalse();
    assertThat(timedOut.isDone()).isFalse();
    assertThat(timedOut.message()).isEqualTo("timed out after PT1M30S: Waiting for 2 pods to be ready...");
  }

  private static V1Deployment deployment(long generation, long observed, int replicas,
      java.util.function.UnaryOperator<V1DeploymentStatus> status) {
    return new V1Deployment()
        .metadata(new V1ObjectMeta().name("web").generation(generation))
        .spec(new V1DeploymentSpec().replicas(replicas))
        .status(status.apply(new V1DeploymentStatus().observedGeneration(observed)));
  }

  private static V1StatefulSetUpdateStrategy rollingUpdate(int partition) {
    return new V1StatefulSetUpdateStrategy().type("RollingUpdate")
        .rollingUpdate(new V1RollingUpdateStatefulSetStrategy().partition(partition));
  }

  private static V1StatefulSet statefulSet(long generation, long observed, int replicas,
      V1StatefulSetUpdateStrategy strategy, java.util.function.UnaryOperator<V1StatefulSetStatus> status) {
    return new V1StatefulSet()
        .metadata(new V1ObjectMeta().name("db").generation(generation))
        .spec(new V1StatefulSetSpec().replicas(replicas).updateStrategy(strategy))
        .status(status.apply(new V1StatefulSetStatus().replicas(replicas).observedGeneration(observed)));
  }

  private static V1DaemonSet daemonSet(long generation, long observed, String strategy,
      java.util.function.UnaryOperator<V1DaemonSetStatus> status) {
    return new V1DaemonSet()
        .metadata(new V1ObjectMeta().name("agent").generation(generation))
        .spec(new V1DaemonSetSpec().updateStrategy(new V1DaemonSetUpdateStrategy().type(strategy)))
        .status(status.apply(new V1DaemonSetStatus().observedGeneration(observed)));
  }
}
