package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;

/**
 * How a rollout of one revision ended: {@link Promoted}, {@link Aborted}, {@link DeadlineExceeded}
 * or {@link Superseded}. Each names the revision by its {@code pod-template-hash} (empty when the
 * rollout ended before the Deployment controller created it; for a StatefulSet or DaemonSet, the
 * {@code controller-revision-hash} its pods carry) and carries the timeline.
 *
 * <p>Whatever the outcome, the Deployment's spec is left as the user applied it: the new
 * revision's when promoted, the stable revision's template otherwise, with no trace of the engine.
 */
public sealed interface RolloutOutcome
    permits RolloutOutcome.Promoted, RolloutOutcome.Aborted, RolloutOutcome.DeadlineExceeded, RolloutOutcome.Superseded {

  /** The {@code pod-template-hash} of the revision this rollout was for. */
  String revisionHash();

  /** What happened, in order. */
  List<TimelineEntry> timeline();

  /** Whether the new revision serves everything now. */
  default boolean isPromoted() {
    return this instanceof Promoted;
  }

  /**
   * The exit code for command lines and CI pipelines: 0 promoted, 1 aborted, 3 deadline exceeded,
   * 4 superseded. (The {@code mizzen} command line keeps 2 for usage errors, and exits with 5 when
   * a rollout cannot start or go on.)
   */
  default int exitCode() {
    if (this instanceof Promoted) {
      return 0;
    }
    if (this instanceof Aborted) {
      return 1;
    }
    return this instanceof DeadlineExceeded ? 3 : 4;
  }

  /** The new revision runs all replicas. */
  record Promoted(String revisionHash, List<TimelineEntry> timeline) implements RolloutOutcome {
    public Promoted {
      checkNotNull(revisionHash, "revisionHash");
      timeline = ImmutableList.copyOf(timeline);
    }
  }

  /** Stopped at {@code step} (from 1) for {@code reason}; the stable revision serves. */
  record Aborted(String revisionHash, String reason, int step, List<TimelineEntry> timeline) implements RolloutOutcome {
    public Aborted {
      checkNotNull(revisionHash, "revisionHash");
      checkNotNull(reason, "reason");
      timeline = ImmutableList.copyOf(timeline);
    }
  }

  /** The rollout's deadline passed at {@code step}; the stable revision serves. */
  record DeadlineExceeded(String revisionHash, Duration deadline, int step, List<TimelineEntry> timeline)
      implements RolloutOutcome {
    public DeadlineExceeded {
      checkNotNull(revisionHash, "revisionHash");
      checkNotNull(deadline, "deadline");
      timeline = ImmutableList.copyOf(timeline);
    }
  }

  /**
   * A newer template arrived at {@code step} (a newer rollout started, or another writer pushed
   * it); its rollout goes on from step 1.
   */
  record Superseded(String revisionHash, int step, List<TimelineEntry> timeline) implements RolloutOutcome {
    public Superseded {
      checkNotNull(revisionHash, "revisionHash");
      timeline = ImmutableList.copyOf(timeline);
    }
  }
}
