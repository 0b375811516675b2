package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkNotNull;

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
import java.util.List;
import java.util.Objects;

/**
 * The verdict of {@code kubectl rollout status} (Kubernetes 1.33, {@code
 * k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go}) for one object as read from the API
 * server: the same checks in the same order, the same messages. Pure: no I/O.
 *
 * <p>Read fields the way Go reads them: an absent number is 0, an absent string is empty. Objects
 * read from the API server carry their defaults (a StatefulSet's or DaemonSet's {@code
 * updateStrategy}); a hand-built object without an update strategy is not {@code RollingUpdate},
 * so kubectl, and this class, refuse it.
 */
public final class RolloutVerdicts {
  /** The update strategy kubectl can follow for StatefulSets and DaemonSets. */
  private static final String ROLLING_UPDATE = "RollingUpdate";
  /** Reason of a Deployment's Progressing condition once its progress deadline passed. */
  private static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  private static final String UNSUPPORTED = "rollout status is only available for " + ROLLING_UPDATE + " strategy type";

  private RolloutVerdicts() {}

  /**
   * A Deployment: done when the controller observed the current generation, did not exceed the
   * progress deadline, and every replica is updated and available with no old one left.
   */
  public static RolloutVerdict of(V1Deployment deployment) {
    checkNotNull(deployment, "deployment");
    String name = quoted(deployment.getMetadata());
    V1DeploymentSpec spec = deployment.getSpec();
    V1DeploymentStatus status = deployment.getStatus() == null ? new V1DeploymentStatus() : deployment.getStatus();
    if (generation(deployment.getMetadata()) > number(status.getObservedGeneration())) {
      return RolloutVerdict.inProgress("Waiting for deployment spec update to be observed...");
    }
    V1DeploymentCondition progressing = condition(status.getConditions(), "Progressing");
    if (progressing != null && PROGRESS_DEADLINE_EXCEEDED.equals(progressing.getReason())) {
      return RolloutVerdict.failed(FailureReason.PROGRESS_DEADLINE_EXCEEDED,
          "deployment " + name + " exceeded its progress deadline");
    }
    int updated = number(status.getUpdatedReplicas());
    Integer desired = spec == null ? null : spec.getReplicas();
    if (desired != null && updated < desired) {
      return waitingForDeployment(name, updated + " out of " + desired + " new replicas have been updated...");
    }
    int replicas = number(status.getReplicas());
    if (replicas > updated) {
      return waitingForDeployment(name, (replicas - updated) + " old replicas are pending termination...");
    }
    int available = number(status.getAvailableReplicas());
    if (available < updated) {
      return waitingForDeployment(name, available + " of " + updated + " updated replicas are available...");
    }
    return RolloutVerdict.done("deployment " + name + " successfully rolled out");
  }

  /**
   * A StatefulSet: only with the {@code RollingUpdate} strategy; done when the controller observed
   * the current generation, every replica is ready, and then either the pods from the partition
   * up are updated (kubectl says "partitioned roll out" whenever {@code rollingUpdate} is set,
   * which the API server's defaults always do), or, without {@code rollingUpdate}, the current
   * revision is the update revision.
   */
  public static RolloutVerdict of(V1StatefulSet statefulSet) {
    checkNotNull(statefulSet, "statefulSet");
    V1StatefulSetSpec spec = statefulSet.getSpec() == null ? new V1StatefulSetSpec() : statefulSet.getSpec();
    V1StatefulSetStatus status = statefulSet.getStatus() == null ? new V1StatefulSetStatus() : statefulSet.getStatus();
    V1StatefulSetUpdateStrategy strategy = spec.getUpdateStrategy();
    if (strategy == null || !ROLLING_UPDATE.equals(strategy.getType())) {
      return RolloutVerdict.failed(FailureReason.UPDATE_STRATEGY_NOT_SUPPORTED, UNSUPPORTED);
    }
    long observed = number(status.getObservedGeneration());
    if (observed == 0 || generation(statefulSet.getMetadata()) > observed) {
      return RolloutVerdict.inProgress("Waiting for statefulset spec update to be observed...");
    }
    Integer desired = spec.getReplicas();
    int ready = number(status.getReadyReplicas());
    if (desired != null && ready < desired) {
      return RolloutVerdict.inProgress("Waiting for " + (desired - ready) + " pods to be ready...");
    }
    int updated = number(status.getUpdatedReplicas());
    V1RollingUpdateStatefulSetStrategy rollingUpdate = strategy.getRollingUpdate();
    if (rollingUpdate != null) {
      Integer partition = rollingUpdate.getPartition();
      if (desired != null && partition != null && updated < desired - partition) {
        return RolloutVerdict.inProgress("Waiting for partitioned roll out to finish: " + updated + " out of "
            + (desired - partition) + " new pods have been updated...");
      }
      return RolloutVerdict.done("partitioned roll out complete: " + updated + " new pods have been updated...");
    }
    String updateRevision = Objects.toString(status.getUpdateRevision(), "");
    if (!updateRevision.equals(Objects.toString(status.getCurrentRevision(), ""))) {
      return RolloutVerdict.inProgress("waiting for statefulset rolling update to complete " + updated
          + " pods at revision " + updateRevision + "...");
    }
    return RolloutVerdict.done("statefulset rolling update complete " + number(status.getCurrentReplicas())
        + " pods at revision " + Objects.toString(status.getCurrentRevision(), "") + "...");
  }

