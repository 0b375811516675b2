package dev.mizzen.dsl.workload;

import static dev.mizzen.dsl.workload.WorkloadFixtures.assertMinimalAndRoundTrips;
import static dev.mizzen.dsl.workload.WorkloadFixtures.json;
import static dev.mizzen.dsl.workload.WorkloadFixtures.problems;
import static dev.mizzen.dsl.workload.WorkloadFixtures.serialize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.workload.CronJob.ConcurrencyPolicy;
import io.kubernetes.client.openapi.models.V1CronJob;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronJobTest {
  private static PodTemplate.Builder pod() {
    return PodTemplate.container(Container.named("report").image("ghcr.io/acme/report:1.0.0"));
  }

  private static CronJob.Builder report() {
    return CronJob.named("report").schedule("0 3 * * *").pod(pod());
  }

  @Test
  void rendersTheShopReport() {
    V1CronJob rendered = CronJob.named("report")
        .schedule("0 3 * * *")
        .concurrencyPolicy(ConcurrencyPolicy.FORBID)
        .backoffLimit(2)
        .activeDeadline(Duration.ofSeconds(600))
        .ttlAfterFinished(Duration.ofDays(1))
        .pod(PodTemplate.container(Container.named("report").image("ghcr.io/acme/report:1.0.0")
                .resources(Resources.requests(Cpu.millis(50), Memory.mebibytes(64))))
                .restartPolicy(RestartPolicy.ON_FAILURE))
        .build()
        .render(RenderContext.of("shop", "shop"));

    String labels = "{'app.kubernetes.io/name':'report','app.kubernetes.io/part-of':'shop',"
        + "'app.kubernetes.io/managed-by':'mizzen'}";
    assertThat(serialize(rendered)).isEqualTo(json("{'apiVersion':'batch/v1','kind':'CronJob',"
        + "'metadata':{'labels':" + labels + ",'name':'report','namespace':'shop'},"
        + "'spec':{'concurrencyPolicy':'Forbid','jobTemplate':{'metadata':{'labels':" + labels + "},"
        + "'spec':{'activeDeadlineSeconds':600,'backoffLimit':2,'template':{'metadata':{'labels':" + labels + "},"
        + "'spec':{'automountServiceAccountToken':false,'containers':[{'image':'ghcr.io/acme/report:1.0.0',"
        + "'name':'report','resources':{'requests':{'cpu':'50m','memory':'64Mi'}},"
        + "'securityContext':{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}],"
        + "'restartPolicy':'OnFailure','securityContext':{'runAsNonRoot':true,"
        + "'seccompProfile':{'type':'RuntimeDefault'}}}},'ttlSecondsAfterFinished':86400}},"
        + "'schedule':'0 3 * * *'}}"));
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void aCronJobMadeFromAJobRendersAsIfWrittenByHand() {
    Job train = Job.named("train")
        .namespace("ignored")
        .component("ignored")
        .label("team", "ml")
        .annotation("owner", "ml@example.com")
        .backoffLimit(1)
        .activeDeadline(Duration.ofHours(8))
        .ttlAfterFinished(Duration.ofDays(2))
        .completions(4)
        .parallelism(2)
        .completionMode(JobSettings.CompletionMode.INDEXED)
        .backoffLimitPerIndex(1)
        .maxFailedIndexes(2)
        .pod(pod().restartPolicy(RestartPolicy.ON_FAILURE))
        .build();
    CronJob fromJob = CronJob.named("train-weekly").schedule("0 2 * * 0").job(train).build();
    CronJob byHand = CronJob.named("train-weekly").schedule("0 2 * * 0")
        .jobLabel("team", "ml")
        .jobAnnotation("owner", "ml@example.com")
        .backoffLimit(1)
        .activeDeadline(Duration.ofHours(8))
        .ttlAfterFinished(Duration.ofDays(2))
        .completions(4)
        .parallelism(2)
        .completionMode(JobSettings.CompletionMode.INDEXED)
        .backoffLimitPerIndex(1)
        .maxFailedIndexes(2)
        .pod(pod().restartPolicy(RestartPolicy.ON_FAILURE))
        .build();

    assertThat(fromJob).isEqualTo(byHand);
    V1CronJob rendered = fromJob.render(RenderContext.of("shop", "shop"));
    assertThat(rendered.getMetadata().getName()).isEqualTo("train-weekly");
    assertThat(rendered.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(rendered.getMetadata().getLabels()).doesNotContainKey("team");
    assertThat(serialize(rendered.getSpec().getJobTemplate().getMetadata())).isEqualTo(json(
        "{'annotations':{'owner':'ml@example.com'},'labels':{'app.kubernetes.io/name':'train-weekly',"
            + "'app.kubernetes.io/part-of':'shop','app.kubernetes.io/managed-by':'mizzen','team':'ml'}}"));
    assertThat(serialize(rendered.getSpec().getJobTemplate().getSpec()))
        .isEqualTo(serialize(train.render(RenderContext.of("shop", "shop")).getSpec())
            .replace("\"app.kubernetes.io/name\":\"ignored\"", "\"app.kubernetes.io/name\":\"train-weekly\""));
    assertMinimalAndRoundTrips(rendered);
  }

  /** A new job field must be copied by {@code CronJob.Builder.job(job)} too: add it there and above. */
  @Test
  void jobCopiesEveryJobField() {
    assertThat(Arrays.stream(JobSettings.class.getDeclaredMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers())).map(Method::getName).sorted())
        .containsExactly("activeDeadline", "backoffLimit", "backoffLimitPerIndex", "completionMode", "completions",
            "maxFailedIndexes", "parallelism", "pod", "ttlAfterFinished");
  }

  @Test
  void fieldsTheJobLeavesUnsetMayBeSetOnTheCronJob() {
    Job job = Job.named("report").pod(pod()).build();
    CronJob cronJob = CronJob.named("report").schedule("@daily").job(job).backoffLimit(3).build();
    assertThat(cronJob.backoffLimit()).hasValue(3);
    assertThat(cronJob.pod()).isEqualTo(job.pod());
  }

  @Test
  void jobTemplateLabelsAndAnnotationsAreChecked() {
    assertThat(problems(() -> report().jobLabel("team", "m l").jobAnnotation("bad key!", "x").build()))
        .containsExactly(
            "CronJob/report: spec.jobTemplate.metadata.labels[team]: label value 'm l' must be at most 63"
                + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
            "CronJob/report: spec.jobTemplate.metadata.annotations[bad key!]: key 'bad key!' must have a name part"
                + " of at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
  }

  @Test
  void everyCronJobFieldRenders() {
    V1CronJob rendered = report()
        .timeZone("Europe/Berlin")
        .concurrencyPolicy(ConcurrencyPolicy.REPLACE)
        .startingDeadline(Duration.ofMinutes(5))
        .successfulJobsHistoryLimit(0)
        .failedJobsHistoryLimit(5)
        .suspend(true)
        .build()
        .render();

    assertThat(serialize(rendered.getSpec()).replace(serialize(rendered.getSpec().getJobTemplate()), "J"))
        .isEqualTo(json("{'concurrencyPolicy':'Replace','failedJobsHistoryLimit':5,'jobTemplate':J,"
            + "'schedule':'0 3 * * *','startingDeadlineSeconds':300,'successfulJobsHistoryLimit':0,'suspend':true,"
            + "'timeZone':'Europe/Berlin'}"));
    assertThat(rendered.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getRestartPolicy())
        .isEqualTo("Never");
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void customizeWithImageAndOptOuts() {
    V1CronJob rendered = CronJob.named("report").schedule("@daily")
        .pod(pod().security(PodSecurity.restricted().optOut(PodOptOut.runAsRoot("vendor image"))))
        .customize(c -> c.getSpec().setSchedule("@hourly"))
        .build()
        .withImage("report", "ghcr.io/acme/report:1.1.0")
        .render();
    assertThat(Manifests.yaml(rendered)).contains("  schedule: \"@hourly\"\n");
    assertThat(rendered.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/acme/report:1.1.0");
    assertThat(rendered.getMetadata().getAnnotations()).containsEntry("security.mizzen.dev/opt-out",
        "runAsRoot: vendor image");
    assertThat(rendered.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("security.mizzen.dev/opt-out", "runAsRoot: vendor image");
  }

  @Test
  void nameIsADnsLabelOfAtMost52Characters() {
    String name = "r".repeat(53);
    assertThat(problems(() -> CronJob.named(name).schedule("@daily").pod(pod()).build())).containsExactly(
        "CronJob/" + name + ": metadata.name: must be at most 52 characters (its Jobs are named <name>-<11"
            + " characters>, at most 63), was 53");
    assertThat(problems(() -> CronJob.named("nightly.report").schedule("@daily").pod(pod()).build()))
        .containsExactly("CronJob/nightly.report: metadata.name: must be a lowercase RFC 1123 label (lowercase"
            + " letters, digits and '-', starting and ending with a letter or digit), was 'nightly.report'");
    assertThat(CronJob.named("r".repeat(52)).schedule("@daily").pod(pod()).build().name()).hasSize(52);
  }

  @Test
  void specRules() {
    assertThat(problems(() -> CronJob.named("report").schedule("0 3 * * 7").pod(pod())
        .startingDeadline(Duration.ofSeconds(-1)).successfulJobsHistoryLimit(-1).failedJobsHistoryLimit(-1)
        .build())).containsExactly(
        "CronJob/report: spec.schedule: day of week field '7': needs values in 0-6 or sun-sat (0 is Sunday; 7 is not"
            + " accepted), was '0 3 * * 7'",
        "CronJob/report: spec.startingDeadlineSeconds: must be at least 0s, was -1s",
        "CronJob/report: spec.successfulJobsHistoryLimit: must be >= 0, was -1",
        "CronJob/report: spec.failedJobsHistoryLimit: must be >= 0, was -1");
    assertThat(report().startingDeadline(Duration.ZERO).build().render().getSpec().getStartingDeadlineSeconds())
        .isZero();
  }

  /** A CronJob's job template gets no SetDefaults_Job: an Indexed one needs completions. */
  @Test
  void indexedJobTemplatesNeedCompletions() {
    assertThat(problems(() -> report().completionMode(JobSettings.CompletionMode.INDEXED).build())).containsExactly(
        "CronJob/report: spec.jobTemplate.spec.completions: is required when completionMode is Indexed (a CronJob's"
            + " job template gets no default): set completions(n) for indexes 0..n-1");
  }

  @Test
  void jobTemplateRulesArePlacedUnderTheJobTemplate() {
    assertThat(problems(() -> CronJob.named("report").schedule("@daily")
        .pod(pod().restartPolicy(RestartPolicy.ALWAYS).label("controller-uid", "x"))
        .backoffLimit(-1).activeDeadline(Duration.ZERO)
        .build())).containsExactly(
        "CronJob/report: spec.jobTemplate.spec.template.spec.restartPolicy: must be OnFailure or Never for a"
            + " CronJob, was Always: a Job's pods must finish; leave restartPolicy out for Never",
        "CronJob/report: spec.jobTemplate.spec.backoffLimit: must be >= 0, was -1",
        "CronJob/report: spec.jobTemplate.spec.activeDeadlineSeconds: must be at least 1s, was 0s",
        "CronJob/report: spec.jobTemplate.spec.template.metadata.labels[controller-uid]: is set by the API server to"
            + " select the Job's pods: remove it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Etc/UTC", "Europe/Berlin", "America/Argentina/ComodRivadavia",
      "America/North_Dakota/New_Salem", "Etc/GMT+1", "Etc/GMT-14", "Asia/Calcutta", "EST5EDT", "CET", "GMT"})
  void timeZonesTheApiServerKnows(String zone) {
    assertThat(report().timeZone(zone).build().render().getSpec().getTimeZone()).isEqualTo(zone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Z", "UTC+01:00", "+01:00", "GMT+1", "utc", "Europe/berlin", "Europe/Berlin/",
      "/Europe/Berlin", "Europe//Berlin", "Europe/../Berlin", "./UTC", "-Europe", "Foo/Bar", "SystemV/EST5",
      "US/Pacific-New"})
  void timeZonesTheApiServerRefuses(String zone) {
    assertThat(problems(() -> report().timeZone(zone).build())).containsExactly(
        "CronJob/report: spec.timeZone: must be an IANA time zone name such as Europe/Berlin or Etc/UTC, was '"
            + zone + "'");
  }

  @Test
  void emptyAndLocalTimeZonesAreRefusedWithTheirOwnReason() {
    assertThat(problems(() -> report().timeZone("").build())).containsExactly(
        "CronJob/report: spec.timeZone: must not be empty: leave it out for the controller manager's zone, or give"
            + " an IANA name such as Europe/Berlin or Etc/UTC");
    assertThat(problems(() -> report().timeZone("Local").build())).containsExactly(
        "CronJob/report: spec.timeZone: must be an explicit IANA time zone name such as Europe/Berlin, was 'Local':"
            + " leave timeZone out to use the controller manager's zone");
    assertThat(problems(() -> report().timeZone("LOCAL").build())).hasSize(1);
  }
}
