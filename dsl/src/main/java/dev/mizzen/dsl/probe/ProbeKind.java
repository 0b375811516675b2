package dev.mizzen.dsl.probe;

/** Which slot of a container a probe fills; the API server's rules differ slightly between them. */
public enum ProbeKind {
  /** Restarts the container when it fails. */
  LIVENESS("livenessProbe", "liveness"),
  /** Takes the pod out of Service endpoints while it fails. */
  READINESS("readinessProbe", "readiness"),
  /** Holds the other probes back until it first succeeds. */
  STARTUP("startupProbe", "startup");

  private final String fieldName;
  private final String label;

  ProbeKind(String fieldName, String label) {
    this.fieldName = fieldName;
    this.label = label;
  }

  /** The container field: {@code livenessProbe}, {@code readinessProbe}, {@code startupProbe}. */
  public String fieldName() {
    return fieldName;
  }

  /** {@code liveness}, {@code readiness}, {@code startup}, as messages name it. */
  public String label() {
    return label;
  }
}
