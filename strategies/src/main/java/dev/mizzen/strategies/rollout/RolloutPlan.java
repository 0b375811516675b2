package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a rollout would do, computed from the live workload without writing anything: each step
 * and the changes it makes to the workload, by field path.
 *
 * @param workload {@code Kind/<namespace>/<name>}
 */
public record RolloutPlan(String workload, List<PlannedStep> steps) {

  public RolloutPlan {
    checkNotNull(workload, "workload");
    steps = ImmutableList.copyOf(steps);
  }

  /**
   * One step of the plan.
   *
   * @param number 0 for the start, then the strategy's steps from 1, then the finish
   * @param what what the step does
   * @param changes the workload's fields the step changes, one line each ({@code path: before → after})
   */
  public record PlannedStep(int number, String what, List<String> changes) {
    public PlannedStep {
      checkNotNull(what, "what");
      changes = ImmutableList.copyOf(changes);
    }
  }

  /** The plan as lines for people: each step, its changes indented below it. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("plan for ").append(workload).append('\n');
    for (PlannedStep step : steps) {
      text.append(step.number()).append(". ").append(step.what()).append('\n');
      for (String change : step.changes()) {
        text.append("     ").append(change).append('\n');
      }
    }
    return text.toString();
  }
}
