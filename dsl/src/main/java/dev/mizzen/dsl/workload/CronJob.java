package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CronJobSpec;
import io.kubernetes.client.openapi.models.V1JobTemplateSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A CronJob: a Job started on a schedule.
 *
 * <pre>{@code
 * CronJob report = CronJob.named("report")
 *     .schedule("0 3 * * *")
 *     .concurrencyPolicy(ConcurrencyPolicy.FORBID)
 *     .backoffLimit(2)
 *     .pod(PodTemplate.container(...).restartPolicy(RestartPolicy.ON_FAILURE))
 *     .build();
 * }</pre>
 *
 * <p>Or from a {@link Job} written once, whose template and job fields it reuses:
 *
 * <pre>{@code
 * CronJob nightly = CronJob.named("train-weekly").schedule("0 2 * * 0").job(train).build();
 * }</pre>
 */
@Value.Immutable
public abstract class CronJob implements JobSettings {

  /** What to do when a run is due while the previous one still runs. */
  public enum ConcurrencyPolicy {
    /** Run both (the default). */
    ALLOW("Allow"),
    /** Skip the new run. */
    FORBID("Forbid"),
    /** Stop the running one and start the new one. */
    REPLACE("Replace");

    private final String value;

    ConcurrencyPolicy(String value) {
      this.value = value;
    }

    /** The name the API uses. */
    public String value() {
      return value;
    }
  }

  /**
   * Starts a CronJob named {@code name}: a DNS-1123 label of at most 52 characters, since its
   * Jobs are named {@code <name>-<11 characters>}.
   */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /**
   * The schedule: five cron fields ({@code 0 3 * * *}) or a descriptor ({@code @daily},
   * {@code @every 2h}), checked as the API server does. Required.
   */
  public abstract String schedule();

  /**
   * The time zone of the schedule, an IANA name such as {@code Europe/Berlin}; absent means the
   * kube-controller-manager's zone.
   */
  public abstract Optional<String> timeZone();

  /** What to do when a run is due while the previous one still runs; absent means {@link ConcurrencyPolicy#ALLOW}. */
  public abstract Optional<ConcurrencyPolicy> concurrencyPolicy();

  /** How late a missed run may still start (whole seconds); absent means no deadline. */
  public abstract Optional<Duration> startingDeadline();

  /** Finished jobs kept; absent means 3. */
  public abstract OptionalInt successfulJobsHistoryLimit();

  /** Failed jobs kept; absent means 1. */
  public abstract OptionalInt failedJobsHistoryLimit();

  /** Whether new runs are suspended; false by default (rendered only when true). */
  @Value.Default
  public boolean suspend() {
    return false;
  }

  /** Labels of the Jobs it creates ({@code spec.jobTemplate.metadata.labels}), after the recommended ones. */
  public abstract Map<String, String> jobLabels();

  /** Annotations of the Jobs it creates ({@code spec.jobTemplate.metadata.annotations}). */
  public abstract Map<String, String> jobAnnotations();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1CronJob>> customizers();

  @Override
  public final String apiVersion() {
    return "batch/v1";
  }

  @Override
  public final String kind() {
    return "CronJob";
  }

  /** This CronJob with the image of container {@code container} replaced. */
  public CronJob withImage(String container, String image) {
    return ((ImmutableCronJob) this).withPod(pod().withImage(container, image));
  }

  @Value.Check
  protected void check() {
    Validation v = Workloads.validate(this, Metadata.NameRule.DNS1123_LABEL, "spec.jobTemplate.spec.template",
        Workloads.RUN_TO_COMPLETION, Set.of());
    Workloads.checkNameLength(v, this, 52, "its Jobs are named <name>-<11 characters>, at most 63");
    Validation spec = v.field("spec");
    CronSchedule.validate(spec.field("schedule"), schedule());
    timeZone().ifPresent(zone -> TimeZones.validate(spec.field("timeZone"), zone));
    startingDeadline().ifPresent(d -> Seconds.check(spec.field("startingDeadlineSeconds"), d, 0, Seconds.INT64));
    successfulJobsHistoryLimit().ifPresent(l -> spec.field("successfulJobsHistoryLimit").checkAtLeast(l, 0));
    failedJobsHistoryLimit().ifPresent(l -> spec.field("failedJobsHistoryLimit").checkAtLeast(l, 0));
    Metadata.validateLabels(spec.field("jobTemplate.metadata.labels"), jobLabels());
    Metadata.validateAnnotations(spec.field("jobTemplate.metadata.annotations"), jobAnnotations());
    JobSpecs.validate(this, spec.field("jobTemplate.spec"));
    v.throwIfInvalid();
  }

  @Override
  public V1CronJob render(RenderContext context) {
    Map<String, String> labels = RecommendedLabels.of(componentName(), context);
    labels.putAll(jobLabels());
    V1ObjectMeta jobMetadata = new V1ObjectMeta().labels(labels);
    if (!jobAnnotations().isEmpty()) {
      jobMetadata.setAnnotations(new LinkedHashMap<>(jobAnnotations()));
    }
    V1CronJobSpec spec = new V1CronJobSpec()
        .schedule(schedule())
        .jobTemplate(new V1JobTemplateSpec()
            .metadata(Workloads.withoutEmptyCollections(jobMetadata))
            .spec(JobSpecs.render(this, context)));
    timeZone().ifPresent(spec::setTimeZone);
    concurrencyPolicy().ifPresent(p -> spec.setConcurrencyPolicy(p.value()));
    startingDeadline().ifPresent(d -> spec.setStartingDeadlineSeconds(d.getSeconds()));
    successfulJobsHistoryLimit().ifPresent(spec::setSuccessfulJobsHistoryLimit);
    failedJobsHistoryLimit().ifPresent(spec::setFailedJobsHistoryLimit);
    if (suspend()) {
      spec.setSuspend(true);
    }
    V1CronJob rendered = new V1CronJob()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Workloads.metadata(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  @Override
  public V1CronJob render() {
    return render(RenderContext.standalone());
  }

  /** Builds a {@link CronJob}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableCronJob.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** The pod template; its restart policy must be left out (Never) or OnFailure. */
    public Builder pod(PodTemplate.Builder pod) {
      return pod(pod.build());
    }

    /**
     * Runs {@code job} on the schedule: its pod template and every job field it sets (backoff
     * limit, deadline, TTL, completions, parallelism, completion mode, per-index limits), with
     * its labels and annotations on the Jobs created ({@code spec.jobTemplate.metadata}). Its
     * name, namespace and component are not used (the CronJob's apply), nor its
     * {@code customize(...)} changes. Fields it leaves unset may still be set here; setting one
     * it sets fails, like setting any field twice.
     */
    public Builder job(Job job) {
      pod(job.pod());
      job.backoffLimit().ifPresent(this::backoffLimit);
      job.activeDeadline().ifPresent(this::activeDeadline);
      job.ttlAfterFinished().ifPresent(this::ttlAfterFinished);
      job.completions().ifPresent(this::completions);
      job.parallelism().ifPresent(this::parallelism);
      job.completionMode().ifPresent(this::completionMode);
      job.backoffLimitPerIndex().ifPresent(this::backoffLimitPerIndex);
      job.maxFailedIndexes().ifPresent(this::maxFailedIndexes);
      jobLabels(job.labels());
      jobAnnotations(job.annotations());
      return this;
    }

    /** As {@link #job(Job)}, building {@code job} first (which checks it). */
    public Builder job(Job.Builder job) {
      return job(job.build());
    }
  }
}
