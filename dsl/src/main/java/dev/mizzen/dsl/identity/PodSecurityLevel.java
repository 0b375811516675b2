package dev.mizzen.dsl.identity;

/** The Pod Security Standards levels, as the {@code pod-security.kubernetes.io/*} namespace labels name them. */
public enum PodSecurityLevel {
  /** No restrictions. */
  PRIVILEGED("privileged"),
  /** Prevents known privilege escalations; allows the default pod. */
  BASELINE("baseline"),
  /** Current pod hardening best practice (non-root, no escalation, drop ALL, seccomp). */
  RESTRICTED("restricted");

  private final String value;

  PodSecurityLevel(String value) {
    this.value = value;
  }

  /** The label value ({@code restricted}, ...). */
  public String value() {
    return value;
  }
}
