package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.util.Objects;

/** Assertions on a CronJob: schedule and concurrency, its Jobs' settings, and its pods. */
public class CronJobAssert extends AbstractWorkloadAssert<CronJobAssert, V1CronJob> {

  /** An assert on {@code actual}. */
  public CronJobAssert(V1CronJob actual) {
    super(actual, CronJobAssert.class);
  }

  private V1JobSpec jobSpec() {
    return actual.getSpec() == null || actual.getSpec().getJobTemplate() == null
        ? null : actual.getSpec().getJobTemplate().getSpec();
  }

  @Override
  V1PodTemplateSpec template() {
    return jobSpec() == null ? null : jobSpec().getTemplate();
  }

  @Override
  String templatePath() {
    return "spec.jobTemplate.spec.template";
  }

  /** Asserts the cron schedule, exactly as written ({@code 0 3 * * *}). */
  public CronJobAssert hasSchedule(String schedule) {
    requireActual();
    String found = actual.getSpec() == null ? null : actual.getSpec().getSchedule();
    if (!Objects.equals(schedule, found)) {
      failAt(location().field("spec.schedule"), "expected " + quote(schedule) + ", but was " + quote(found));
    }
    return myself;
  }

  /**
   * Asserts the concurrency policy: {@code Allow} (the API server's default when unset), {@code
   * Forbid} or {@code Replace}.
   */
  public CronJobAssert hasConcurrencyPolicy(String policy) {
    requireActual();
    String found = actual.getSpec() == null ? null : actual.getSpec().getConcurrencyPolicy();
    if (!Objects.equals(policy, found == null ? "Allow" : found)) {
      failAt(location().field("spec.concurrencyPolicy"), "expected " + quote(policy) + ", but was "
          + (found == null ? "unset (the API server's default is \"Allow\")" : quote(found)));
    }
    return myself;
  }

  /** Asserts the Jobs' {@code backoffLimit} (6 when unset). */
  public CronJobAssert hasBackoffLimit(int limit) {
    requireActual();
    JobSpecs.checkBackoffLimit(this, location().field("spec.jobTemplate.spec"), jobSpec(), limit);
    return myself;
  }

  /** Asserts the Jobs' {@code activeDeadlineSeconds}. */
  public CronJobAssert hasActiveDeadline(Duration deadline) {
    requireActual();
    JobSpecs.checkActiveDeadline(this, location().field("spec.jobTemplate.spec"), jobSpec(), deadline);
    return myself;
  }

  /** Asserts the Jobs' {@code ttlSecondsAfterFinished}. */
  public CronJobAssert hasTtlAfterFinished(Duration ttl) {
    requireActual();
    JobSpecs.checkTtlAfterFinished(this, location().field("spec.jobTemplate.spec"), jobSpec(), ttl);
    return myself;
  }

  /** Asserts the Jobs' {@code completions} (1 when it and parallelism are unset). */
  public CronJobAssert hasCompletions(int completions) {
    requireActual();
    JobSpecs.checkCompletions(this, location().field("spec.jobTemplate.spec"), jobSpec(), completions);
    return myself;
  }

  /** Asserts the Jobs' {@code parallelism} (1 when unset). */
  public CronJobAssert hasParallelism(int parallelism) {
    requireActual();
    JobSpecs.checkParallelism(this, location().field("spec.jobTemplate.spec"), jobSpec(), parallelism);
    return myself;
  }
}
