package dev.mizzen.strategies.rollout;

/**
 * A rollout could not start or go on: the Deployment cannot take this strategy, the API server
 * refused a write, or it stayed unreachable. The message names the Deployment, says where the
 * rollout stands (the stable revision keeps serving) and how to go on.
 */
public class RolloutException extends RuntimeException {
  public RolloutException(String message) {
    super(message);
  }

  public RolloutException(String message, Throwable cause) {
    super(message, cause);
  }
}
