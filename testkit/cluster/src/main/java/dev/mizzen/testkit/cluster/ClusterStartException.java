package dev.mizzen.testkit.cluster;

/** The local cluster could not start: says which component failed, with the tail of its log. */
public final class ClusterStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterStartException(String message, Throwable cause) {
    super(message, cause);
  }

  public ClusterStartException(String message) {
    super(message);
  }
}
