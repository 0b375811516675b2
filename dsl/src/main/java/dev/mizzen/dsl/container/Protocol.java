package dev.mizzen.dsl.container;

/** The protocol of a container port. */
public enum Protocol {
  /** TCP (the default). */
  TCP,
  /** UDP. */
  UDP,
  /** SCTP. */
  SCTP
}
