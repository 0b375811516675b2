package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.DeploymentStrategy;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.Job;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadAssertTest {

  private static final PodTemplate.Builder POD = PodTemplate.container(Container.named("app").image("app:1"));

  @Test
  void deploymentReplicasAndStrategy() {
    assertThat(Shop.api()).hasReplicas(2);
    assertThat(Shop.web()).hasStrategy("RollingUpdate").hasLabel("app.kubernetes.io/name", "web");
    assertThat(Deployment.named("one").pod(POD).build()).hasReplicas(1);
    assertThat(Deployment.named("r").pod(POD).strategy(DeploymentStrategy.recreate()).build()).hasStrategy("Recreate");

    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("api").hasReplicas(3))
        .hasMessage("Deployment/shop/api: spec.replicas: expected 3, but was 2");
    V1Deployment bare = new V1Deployment().metadata(new V1ObjectMeta().name("bare").namespace("ns"))
        .spec(new V1DeploymentSpec());
    assertThatThrownBy(() -> assertThat(bare).hasReplicas(2))
        .hasMessage("Deployment/ns/bare: spec.replicas: expected 2, but was unset (the API server's default is 1)");
    assertThatThrownBy(() -> assertThat(bare).hasStrategy("Recreate"))
        .hasMessage("Deployment/ns/bare: spec.strategy.type: expected \"Recreate\","
            + " but was unset (the API server's default is \"RollingUpdate\")");
    assertThatThrownBy(() -> assertThat(bare).container("app"))
        .hasMessage("Deployment/ns/bare: spec.template: expected a pod template, but there is none");
    assertThatThrownBy(() -> assertThat(bare).runsAsNonRoot())
        .hasMessage("Deployment/ns/bare: spec.template: expected a pod template, but there is none");
  }

  @Test
  void statefulSetServiceNameAndClaims() {
    assertThat(Shop.db()).hasReplicas(1).hasServiceName("db").hasVolumeClaimTemplate("data");
    assertThatThrownBy(() -> assertThat(Shop.db()).hasVolumeClaimTemplate("wal"))
        .hasMessage("StatefulSet/db: spec.volumeClaimTemplates: expected a claim template named \"wal\", but found [data]");
    assertThatThrownBy(() -> assertThat(Shop.db()).hasServiceName("postgres"))
        .hasMessage("StatefulSet/db: spec.serviceName: expected \"postgres\", but was \"db\"");
  }

  @Test
  void jobAndCronJobSettings() {
    assertThat(Shop.report()).hasSchedule("0 3 * * *").hasConcurrencyPolicy("Forbid").hasBackoffLimit(2)
        .hasActiveDeadline(Duration.ofMinutes(10)).hasTtlAfterFinished(Duration.ofDays(1))
        .container("report").hasImage("ghcr.io/acme/report:1.0.0");

    Job job = Job.named("migrate").pod(POD).build();
    assertThat(job).hasBackoffLimit(6).container("app").hasPinnedImage();
    assertThatThrownBy(() -> assertThat(job).hasTtlAfterFinished(Duration.ofHours(1)))
        .hasMessage("Job/migrate: spec.ttlSecondsAfterFinished: expected 3600, but was unset (finished Jobs are kept)");
    assertThatThrownBy(() -> assertThat(job).hasActiveDeadline(Duration.ofMinutes(1)))
        .hasMessage("Job/migrate: spec.activeDeadlineSeconds: expected 60, but was unset (no deadline)");
    assertThatThrownBy(() -> assertThat(Shop.report()).hasBackoffLimit(6))
        .hasMessage("CronJob/report: spec.jobTemplate.spec.backoffLimit: expected 6, but was 2");
    assertThatThrownBy(() -> assertThat(Shop.report()).hasSchedule("@daily"))
        .hasMessage("CronJob/report: spec.schedule: expected \"@daily\", but was \"0 3 * * *\"");
    assertThatThrownBy(() -> assertThat(Shop.report()).hasConcurrencyPolicy("Allow"))
        .hasMessage("CronJob/report: spec.concurrencyPolicy: expected \"Allow\", but was \"Forbid\"");
  }

  @Test
  void completionsAndParallelismWithTheApiServersDefaults() {
    Job single = Job.named("migrate").pod(POD).build();
    assertThat(single).hasCompletions(1).hasParallelism(1);
    assertThatThrownBy(() -> assertThat(single).hasCompletions(3))
        .hasMessage("Job/migrate: spec.completions: expected 3, but was unset (the API server's default is 1)");
    assertThatThrownBy(() -> assertThat(single).hasParallelism(2))
        .hasMessage("Job/migrate: spec.parallelism: expected 2, but was unset (the API server's default is 1)");

    Job queue = Job.named("drain").parallelism(4).pod(POD).build();
    assertThat(queue).hasParallelism(4);
    assertThatThrownBy(() -> assertThat(queue).hasCompletions(1))
        .hasMessage("Job/drain: spec.completions: expected 1, but was unset with parallelism set (a work queue: the"
            + " Job completes when any pod succeeds)");

    Job batch = Job.named("train").completions(8).parallelism(2).backoffLimit(1)
        .ttlAfterFinished(Duration.ofHours(6)).pod(POD).build();
    assertThat(batch).hasCompletions(8).hasParallelism(2).hasBackoffLimit(1)
        .hasTtlAfterFinished(Duration.ofHours(6));
    assertThatThrownBy(() -> assertThat(batch).hasCompletions(4))
        .hasMessage("Job/train: spec.completions: expected 4, but was 8");

    CronJob weekly = CronJob.named("train-weekly").schedule("0 2 * * 0").job(batch).build();
    assertThat(weekly).hasCompletions(8).hasParallelism(2).hasBackoffLimit(1)
        .hasTtlAfterFinished(Duration.ofHours(6));
    assertThatThrownBy(() -> assertThat(weekly).hasParallelism(3))
        .hasMessage("CronJob/train-weekly: spec.jobTemplate.spec.parallelism: expected 3, but was 2");
  }

  @Test
  void metadataAssertionsNameTheField() {
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").hasLabel("tier", "frontend"))
        .hasMessage("Deployment/shop/web: metadata.labels: expected label \"tier\" = \"frontend\", but there is no such"
            + " label (found [app.kubernetes.io/name, app.kubernetes.io/part-of, app.kubernetes.io/managed-by])");
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").hasLabel("app.kubernetes.io/part-of", "mall"))
        .hasMessage("Deployment/shop/web: metadata.labels[app.kubernetes.io/part-of]: expected \"mall\", but was \"shop\"");
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").isInNamespace("default"))
        .hasMessage("Deployment/shop/web: metadata.namespace: expected namespace \"default\", but was \"shop\"");
    assertThatThrownBy(() -> assertThat(Shop.web()).hasAnnotation("owner"))
        .hasMessage("Deployment/web: metadata.annotations: expected an annotation \"owner\", but found only []");
  }

  @Test
  void aNullObjectFailsPlainly() {
    assertThatThrownBy(() -> assertThat((V1Deployment) null).hasReplicas(1))
        .hasMessage("(null): expected a value, but was null");
  }
}
