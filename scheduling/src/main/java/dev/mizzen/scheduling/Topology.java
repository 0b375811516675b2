package dev.mizzen.scheduling;

/**
 * Well-known node label keys that name a topology domain, for {@code topologyKey} in pod
 * (anti-)affinity and topology spread constraints.
 */
public final class Topology {
  /** {@code topology.kubernetes.io/zone}: nodes in the same availability zone. */
  public static final String ZONE = "topology.kubernetes.io/zone";
  /** {@code topology.kubernetes.io/region}: nodes in the same region. */
  public static final String REGION = "topology.kubernetes.io/region";
  /** {@code kubernetes.io/hostname}: each node is its own domain. */
  public static final String HOSTNAME = "kubernetes.io/hostname";

  private Topology() {}
}
