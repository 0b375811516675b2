package dev.mizzen.scheduling;

/**
 * Whether a topology spread constraint counts nodes the pod could not run on anyway
 * ({@code nodeAffinityPolicy}, {@code nodeTaintsPolicy}).
 */
public enum NodeInclusionPolicy {
  /** Only nodes that pass the pod's node affinity (or whose taints it tolerates) count. */
  HONOR("Honor"),
  /** Every node counts. */
  IGNORE("Ignore");

  private final String apiValue;

  NodeInclusionPolicy(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The name the Kubernetes API uses ({@code Honor}, {@code Ignore}). */
  public String apiValue() {
    return apiValue;
  }
}
