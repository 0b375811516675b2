package dev.mizzen.testkit.assertions;

import dev.mizzen.scheduling.explain.Explanation;
import dev.mizzen.scheduling.explain.NodeVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assertions on where kube-scheduler can put a pod, from the placement explainer, without a
 * cluster: {@code assertThat(PlacementExplainer.explain(pod, ClusterState.of(fleet)))}.
 *
 * <pre>{@code
 * assertThat(PlacementExplainer.explain(trainer, state)).landsOnlyOnNodesLabelled("node-pool", "gpu");
 * assertThat(PlacementExplainer.explain(huge, state)).cannotBeScheduledBecause("Insufficient cpu");
 * }</pre>
 */
public class ExplanationAssert extends AbstractMizzenAssert<ExplanationAssert, Explanation> {

  /** An assert on {@code actual}, named by its pod ({@code Pod/ml/train-0}) in messages. */
  public ExplanationAssert(Explanation actual) {
    super(actual, ExplanationAssert.class, actual == null ? "Pod" : actual.pod().objectRef().toString());
  }

  /** Asserts that at least one node can take the pod. */
  public ExplanationAssert isSchedulable() {
    requireActual();
    if (!actual.schedulable()) {
      failAt(location(), "expected the pod to be schedulable, but kube-scheduler would say: "
          + actual.failedSchedulingMessage().orElse(""));
    }
    return myself;
  }

  /** Asserts that the pod fits exactly on {@code nodes} (in any order). */
  public ExplanationAssert landsOnlyOn(String... nodes) {
    isSchedulable();
    List<String> expected = List.of(nodes);
    List<String> feasible = actual.feasibleNodes();
    if (!(feasible.containsAll(expected) && expected.containsAll(feasible))) {
      failAt(location(), "expected the pod to fit exactly on " + expected + ", but it fits on " + feasible);
    }
    return myself;
  }

  /**
   * Asserts that the pod can be scheduled and that every node it fits on has the label
   * {@code key=value} (for example {@code node-pool=gpu}).
   */
  public ExplanationAssert landsOnlyOnNodesLabelled(String key, String value) {
    isSchedulable();
    List<String> others = new ArrayList<>();
    for (String node : actual.feasibleNodes()) {
      String found = actual.state().nodeLabels(node).get(key);
      if (!value.equals(found)) {
        others.add("Node/" + node + (found == null ? " (no " + key + ")" : " (" + key + "=" + found + ")"));
      }
    }
    if (!others.isEmpty()) {
      failAt(location(), "expected the pod to land only on nodes labelled " + key + "=" + value
          + ", but it also fits on " + String.join(", ", others));
    }
    return myself;
  }

  /** Asserts that no node can take the pod. */
  public ExplanationAssert cannotBeScheduled() {
    requireActual();
    if (actual.schedulable()) {
      failAt(location(), "expected the pod to be unschedulable, but it fits on " + actual.feasibleNodes());
    }
    return myself;
  }

  /**
   * Asserts that no node can take the pod and that each of {@code reasons} is among the reasons
   * kube-scheduler gives ({@code "Insufficient cpu"}, {@code "node(s) had untolerated taint
   * {nvidia.com/gpu: present}"}), on at least one node.
   */
  public ExplanationAssert cannotBeScheduledBecause(String... reasons) {
    cannotBeScheduled();
    Map<String, Integer> counts = actual.reasonCounts();
    List<String> missing = new ArrayList<>();
    for (String reason : reasons) {
      if (!counts.containsKey(reason)) {
        missing.add(quote(reason));
      }
    }
    if (!missing.isEmpty()) {
      failAt(location(), "expected the reasons " + missing + ", but kube-scheduler would say: "
          + actual.failedSchedulingMessage().orElse(""));
    }
    return myself;
  }

  /** Asserts the exact FailedScheduling event message kube-scheduler would record. */
  public ExplanationAssert hasFailedSchedulingMessage(String message) {
    cannotBeScheduled();
    String found = actual.failedSchedulingMessage().orElse("");
    if (!found.equals(message)) {
      failAt(location(), "expected the FailedScheduling message " + quote(message) + ", but was " + quote(found));
    }
    return myself;
  }

  /** Asserts that node {@code node} cannot take the pod for (at least) {@code reason}. */
  public ExplanationAssert rejects(String node, String reason) {
    requireActual();
    NodeVerdict verdict = actual.verdict(node).orElse(null);
    if (verdict == null) {
      failAt(location(), "expected Node/" + node + " among the nodes, but there is no such node");
    } else if (verdict.reasons().stream().noneMatch(r -> r.message().equals(reason))
        && verdict.schedulerReasons().stream().noneMatch(r -> r.message().equals(reason))) {
      failAt(location(), "expected Node/" + node + " to reject the pod because " + quote(reason) + ", but: " + verdict);
    }
    return myself;
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
