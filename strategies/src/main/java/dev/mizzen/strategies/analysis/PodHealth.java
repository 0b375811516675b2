package dev.mizzen.strategies.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The built-in check: the new revision's pods are healthy. Fails at the first sign a person would
 * not wait for: a pod Failed, a container crash-looping, killed for memory (OOMKilled), unable to
 * pull or create its image, or restarted more than allowed. Succeeds only when every pod is
 * Ready; until then there is {@linkplain CheckResult.Outcome#NO_DATA nothing to decide}.
 *
 * <p>Used in the background of every canary unless replaced, and as a step with
 * {@code CanaryStep.analyse(PodHealth.defaults())}.
 */
public final class PodHealth implements Check {
  /** Waiting reasons after which a container never starts without a change. */
  private static final Set<String> STUCK = ImmutableSet.of("CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff",
      "InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");
  private static final String OOM_KILLED = "OOMKilled";

  private final int allowedRestarts;

  private PodHealth(int allowedRestarts) {
    this.allowedRestarts = allowedRestarts;
  }

  /** Fails on the signs above, allowing up to 2 restarts per container (a slow dependency at start). */
  public static PodHealth defaults() {
    return new PodHealth(2);
  }

  /** The same, allowing up to {@code restarts} restarts per container (0 or more). */
  public PodHealth allowingRestarts(int restarts) {
    checkArgument(restarts >= 0, "restarts must be 0 or more, was %s", restarts);
    return new PodHealth(restarts);
  }

  @Override
  public String name() {
    return "pod-health";
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    List<V1Pod> pods = context.pods();
    if (pods.isEmpty()) {
      return CheckResult.noData("no pods of revision " + context.revisionHash() + " yet");
    }
    List<String> problems = new ArrayList<>();
    int ready = 0;
    int restarts = 0;
    for (V1Pod pod : pods) {
      String name = "Pod/" + pod.getMetadata().getName();
      V1PodStatus status = pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
      if ("Failed".equals(status.getPhase())) {
        problems.add(name + " failed" + (status.getReason() == null ? "" : " (" + status.getReason() + ")"));
      }
      for (V1ContainerStatus container : containers(status)) {
        String where = name + " container " + container.getName();
        restarts += container.getRestartCount() == null ? 0 : container.getRestartCount();
        String waiting = container.getState() == null || container.getState().getWaiting() == null
            ? null : container.getState().getWaiting().getReason();
        if (waiting != null && STUCK.contains(waiting)) {
          problems.add(where + " is " + waiting);
        }
        if (terminatedBy(container, OOM_KILLED)) {
          problems.add(where + " was OOMKilled: raise its memory limit or lower its use");
        }
        if (container.getRestartCount() != null && container.getRestartCount() > allowedRestarts) {
          problems.add(where + " restarted " + container.getRestartCount() + " times (at most "
              + allowedRestarts + " allowed)");
        }
      }
      if (isReady(status)) {
        ready++;
      }
    }
    Map<String, String> measured = Map.of("pods", String.valueOf(pods.size()), "ready", String.valueOf(ready),
        "restarts", String.valueOf(restarts));
    if (!problems.isEmpty()) {
      return CheckResult.failure(String.join("; ", problems)).measured(measured);
    }
    if (ready < pods.size()) {
      return CheckResult.noData(ready + " of " + pods.size() + " pods Ready").measured(measured);
    }
    return CheckResult.success(ready + " of " + pods.size() + " pods Ready, " + restarts + " restarts")
        .measured(measured);
  }

  private static List<V1ContainerStatus> containers(V1PodStatus status) {
    return Stream.of(status.getInitContainerStatuses(), status.getContainerStatuses())
        .filter(list -> list != null)
        .flatMap(List::stream)
        .toList();
  }

  private static boolean terminatedBy(V1ContainerStatus container, String reason) {
    boolean now = container.getState() != null && container.getState().getTerminated() != null
        && reason.equals(container.getState().getTerminated().getReason());
    boolean last = container.getLastState() != null && container.getLastState().getTerminated() != null
        && reason.equals(container.getLastState().getTerminated().getReason());
    return now || last;
  }

  /** Whether the pod's Ready condition is True. */
  public static boolean isReady(V1PodStatus status) {
    if (status == null || status.getConditions() == null) {
      return false;
    }
    for (V1PodCondition condition : status.getConditions()) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "PodHealth[allowedRestarts=" + allowedRestarts + "]";
  }
}
