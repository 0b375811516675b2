package dev.mizzen.strategies.rollout;

import dev.mizzen.strategies.rollout.internal.RolloutRecord;
import java.time.Instant;

/**
 * A running rollout as the cluster records it, whichever process drives it.
 *
 * @param phase {@code stepping}, {@code finishing} or {@code aborting}
 * @param step the current step, from 1
 * @param holder the identity of the process that last drove it
 */
public record RolloutState(String phase, int step, Instant startedAt, Instant stepStartedAt, String stableHash,
                           String revisionHash, boolean paused, String abortReason, String holder) {

  static RolloutState of(RolloutRecord record) {
    return new RolloutState(record.phase().name().toLowerCase(), record.step() + 1, record.startedAt(),
        record.stepStartedAt(), record.stableHash(), record.revisionHash(), record.paused(), record.reason(),
        record.holder());
  }
}
