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
}
