package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.pod.PodTemplate;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The job fields a {@link Job} and a {@link CronJob} share. Pods of a job must not restart
 * forever: their restart policy is {@code Never} unless set to {@code OnFailure}.
 */
public interface JobSettings extends Workload {

  /** How a job counts completions. */
  enum CompletionMode {
    /** Any {@code completions} successful pods complete the job (the default). */
    NON_INDEXED("NonIndexed"),
    /**
     * Each pod gets an index 0..completions-1 (annotation, label and hostname
     * {@code <job>-<index>}); the job completes when every index has succeeded once.
     */
    INDEXED("Indexed");

    private final String value;

    CompletionMode(String value) {
      this.value = value;
    }

    /** The name the API uses. */
    public String value() {
      return value;
    }
  }

  /** Retries before the job is marked failed; absent means 6. */
  OptionalInt backoffLimit();

  /** How long the job may run in total before it is stopped; absent means no limit. */
  Optional<Duration> activeDeadline();

  /** How long a finished job is kept before it is deleted; absent means kept forever. */
  Optional<Duration> ttlAfterFinished();

  /** Successful pods needed; absent means 1 (required for {@link CompletionMode#INDEXED}). */
  OptionalInt completions();

  /** Pods running at once; absent means 1. */
  OptionalInt parallelism();

  /** How completions are counted; absent means {@link CompletionMode#NON_INDEXED}. */
  Optional<CompletionMode> completionMode();

  /** Indexed jobs: retries per index before that index fails; absent means the job-wide {@link #backoffLimit()}. */
  OptionalInt backoffLimitPerIndex();

  /** Indexed jobs with {@link #backoffLimitPerIndex()}: failed indexes before the job fails; absent means no limit. */
  OptionalInt maxFailedIndexes();

  @Override
  PodTemplate pod();
}
