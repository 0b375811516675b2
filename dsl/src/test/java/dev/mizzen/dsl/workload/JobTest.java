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
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.workload.JobSettings.CompletionMode;
import io.kubernetes.client.openapi.models.V1Job;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobTest {
  private static final String POD = "'spec':{'automountServiceAccountToken':false,"
      + "'containers':[{'image':'ghcr.io/acme/migrate:3.1.0','name':'migrate','securityContext':"
      + "{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}],'restartPolicy':'%s',"
      + "'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':'RuntimeDefault'}}}";

  private static PodTemplate.Builder pod() {
    return PodTemplate.container(Container.named("migrate").image("ghcr.io/acme/migrate:3.1.0"));
  }

  private static Job.Builder migrate() {
    return Job.named("migrate").pod(pod());
  }

  @Test
  void podsRestartNeverByDefaultAndTheSelectorIsLeftToTheApiServer() {
    V1Job rendered = migrate().build().render(RenderContext.of("shop", "shop"));

    assertThat(serialize(rendered)).isEqualTo(json("{'apiVersion':'batch/v1','kind':'Job',"
        + "'metadata':{'labels':{'app.kubernetes.io/name':'migrate','app.kubernetes.io/part-of':'shop',"
        + "'app.kubernetes.io/managed-by':'mizzen'},'name':'migrate','namespace':'shop'},"
        + "'spec':{'template':{'metadata':{'labels':{'app.kubernetes.io/name':'migrate',"
        + "'app.kubernetes.io/part-of':'shop','app.kubernetes.io/managed-by':'mizzen'}},"
        + String.format(POD, "Never") + "}}}"));
    assertThat(rendered.getSpec().getSelector()).isNull();
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void onFailureIsKept() {
    V1Job rendered = Job.named("migrate").pod(pod().restartPolicy(RestartPolicy.ON_FAILURE)).build().render();
    assertThat(rendered.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(Job.named("migrate").pod(pod().restartPolicy(RestartPolicy.NEVER)).build().render().getSpec()
        .getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void everyFieldRendersWithoutEmptyCollections() {
    V1Job rendered = migrate()
        .backoffLimit(2)
        .activeDeadline(Duration.ofMinutes(10))
        .ttlAfterFinished(Duration.ofHours(1))
        .completions(5)
        .parallelism(2)
        .completionMode(CompletionMode.INDEXED)
        .backoffLimitPerIndex(1)
        .maxFailedIndexes(2)
        .build()
        .render();

    assertThat(serialize(rendered.getSpec()).replace(serialize(rendered.getSpec().getTemplate()), "T"))
        .isEqualTo(json("{'activeDeadlineSeconds':600,'backoffLimit':2,'backoffLimitPerIndex':1,"
            + "'completionMode':'Indexed','completions':5,'maxFailedIndexes':2,'parallelism':2,'template':T,"
            + "'ttlSecondsAfterFinished':3600}"));
    assertMinimalAndRoundTrips(rendered);
    assertThat(Manifests.yaml(rendered)).contains("  completionMode: Indexed\n");
  }

  @Test
  void alwaysIsRefused() {
    assertThat(problems(() -> Job.named("migrate").pod(pod().restartPolicy(RestartPolicy.ALWAYS)).build()))
        .containsExactly("Job/migrate: spec.template.spec.restartPolicy: must be OnFailure or Never for a Job, was"
            + " Always: a Job's pods must finish; leave restartPolicy out for Never");
  }

  @Test
  void countsAndDurations() {
    assertThat(problems(() -> migrate().backoffLimit(-1).activeDeadline(Duration.ZERO)
        .ttlAfterFinished(Duration.ofSeconds(-5)).completions(-1).parallelism(-2).build())).containsExactly(
        "Job/migrate: spec.backoffLimit: must be >= 0, was -1",
        "Job/migrate: spec.activeDeadlineSeconds: must be at least 1s, was 0s",
        "Job/migrate: spec.ttlSecondsAfterFinished: must be at least 0s, was -5s",
        "Job/migrate: spec.completions: must be >= 0, was -1",
        "Job/migrate: spec.parallelism: must be >= 0, was -2");
    assertThat(problems(() -> migrate().activeDeadline(Duration.ofMillis(500)).build())).containsExactly(
        "Job/migrate: spec.activeDeadlineSeconds: must be a whole number of seconds, was 0.5s");
    V1Job zeros = migrate().backoffLimit(0).ttlAfterFinished(Duration.ZERO).completions(0).parallelism(0).build()
        .render();
    assertThat(zeros.getSpec().getTtlSecondsAfterFinished()).isZero();
    assertThat(zeros.getSpec().getParallelism()).isZero();
  }

  @Test
  void indexedJobsNeedCompletionsAndHostnamesThatFit() {
    assertThat(problems(() -> migrate().completionMode(CompletionMode.INDEXED).parallelism(100_001).build()))
        .containsExactly(
            "Job/migrate: spec.completions: is required when completionMode is Indexed and parallelism is set:"
                + " set completions(n) for indexes 0..n-1",
            "Job/migrate: spec.parallelism: must be at most 100000 when completionMode is Indexed, was 100001");
    String name = "m".repeat(60);
    // SetDefaults_Job: neither completions nor parallelism means completions 1, one pod of index 0.
    assertThat(migrate().completionMode(CompletionMode.INDEXED).build().completions()).isEmpty();
    String longer = "m".repeat(62);
    assertThat(problems(() -> Job.named(longer).pod(pod()).completionMode(CompletionMode.INDEXED).build()))
        .containsExactly("Job/" + longer + ": metadata.name: must leave room for the index: the last pod's"
            + " hostname '" + longer + "-0' would have 64 characters, at most 63 allowed");
    assertThat(problems(() -> Job.named(name).pod(pod()).completionMode(CompletionMode.INDEXED).completions(101)
        .build())).containsExactly("Job/" + name + ": metadata.name: must leave room for the index: the last pod's"
        + " hostname '" + name + "-100' would have 64 characters, at most 63 allowed");
    assertThat(Job.named(name).pod(pod()).completionMode(CompletionMode.INDEXED).completions(100).build()
        .completions()).hasValue(100);
  }

  @Test
  void perIndexBackoffRules() {
    assertThat(problems(() -> migrate().backoffLimitPerIndex(1).maxFailedIndexes(1).build())).containsExactly(
        "Job/migrate: spec.backoffLimitPerIndex: requires completionMode(CompletionMode.INDEXED), was set to 1 on a"
            + " NonIndexed job",
        "Job/migrate: spec.maxFailedIndexes: requires completionMode(CompletionMode.INDEXED), was set to 1 on a"
            + " NonIndexed job");
    assertThat(problems(() -> migrate().completionMode(CompletionMode.INDEXED).completions(3)
        .backoffLimitPerIndex(-1).maxFailedIndexes(4).build())).containsExactly(
        "Job/migrate: spec.backoffLimitPerIndex: must be >= 0, was -1",
        "Job/migrate: spec.maxFailedIndexes: must be at most completions (3), was 4");
    assertThat(problems(() -> migrate().completionMode(CompletionMode.INDEXED).completions(3).maxFailedIndexes(1)
        .build())).containsExactly(
        "Job/migrate: spec.backoffLimitPerIndex: is required when maxFailedIndexes is set (1)");
    assertThat(problems(() -> migrate().completionMode(CompletionMode.INDEXED).completions(200_000)
        .parallelism(20_000).backoffLimitPerIndex(1).build())).containsExactly(
        "Job/migrate: spec.maxFailedIndexes: is required when completions (200000) is above 100000 and"
            + " backoffLimitPerIndex is set",
        "Job/migrate: spec.parallelism: must be at most 10000 when completions is above 100000 and"
            + " backoffLimitPerIndex is set, was 20000");
    assertThat(problems(() -> migrate().completionMode(CompletionMode.INDEXED).completions(200_000)
        .backoffLimitPerIndex(1).maxFailedIndexes(150_000).build())).containsExactly(
        "Job/migrate: spec.maxFailedIndexes: must be at most 100000, was 150000",
        "Job/migrate: spec.maxFailedIndexes: must be at most 10000 when completions is above 100000 and"
            + " backoffLimitPerIndex is set, was 150000");
  }

  @Test
  void theApiServersSelectorLabelsAreReserved() {
    assertThat(problems(() -> Job.named("migrate").pod(pod().label("job-name", "migrate")
        .label("batch.kubernetes.io/controller-uid", "x")).build())).containsExactly(
        "Job/migrate: spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: is set by the API server to"
            + " select the Job's pods: remove it",
        "Job/migrate: spec.template.metadata.labels[job-name]: is set by the API server to select the Job's pods:"
            + " remove it");
  }

  @Test
  void nameIsADnsLabelOfAtMost63() {
    assertThat(problems(() -> Job.named("db.migrate").pod(pod()).build())).containsExactly(
        "Job/db.migrate: metadata.name: must be a lowercase RFC 1123 label (lowercase letters, digits and '-',"
            + " starting and ending with a letter or digit), was 'db.migrate'");
    String name = "m".repeat(64);
    assertThat(problems(() -> Job.named(name).component("migrate").pod(pod()).build())).containsExactly(
        "Job/" + name + ": metadata.name: must be at most 63 characters, was 64");
  }

  @Test
  void customizeAndOptOuts() {
    V1Job rendered = Job.named("migrate")
        .pod(pod().security(PodSecurity.restricted().optOut(PodOptOut.runAsRoot("legacy migration image"))))
        .customize(j -> j.getSpec().setSuspend(true))
        .build()
        .withImage("migrate", "ghcr.io/acme/migrate:3.2.0")
        .render();
    assertThat(rendered.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/acme/migrate:3.2.0");
    assertThat(rendered.getSpec().getSuspend()).isTrue();
    assertThat(rendered.getMetadata().getAnnotations())
        .containsEntry("security.mizzen.dev/opt-out", "runAsRoot: legacy migration image");
    assertThat(Manifests.yaml(rendered)).contains("  suspend: true\n");
  }
}
