package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;

/** Assertions on a Job: completions, parallelism, retries, deadline and clean-up, plus everything about its pods. */
public class JobAssert extends AbstractWorkloadAssert<JobAssert, V1Job> {

  /** An assert on {@code actual}. */
  public JobAssert(V1Job actual) {
    super(actual, JobAssert.class);
  }

  @Override
  V1PodTemplateSpec template() {
    return actual.getSpec() == null ? null : actual.getSpec().getTemplate();
  }

  @Override
  String templatePath() {
    return "spec.template";
  }

  /** Asserts {@code spec.backoffLimit} (6, the API server's default, when unset). */
  public JobAssert hasBackoffLimit(int limit) {
    requireActual();
    JobSpecs.checkBackoffLimit(this, location().field("spec"), actual.getSpec(), limit);
    return myself;
  }

  /** Asserts {@code spec.activeDeadlineSeconds}. */
  public JobAssert hasActiveDeadline(Duration deadline) {
    requireActual();
    JobSpecs.checkActiveDeadline(this, location().field("spec"), actual.getSpec(), deadline);
    return myself;
  }

  /** Asserts {@code spec.ttlSecondsAfterFinished}: finished Jobs are deleted after {@code ttl}. */
  public JobAssert hasTtlAfterFinished(Duration ttl) {
    requireActual();
    JobSpecs.checkTtlAfterFinished(this, location().field("spec"), actual.getSpec(), ttl);
    return myself;
  }

  /**
   * Asserts {@code spec.completions}: the successful pods needed (1, the API server's default,
   * when it and parallelism are unset).
   */
  public JobAssert hasCompletions(int completions) {
    requireActual();
    JobSpecs.checkCompletions(this, location().field("spec"), actual.getSpec(), completions);
    return myself;
  }

  /** Asserts {@code spec.parallelism}: the pods running at once (1, the API server's default, when unset). */
  public JobAssert hasParallelism(int parallelism) {
    requireActual();
    JobSpecs.checkParallelism(this, location().field("spec"), actual.getSpec(), parallelism);
    return myself;
  }
}
