package dev.mizzen.dsl.port;

/**
 * The transport protocol of a port: a container port, a Service port or a NetworkPolicy port.
 * TCP is the API server's default everywhere.
 */
public enum Protocol {
  /** TCP (the default). */
  TCP,
  /** UDP. */
  UDP,
  /** SCTP. */
  SCTP;

  /** The name Kubernetes uses ({@code TCP}, {@code UDP}, {@code SCTP}). */
  public String value() {
    return name();
  }
}
