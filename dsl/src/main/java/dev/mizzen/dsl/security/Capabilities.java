package dev.mizzen.dsl.security;

/** Linux capability names as the container runtime takes them ({@code NET_ADMIN}, without {@code CAP_}). */
final class Capabilities {
  /** The one capability Pod Security "restricted" lets a container add. */
  static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  private Capabilities() {}
}
