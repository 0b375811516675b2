package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.List;
import java.util.OptionalInt;

/** Validates and renders the {@link JobSettings} of a Job or a CronJob's job template. */
final class JobSpecs {
  /** Labels the API server puts on a Job's pods to select them. */
  static final List<String> RESERVED_POD_LABELS = List.of(
      "batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid", "job-name", "controller-uid");

  private static final int MAX_INDEXED_PARALLELISM = 100_000;
  private static final int MAX_FAILED_INDEXES = 100_000;
  private static final int COMPLETIONS_SOFT_LIMIT = 100_000;
  private static final int PARALLELISM_FOR_HIGH_COMPLETIONS = 10_000;
  private static final int MAX_FAILED_INDEXES_FOR_HIGH_COMPLETIONS = 10_000;

  private JobSpecs() {}

  /**
   * Checks the job spec at {@code spec} (a Job's {@code spec}, a CronJob's
   * {@code spec.jobTemplate.spec}), and that the pod labels leave the API server's own alone.
   */
  static void validate(JobSettings job, Validation spec) {
    validate(job, spec, false);
  }

  /**
   * As {@link #validate(JobSettings, Validation)}; {@code completionsDefaulted} when the API
   * server applies {@code SetDefaults_Job} (a Job, not a CronJob's job template), which sets
   * completions to 1 when neither completions nor parallelism is given.
   */
  static void validate(JobSettings job, Validation spec, boolean completionsDefaulted) {
    job.backoffLimit().ifPresent(b -> spec.field("backoffLimit").checkAtLeast(b, 0));
    job.activeDeadline().ifPresent(d -> Seconds.check(spec.field("activeDeadlineSeconds"), d, 1, Seconds.INT64));
    job.ttlAfterFinished().ifPresent(d -> Seconds.check(spec.field("ttlSecondsAfterFinished"), d, 0, Seconds.INT32));
    job.completions().ifPresent(c -> spec.field("completions").checkAtLeast(c, 0));
    job.parallelism().ifPresent(p -> spec.field("parallelism").checkAtLeast(p, 0));
    job.backoffLimitPerIndex().ifPresent(b -> spec.field("backoffLimitPerIndex").checkAtLeast(b, 0));
    job.maxFailedIndexes().ifPresent(m -> {
      spec.field("maxFailedIndexes").checkAtLeast(m, 0);
      spec.field("backoffLimitPerIndex").check(job.backoffLimitPerIndex().isPresent(),
          "is required when maxFailedIndexes is set (%d)", m);
    });
    if (job.completionMode().orElse(JobSettings.CompletionMode.NON_INDEXED) == JobSettings.CompletionMode.INDEXED) {
      validateIndexed(job, spec, completionsDefaulted);
    } else {
      job.backoffLimitPerIndex().ifPresent(b -> spec.field("backoffLimitPerIndex").problem(
          "requires completionMode(CompletionMode.INDEXED), was set to %d on a NonIndexed job", b));
      job.maxFailedIndexes().ifPresent(m -> spec.field("maxFailedIndexes").problem(
          "requires completionMode(CompletionMode.INDEXED), was set to %d on a NonIndexed job", m));
    }
    Validation podLabels = spec.field("template.metadata.labels");
    RESERVED_POD_LABELS.stream().filter(job.pod().labels()::containsKey).forEach(key -> podLabels.key(key).problem(
        "is set by the API server to select the Job's pods: remove it"));
  }

  private static void validateIndexed(JobSettings job, Validation spec, boolean completionsDefaulted) {
    OptionalInt completions = completions(job, completionsDefaulted);
    OptionalInt parallelism = job.parallelism();
    OptionalInt maxFailed = job.maxFailedIndexes();
    spec.field("completions").check(completions.isPresent(), completionsDefaulted
        ? "is required when completionMode is Indexed and parallelism is set: set completions(n) for indexes 0..n-1"
        : "is required when completionMode is Indexed (a CronJob's job template gets no default):"
            + " set completions(n) for indexes 0..n-1");
    parallelism.ifPresent(p -> spec.field("parallelism").check(p <= MAX_INDEXED_PARALLELISM,
        "must be at most %d when completionMode is Indexed, was %d", MAX_INDEXED_PARALLELISM, p));
    maxFailed.ifPresent(m -> {
      completions.ifPresent(c -> spec.field("maxFailedIndexes").check(m <= c,
          "must be at most completions (%d), was %d", c, m));
      spec.field("maxFailedIndexes").check(m <= MAX_FAILED_INDEXES,
          "must be at most %d, was %d", MAX_FAILED_INDEXES, m);
    });
    if (completions.isPresent() && completions.getAsInt() > COMPLETIONS_SOFT_LIMIT
        && job.backoffLimitPerIndex().isPresent()) {
      int c = completions.getAsInt();
      spec.field("maxFailedIndexes").check(maxFailed.isPresent(),
          "is required when completions (%d) is above %d and backoffLimitPerIndex is set", c, COMPLETIONS_SOFT_LIMIT);
      parallelism.ifPresent(p -> spec.field("parallelism").check(p <= PARALLELISM_FOR_HIGH_COMPLETIONS,
          "must be at most %d when completions is above %d and backoffLimitPerIndex is set, was %d",
          PARALLELISM_FOR_HIGH_COMPLETIONS, COMPLETIONS_SOFT_LIMIT, p));
      maxFailed.ifPresent(m -> spec.field("maxFailedIndexes").check(m <= MAX_FAILED_INDEXES_FOR_HIGH_COMPLETIONS,
          "must be at most %d when completions is above %d and backoffLimitPerIndex is set, was %d",
          MAX_FAILED_INDEXES_FOR_HIGH_COMPLETIONS, COMPLETIONS_SOFT_LIMIT, m));
    }
  }

  /**
   * For a Job named {@code name}: the hostname of its last indexed pod, {@code <name>-<completions-1>},
   * must be a DNS-1123 label, or the pod could never be created. Checked at {@code metadata.name}.
   */
  static void validateIndexedHostnames(JobSettings job, Validation object) {
    OptionalInt completions = completions(job, true);
    if (job.completionMode().orElse(null) != JobSettings.CompletionMode.INDEXED || completions.isEmpty()
        || completions.getAsInt() <= 0) {
      return;
    }
    String lastHostname = job.name() + "-" + (completions.getAsInt() - 1);
    object.field("metadata.name").check(lastHostname.length() <= 63,
        "must leave room for the index: the last pod's hostname '%s' would have %d characters, at most 63 allowed",
        lastHostname, lastHostname.length());
  }

  /**
   * The completions the API server sees: as given, or 1 when {@code defaulted} ({@code SetDefaults_Job})
   * and neither completions nor parallelism is given.
   */
  private static OptionalInt completions(JobSettings job, boolean defaulted) {
    return defaulted && job.completions().isEmpty() && job.parallelism().isEmpty() ? OptionalInt.of(1) : job.completions();
  }

  /** The client-java job spec; the pod's restart policy defaults to {@code Never}. A fresh object each call. */
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
    job.completionMode().ifPresent(mode -> spec.setCompletionMode(mode.value()));
    job.backoffLimitPerIndex().ifPresent(spec::setBackoffLimitPerIndex);
    job.maxFailedIndexes().ifPresent(spec::setMaxFailedIndexes);
    return spec;
  }
}
