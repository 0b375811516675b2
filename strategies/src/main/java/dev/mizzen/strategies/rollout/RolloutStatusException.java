package dev.mizzen.strategies.rollout;

/**
 * Waiting for a rollout failed for a reason other than the rollout itself: the API server refused
 * to list or watch the object (no permission, say), or the waiting thread was interrupted.
 */
public class RolloutStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String object;
  private final int status;

  RolloutStatusException(String object, int status, String message, Throwable cause) {
    super(object + ": " + (status > 0 ? "HTTP " + status + ": " : "") + message, cause);
    this.object = object;
    this.status = status;
  }

  /** {@code Kind/namespace/name} of the watched object. */
  public String object() {
    return object;
  }

  /** The HTTP status of the refusal, or 0 when there was none. */
  public int status() {
    return status;
  }
}
