package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where kube-scheduler can put one pod, where it would, and why it cannot put it elsewhere.
 * Made by {@link PlacementExplainer#explain}.
 *
 * <pre>{@code
 * Explanation why = PlacementExplainer.explain(pod, ClusterState.of(fleet));
 * why.feasibleNodes();              // [general-zone-a-1, general-zone-b-1, ...]
 * why.failedSchedulingMessage();    // Optional[0/6 nodes are available: 3 Insufficient cpu, ...]
 * why.topNodes();                   // the nodes the scheduler picks from at random
 * }</pre>
 */
public final class Explanation {
  private final PendingPod pod;
  private final ClusterState state;
  private final List<NodeVerdict> verdicts;
  private final List<NodeScore> scores;
  private final String failedSchedulingMessage;

  Explanation(PendingPod pod, ClusterState state, List<NodeVerdict> verdicts, List<NodeScore> scores,
      String failedSchedulingMessage) {
    this.pod = requireNonNull(pod, "pod");
    this.state = requireNonNull(state, "state");
    this.verdicts = ImmutableList.copyOf(verdicts);
    this.scores = ImmutableList.copyOf(scores);
    this.failedSchedulingMessage = failedSchedulingMessage;
  }

  /** The pod explained. */
  public PendingPod pod() {
    return pod;
  }

  /** The cluster state the pod was explained in. */
  public ClusterState state() {
    return state;
  }

  /** One verdict per node, in the cluster state's node order. */
  public List<NodeVerdict> verdicts() {
    return verdicts;
  }

  /** The verdict on node {@code name}. */
  public Optional<NodeVerdict> verdict(String name) {
    return verdicts.stream().filter(v -> v.node().equals(name)).findFirst();
  }

  /** Whether at least one node can take the pod. */
  public boolean schedulable() {
    return failedSchedulingMessage == null;
  }

  /** The nodes that pass every filter, in node order. */
  public List<String> feasibleNodes() {
    return verdicts.stream().filter(NodeVerdict::feasible).map(NodeVerdict::node).toList();
  }

  /** The nodes filtered out, in node order. */
  public List<NodeVerdict> rejectedNodes() {
    return verdicts.stream().filter(v -> !v.feasible()).toList();
  }

  /** The scores of the feasible nodes, in node order. */
  public List<NodeScore> scores() {
    return scores;
  }

  /**
   * The feasible nodes with the highest score, in node order: kube-scheduler binds the pod to one
   * of them, chosen at random. A single feasible node is the top node without scoring.
   */
  public List<String> topNodes() {
    long best = scores.stream().mapToLong(NodeScore::total).max().orElse(Long.MIN_VALUE);
    return scores.stream().filter(s -> s.total() == best).map(NodeScore::node).toList();
  }

  /**
   * How many nodes each reason kept the pod off, as kube-scheduler counts them (the first
   * failing plugin's reasons per node), sorted by reason.
   */
  public Map<String, Integer> reasonCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (NodeVerdict verdict : verdicts) {
      verdict.schedulerReasons().forEach(r -> counts.merge(r.message(), 1, Integer::sum));
    }
    return counts;
  }

  /**
   * The message of the {@code FailedScheduling} event kube-scheduler 1.33 records when no node can
   * take the pod, in its exact words and order, for example {@code 0/6 nodes are available: 3
   * Insufficient cpu, 3 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/6
   * nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not
   * helpful for scheduling.}; empty when the pod is schedulable. The preemption part assumes
   * every pod has the same priority.
   */
  public Optional<String> failedSchedulingMessage() {
    return Optional.ofNullable(failedSchedulingMessage);
  }

  /** A report: the pod, then each node's verdict, scores and the top nodes, or the FailedScheduling message. */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    lines.add(pod.objectRef() + ": " + (schedulable()
        ? feasibleNodes().size() + "/" + verdicts.size() + " nodes feasible, top " + topNodes()
        : failedSchedulingMessage));
    verdicts.forEach(v -> lines.add("  " + v));
    scores.forEach(s -> lines.add("  score " + s));
    return String.join("\n", lines);
  }
}