  /**
   * A DaemonSet: only with the {@code RollingUpdate} strategy; done when the controller observed
   * the current generation and every node that should run a pod runs an updated one and has an
   * available one.
   */
  public static RolloutVerdict of(V1DaemonSet daemonSet) {
    checkNotNull(daemonSet, "daemonSet");
    String name = quoted(daemonSet.getMetadata());
    V1DaemonSetSpec spec = daemonSet.getSpec() == null ? new V1DaemonSetSpec() : daemonSet.getSpec();
    V1DaemonSetStatus status = daemonSet.getStatus() == null ? new V1DaemonSetStatus() : daemonSet.getStatus();
    V1DaemonSetUpdateStrategy strategy = spec.getUpdateStrategy();
    if (strategy == null || !ROLLING_UPDATE.equals(strategy.getType())) {
      return RolloutVerdict.failed(FailureReason.UPDATE_STRATEGY_NOT_SUPPORTED, UNSUPPORTED);
    }
    if (generation(daemonSet.getMetadata()) > number(status.getObservedGeneration())) {
      return RolloutVerdict.inProgress("Waiting for daemon set spec update to be observed...");
    }
    int desired = number(status.getDesiredNumberScheduled());
    int updated = number(status.getUpdatedNumberScheduled());
    if (updated < desired) {
      return RolloutVerdict.inProgress("Waiting for daemon set " + name + " rollout to finish: " + updated
          + " out of " + desired + " new pods have been updated...");
    }
    // kubectl compares available pods with the desired number, not the updated one.
    int available = number(status.getNumberAvailable());
    if (available < desired) {
      return RolloutVerdict.inProgress("Waiting for daemon set " + name + " rollout to finish: " + available
          + " of " + desired + " updated pods are available...");
    }
    return RolloutVerdict.done("daemon set " + name + " successfully rolled out");
  }

  private static RolloutVerdict waitingForDeployment(String name, String what) {
    return RolloutVerdict.inProgress("Waiting for deployment " + name + " rollout to finish: " + what);
  }

  private static V1DeploymentCondition condition(List<V1DeploymentCondition> conditions, String type) {
    if (conditions != null) {
      for (V1DeploymentCondition condition : conditions) {
        if (type.equals(condition.getType())) {
          return condition;
        }
      }
    }
    return null;
  }

  /** The name as Go's {@code %q} prints a Kubernetes name: in double quotes. */
  private static String quoted(V1ObjectMeta metadata) {
    return '"' + (metadata == null || metadata.getName() == null ? "" : metadata.getName()) + '"';
  }

  private static long generation(V1ObjectMeta metadata) {
    return metadata == null ? 0 : number(metadata.getGeneration());
  }

  private static long number(Long value) {
    return value == null ? 0 : value;
  }

  private static int number(Integer value) {
    return value == null ? 0 : value;
  }
}
