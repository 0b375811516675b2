package dev.mizzen.strategies.apply;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.V1StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the API server's refusal of an apply into an exception that says what to do. Public for the
 * rollout engine, which applies Deployments itself.
 */
public final class ApplyRefusals {
  /** A conflict cause's message: {@code conflict with "kube-controller-manager" using apps/v1}. */
  private static final Pattern MANAGER = Pattern.compile("conflict with \\\"([^\\\"]*)\\\"");

  private ApplyRefusals() {}

  /**
   * The refusal in {@code refused}, an apply's {@code ApiException} (its body a Status, if the
   * server sent one). Status 0 (no answer: the server unreachable) is not a refusal: rethrown.
   */
  public static ApplyException exception(String ref, ApiException refused) throws ApiException {
    if (refused.getCode() == 0) {
      throw refused;
    }
    V1Status status = null;
    try {
      status = JSON.deserialize(refused.getResponseBody(), V1Status.class);
    } catch (RuntimeException unreadable) {
      // Not a Status: the exception quotes the code alone.
    }
    return exception(ref, refused.getCode(), status);
  }

  public static ApplyException exception(String ref, int httpStatus, V1Status status) {
    String message = status != null && status.getMessage() != null ? status.getMessage() : "refused";
    List<V1StatusCause> causes = status != null && status.getDetails() != null && status.getDetails().getCauses() != null
        ? status.getDetails().getCauses() : List.of();
    if (httpStatus == 409 && status != null && "Conflict".equals(status.getReason())) {
      return new ApplyConflictException(ref, conflicts(causes), message);
    }
    if (httpStatus == 422 && changesSelector(causes)) {
      return new ApplyException(ref, httpStatus, message + ". A workload's selector cannot change after it is"
          + " created; Mizzen derives it from the component name, the track or selector labels, and the App's"
          + " name (app.kubernetes.io/part-of), so one of these changed. Keep them as they were, or delete the"
          + " object and apply it again (its pods are replaced)");
    }
    if (httpStatus == 422 && changesFrozenStatefulSetSpec(causes)) {
      return new ApplyException(ref, httpStatus, message + ". Besides those fields, a StatefulSet keeps its selector"
          + " (from the component name, the track or selector labels, and the App's name), serviceName,"
          + " volumeClaimTemplates and podManagementPolicy for life. Keep them as they were, or delete the"
          + " StatefulSet (its PersistentVolumeClaims stay) and apply it again");
    }
    return new ApplyException(ref, httpStatus, message);
  }

  private static List<FieldConflict> conflicts(List<V1StatusCause> causes) {
    List<FieldConflict> conflicts = new ArrayList<>();
    for (V1StatusCause cause : causes) {
      if ("FieldManagerConflict".equals(cause.getReason()) && cause.getField() != null) {
        Matcher manager = MANAGER.matcher(cause.getMessage() == null ? "" : cause.getMessage());
        conflicts.add(new FieldConflict(cause.getField(), manager.find() ? manager.group(1) : cause.getMessage()));
      }
    }
    return conflicts;
  }

  /** Whether the refusal is a changed selector of a Deployment, DaemonSet or ReplicaSet. */
  private static boolean changesSelector(List<V1StatusCause> causes) {
    return hasCause(causes, "spec.selector", "field is immutable");
  }

  /** A StatefulSet refuses any change outside its mutable fields with one {@code spec: Forbidden} naming them. */
  private static boolean changesFrozenStatefulSetSpec(List<V1StatusCause> causes) {
    return hasCause(causes, "spec", "updates to statefulset spec for fields other than");
  }

  /** Whether a cause is about {@code field} with a message containing {@code text}. */
  private static boolean hasCause(List<V1StatusCause> causes, String field, String text) {
    return causes.stream().anyMatch(cause -> field.equals(cause.getField())
        && cause.getMessage() != null && cause.getMessage().contains(text));
  }
}
