package dev.mizzen.dsl.pod;

/**
 * How a pod resolves names. {@code None} is not offered: it needs a {@code dnsConfig}, which
 * Mizzen does not model (use {@code customize(...)} on the workload).
 */
public enum DnsPolicy {
  /** The cluster DNS, then the node's upstream servers (the API server's default). */
  CLUSTER_FIRST("ClusterFirst"),
  /** The cluster DNS, for pods on the host network. */
  CLUSTER_FIRST_WITH_HOST_NET("ClusterFirstWithHostNet"),
  /** The node's own resolver configuration. */
  DEFAULT("Default");

  private final String value;

  DnsPolicy(String value) {
    this.value = value;
  }

  /** The API value, such as {@code ClusterFirst}. */
  public String value() {
    return value;
  }
}
