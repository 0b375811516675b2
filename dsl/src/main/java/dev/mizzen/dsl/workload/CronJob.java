package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CronJobSpec;
import io.kubernetes.client.openapi.models.V1JobTemplateSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
 *     .pod(PodTemplate.builder().restartPolicy(RestartPolicy.ON_FAILURE).container(...))
 *     .build();
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

    public String value() {
      return value;
    }
  }

  /** Starts a CronJob named {@code name} (at most 52 characters: its Jobs add a suffix). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The schedule in cron syntax ({@code 0 3 * * *}) or a descriptor ({@code @daily}). Required. */
  public abstract String schedule();

  /** The time zone of the schedule (an IANA name); absent means the controller manager's zone. */
  public abstract Optional<String> timeZone();

  /** Absent means {@link ConcurrencyPolicy#ALLOW}. */
  public abstract Optional<ConcurrencyPolicy> concurrencyPolicy();

  /** How late a missed run may still start; absent means no deadline. */
  public abstract Optional<Duration> startingDeadline();

  /** Finished jobs kept; absent means 3. */
  public abstract OptionalInt successfulJobsHistoryLimit();

  /** Failed jobs kept; absent means 1. */
  public abstract OptionalInt failedJobsHistoryLimit();

  /** Whether new runs are suspended. */
  @Value.Default
  public boolean suspend() {
    return false;
  }

  public abstract List<Consumer<? super V1CronJob>> customizers();

  @Override
  public final String apiVersion() {
    return "batch/v1";
  }

  @Override
  public final String kind() {
    return "CronJob";
  }

  @Value.Check
  protected void check() {
    Validation v = Workloads.validate(this, "spec.jobTemplate.spec.template", Workloads.RUN_TO_COMPLETION, Set.of());
    v.field("metadata.name").check(name().length() <= 52,
        "must be at most 52 characters (its Jobs append 11), was %d", name().length());
    Validation spec = v.field("spec");
    CronSchedule.validate(spec.field("schedule"), schedule());
    timeZone().ifPresent(zone -> {
      boolean known;
      try {
        ZoneId.of(zone);
        known = !zone.startsWith("UTC+") && !zone.startsWith("UTC-") && !zone.startsWith("GMT+") && !zone.startsWith("GMT-");
      } catch (java.time.DateTimeException e) {
        known = false;
      }
      spec.field("timeZone").check(known, "must be an IANA time zone name such as Europe/Berlin or Etc/UTC, was '%s'", zone);
    });
    startingDeadline().ifPresent(d -> Seconds.check(spec.field("startingDeadlineSeconds"), d, 0, Long.MAX_VALUE));
    successfulJobsHistoryLimit().ifPresent(l -> spec.field("successfulJobsHistoryLimit").checkAtLeast(l, 0));
    failedJobsHistoryLimit().ifPresent(l -> spec.field("failedJobsHistoryLimit").checkAtLeast(l, 0));
    JobSettings.validate(this, spec.field("jobTemplate.spec"));
    v.throwIfInvalid();
  }

  @Override
  public V1CronJob render(RenderContext context) {
    V1CronJobSpec spec = new V1CronJobSpec()
        .schedule(schedule())
        .jobTemplate(new V1JobTemplateSpec()
            .metadata(new V1ObjectMeta().labels(RecommendedLabels.of(componentName(), context))
                .finalizers(null).managedFields(null).ownerReferences(null))
            .spec(JobSettings.render(this, context)));
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
  public static final class Builder extends ImmutableCronJob.Builder {
    Builder() {}

    public Builder pod(PodTemplate.Builder pod) {
      return pod(pod.build());
    }

    /** Changes the rendered object after everything else (the escape hatch). */
    public Builder customize(Consumer<? super V1CronJob> customizer) {
      return addCustomizer(customizer);
    }
  }
}
