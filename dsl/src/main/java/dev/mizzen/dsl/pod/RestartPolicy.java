package dev.mizzen.dsl.pod;

/** When the kubelet restarts a pod's containers; which ones are allowed depends on the workload. */
public enum RestartPolicy {
  /** Always (Deployments, StatefulSets, DaemonSets). */
  ALWAYS("Always"),
  /** When they fail (Jobs). */
  ON_FAILURE("OnFailure"),
  /** Never (Jobs). */
  NEVER("Never");

  private final String value;

  RestartPolicy(String value) {
    this.value = value;
  }

  /** The API value: {@code Always}, {@code OnFailure}, {@code Never}. */
  public String value() {
    return value;
  }
}
