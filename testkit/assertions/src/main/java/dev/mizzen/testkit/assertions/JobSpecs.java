package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1JobSpec;
import java.time.Duration;

/** The checks of a {@link V1JobSpec} that Jobs and CronJobs ({@code spec.jobTemplate.spec}) share. */
final class JobSpecs {
  private JobSpecs() {}

  static void checkBackoffLimit(AbstractMizzenAssert<?, ?> owner, Location spec, V1JobSpec job, int limit) {
    Integer found = job == null ? null : job.getBackoffLimit();
    if (limit != (found == null ? 6 : found)) {
      owner.failAt(spec.field("backoffLimit"), "expected " + limit + ", but was "
          + (found == null ? "unset (the API server's default is 6)" : found));
    }
  }

  static void checkActiveDeadline(AbstractMizzenAssert<?, ?> owner, Location spec, V1JobSpec job, Duration deadline) {
    Long found = job == null ? null : job.getActiveDeadlineSeconds();
    if (found == null || found != deadline.getSeconds()) {
      owner.failAt(spec.field("activeDeadlineSeconds"), "expected " + deadline.getSeconds() + ", but was "
          + (found == null ? "unset (no deadline)" : found));
    }
  }

  static void checkTtlAfterFinished(AbstractMizzenAssert<?, ?> owner, Location spec, V1JobSpec job, Duration ttl) {
    Integer found = job == null ? null : job.getTtlSecondsAfterFinished();
    if (found == null || found != ttl.getSeconds()) {
      owner.failAt(spec.field("ttlSecondsAfterFinished"), "expected " + ttl.getSeconds() + ", but was "
          + (found == null ? "unset (finished Jobs are kept)" : found));
    }
  }

  static void checkCompletions(AbstractMizzenAssert<?, ?> owner, Location spec, V1JobSpec job, int completions) {
    Integer found = job == null ? null : job.getCompletions();
    boolean parallelismSet = job != null && job.getParallelism() != null;
    // The API server defaults completions to 1 only when parallelism is unset as well.
    Integer effective = found != null ? found : parallelismSet ? null : Integer.valueOf(1);
    if (effective == null || effective != completions) {
      owner.failAt(spec.field("completions"), "expected " + completions + ", but was " + (found != null ? found
          : parallelismSet ? "unset with parallelism set (a work queue: the Job completes when any pod succeeds)"
          : "unset (the API server's default is 1)"));
    }
  }

  static void checkParallelism(AbstractMizzenAssert<?, ?> owner, Location spec, V1JobSpec job, int parallelism) {
    Integer found = job == null ? null : job.getParallelism();
    if (parallelism != (found == null ? 1 : found)) {
      owner.failAt(spec.field("parallelism"), "expected " + parallelism + ", but was "
          + (found == null ? "unset (the API server's default is 1)" : found));
    }
  }
}
