package dev.mizzen.validation;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a value: the object it belongs to ({@code Deployment/web}), the field
 * path inside the rendered Kubernetes object ({@code spec.replicas}) and what is wrong.
 */
public record Problem(String object, String path, String message) {

  public Problem {
    requireNonNull(object, "object");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  /** {@code Deployment/web: spec.replicas: must be >= 0, was -1}. */
  @Override
  public String toString() {
    return path.isEmpty() ? object + ": " + message : object + ": " + path + ": " + message;
  }
}
