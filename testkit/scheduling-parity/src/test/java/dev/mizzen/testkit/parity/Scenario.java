package dev.mizzen.testkit.parity;

import dev.mizzen.scheduling.fleet.Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated scheduling question: nodes of its own, namespaces (with labels), pods already
 * bound to those nodes, and one pod to schedule. Every pod selects the scenario's nodes with
 * {@link ScenarioGenerator#SCENARIO_LABEL}, so scenarios can share a cluster. {@code services} are
 * the selectors of Services in the scenario's first namespace: pods they select get
 * kube-scheduler's system default topology spread.
 *
 * @param seed the run's seed
 * @param index the scenario's number in the run; with the seed, it regenerates the scenario
 */
record Scenario(long seed, int index, String id, List<Node> nodes, Map<String, Map<String, String>> namespaces,
    List<Map<String, String>> services, List<V1Pod> existing, V1Pod incoming) {

  /** The scenario as YAML documents: namespaces' labels, nodes, placed pods, then the pod to schedule. */
  String reproduction() {
    List<io.kubernetes.client.common.KubernetesType> objects = new ArrayList<>();
    nodes.forEach(n -> objects.add(n.toV1Node()));
    objects.addAll(existing);
    objects.add(incoming);
    return "# seed " + seed + ", scenario " + index + " (-Dmizzen.parity.seed=" + seed + " -Dmizzen.parity.only=" + index + ")\n"
        + "# namespaces and labels: " + namespaces + "\n# Services in " + namespaces.keySet().iterator().next()
        + " selecting: " + services + "\n" + Yaml.dumpAll(objects.iterator());
  }
}
