package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.TimelineEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One rollout running in an engine: a Deployment's ({@link RolloutDriver}) or a StatefulSet's or
 * DaemonSet's ({@link WorkloadDriver}).
 */
public interface Driver {
  CompletableFuture<RolloutOutcome> outcome();

  /** What happened so far. */
  List<TimelineEntry> timeline();

  Rollout rollout();

  /** Starts only once {@code previous} (a rollout this one supersedes) has ended. */
  void after(CompletableFuture<?> previous);

  /** A newer rollout of the same workload started in this process: end as superseded. */
  void supersede();

  /** Asks the driver to look at the cluster again (or, the first time, to start). */
  void wake();
}
