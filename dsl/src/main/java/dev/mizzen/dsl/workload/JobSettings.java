package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The job fields a {@link Job} and a {@link CronJob} share. Pods of a job must not restart
 * forever: their restart policy is {@code Never} unless set to {@code OnFailure}.
 */
public interface JobSettings extends Workload {

  /** Retries before the job is marked failed; absent means 6. */
  OptionalInt backoffLimit();

  /** How long the job may run in total before it is stopped; absent means no limit. */
  Optional<Duration> activeDeadline();

  /** How long a finished job is kept before it is deleted; absent means kept forever. */
  Optional<Duration> ttlAfterFinished();

  /** Successful pods needed; absent means 1. */
  OptionalInt completions();

  /** Pods running at once; absent means 1. */
  OptionalInt parallelism();

  /** Checks the job spec at {@code spec} (a Job's {@code spec}, a CronJob's {@code spec.jobTemplate.spec}). */
  static void validate(JobSettings job, Validation spec) {
    job.backoffLimit().ifPresent(b -> spec.field("backoffLimit").checkAtLeast(b, 0));
    job.activeDeadline().ifPresent(d -> Seconds.check(spec.field("activeDeadlineSeconds"), d, 1, Long.MAX_VALUE));
    job.ttlAfterFinished().ifPresent(d -> Seconds.check(spec.field("ttlSecondsAfterFinished"), d, 0, Integer.MAX_VALUE));
    job.completions().ifPresent(c -> spec.field("completions").checkAtLeast(c, 0));
    job.parallelism().ifPresent(p -> spec.field("parallelism").checkAtLeast(p, 0));
  }

  /** The client-java job spec; the pod's restart policy defaults to {@code Never}. */
  static V1JobSpec render(JobSettings job, RenderContext context) {
    V1PodTemplateSpec template = Workloads.template(job, context);
    if (job.pod().restartPolicy().isEmpty()) {
      template.getSpec().setRestartPolicy(RestartPolicy.NEVER.value());
    }
    V1JobSpec spec = new V1JobSpec().template(template);
    job.backoffLimit().ifPresent(spec::setBackoffLimit);
    job.activeDeadline().ifPresent(d -> spec.setActiveDeadlineSeconds(d.getSeconds()));
    job.ttlAfterFinished().ifPresent(d -> spec.setTtlSecondsAfterFinished(Seconds.toInt(d)));
    job.completions().ifPresent(spec::setCompletions);
    job.parallelism().ifPresent(spec::setParallelism);
    return spec;
  }

  @Override
  PodTemplate pod();
}
