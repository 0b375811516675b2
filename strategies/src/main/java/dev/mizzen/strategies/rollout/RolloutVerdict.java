package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * Where the rollout of one workload stands, as {@code kubectl rollout status} would say it: one of
 * {@link Done}, {@link InProgress}, {@link Failed} or, when waiting ran out of time, {@link TimedOut}.
 * Each carries kubectl's own message, without its trailing newline.
 *
 * <pre>{@code
 * RolloutVerdict verdict = RolloutVerdicts.of(deployment);
 * if (verdict instanceof RolloutVerdict.Failed failed) { ... failed.reason() ... }
 * }</pre>
 */
public sealed interface RolloutVerdict
    permits RolloutVerdict.Done, RolloutVerdict.InProgress, RolloutVerdict.Failed, RolloutVerdict.TimedOut {

  /** kubectl's message, e.g. {@code deployment "web" successfully rolled out}. */
  String message();

  /** Whether the rollout is complete ({@link Done}). */
  default boolean isDone() {
    return this instanceof Done;
  }

  /** Whether waiting longer cannot change the answer: {@link Done} or {@link Failed}. */
  default boolean isFinal() {
    return this instanceof Done || this instanceof Failed;
  }

  /** The rollout is complete: kubectl exits 0. */
  static Done done(String message) {
    return new Done(message);
  }

  /** The rollout is still going: kubectl prints the message and keeps watching. */
  static InProgress inProgress(String message) {
    return new InProgress(message);
  }

  /** kubectl stops with an error: the rollout failed, or cannot be followed. */
  static Failed failed(FailureReason reason, String message) {
    return new Failed(reason, message);
  }

  /** Waiting for {@code timeout} saw no final verdict; {@code last} is the latest one seen. */
  static TimedOut timedOut(Duration timeout, InProgress last) {
    return new TimedOut(timeout, last);
  }

  /** The rollout is complete. */
  record Done(String message) implements RolloutVerdict {
    public Done {
      checkNotNull(message, "message");
    }
  }

  /** The rollout is still going; the message says what it waits for. */
  record InProgress(String message) implements RolloutVerdict {
    public InProgress {
      checkNotNull(message, "message");
    }
  }

  /** kubectl would stop with this error, and so does waiting. */
  record Failed(FailureReason reason, String message) implements RolloutVerdict {
    public Failed {
      checkNotNull(reason, "reason");
      checkNotNull(message, "message");
    }
  }

  /**
   * No final verdict within {@code timeout}, as {@code kubectl rollout status --timeout} ends.
   *
   * @param timeout how long it waited
   * @param last the latest verdict seen, still in progress
   */
  record TimedOut(Duration timeout, InProgress last) implements RolloutVerdict {
    public TimedOut {
      checkNotNull(timeout, "timeout");
      checkNotNull(last, "last");
      checkArgument(!timeout.isNegative(), "timeout must not be negative, was %s", timeout);
    }

    /** {@code timed out after PT2M: } followed by the last message. */
    @Override
    public String message() {
      return "timed out after " + timeout + ": " + last.message();
    }
  }

  /** Why kubectl would stop with an error. */
  enum FailureReason {
    /**
     * A Deployment's {@code Progressing} condition has reason {@code ProgressDeadlineExceeded}:
     * no progress within its {@code progressDeadlineSeconds}.
     */
    PROGRESS_DEADLINE_EXCEEDED,
    /** A StatefulSet or DaemonSet whose update strategy is not {@code RollingUpdate} (OnDelete). */
    UPDATE_STRATEGY_NOT_SUPPORTED,
    /** The object did not exist when waiting began. */
    NOT_FOUND,
    /** The object was deleted while waiting (it could come back as a different object). */
    DELETED
  }
}
