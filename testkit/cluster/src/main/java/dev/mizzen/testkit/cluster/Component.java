package dev.mizzen.testkit.cluster;

/** A process of the local cluster, as kwokctl names it. */
public enum Component {
  ETCD("etcd"),
  KUBE_APISERVER("kube-apiserver"),
  KUBE_CONTROLLER_MANAGER("kube-controller-manager"),
  KUBE_SCHEDULER("kube-scheduler"),
  /** kwok's controller, which simulates nodes and pod status. */
  KWOK_CONTROLLER("kwok-controller");

  private final String kwokName;

  Component(String kwokName) {
    this.kwokName = kwokName;
  }

  /** The component's name for {@code kwokctl} (also its pid and log file name). */
  public String kwokName() {
    return kwokName;
  }
}
