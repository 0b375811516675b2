package dev.mizzen.dsl.network;

/** The transport protocols a Service port or a NetworkPolicy port may use. */
public enum Protocol {
  TCP,
  UDP,
  SCTP;

  /** The name Kubernetes uses ({@code TCP}, {@code UDP}, {@code SCTP}). */
  public String value() {
    return name();
  }
}
