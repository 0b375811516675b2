package dev.mizzen.scheduling;

/** What a taint does to pods that do not tolerate it. */
public enum TaintEffect {
  /** New pods are not scheduled onto the node; running pods stay. */
  NO_SCHEDULE("NoSchedule"),
  /** The scheduler tries not to place new pods on the node. */
  PREFER_NO_SCHEDULE("PreferNoSchedule"),
  /** New pods are not scheduled and running pods are evicted (after their tolerationSeconds, if any). */
  NO_EXECUTE("NoExecute");

  private final String apiValue;

  TaintEffect(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The name the Kubernetes API uses ({@code NoSchedule}, ...). */
  public String apiValue() {
    return apiValue;
  }
}
