package dev.mizzen.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.scheduling.explain.ClusterState;
import dev.mizzen.scheduling.explain.PendingPod;
import dev.mizzen.scheduling.explain.PlacementExplainer;
import dev.mizzen.scheduling.explain.ReplicaPlacement;
import dev.mizzen.testkit.cluster.TestFleet;
import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three applications a new user wrote from the docs (issue 8): each builds without an escape
 * hatch, passes Pod Security "restricted" with no exemption at all, and has no error-level finding
 * of the recommended policies; the warnings left are listed, each with why.
 */
class ExampleAppsTest {

  @Test
  void theGuestbookIsRestrictedAndOnlyWarnedAboutWhatItLeavesOpen() {
    App guestbook = Guestbook.app("guestbook");

    assertThat(guestbook.objects()).hasSize(9);
    assertRestrictedWithoutExemptions(guestbook);
    assertThat(warnings(guestbook)).containsExactlyInAnyOrder(
        // As in the tutorial, no NetworkPolicy: which traffic each tier needs is left to the reader.
        "network-policy Deployment/guestbook/frontend",
        "network-policy Deployment/guestbook/redis-follower",
        "network-policy Deployment/guestbook/redis-leader",
        // One leader by design: Redis replication has one writer.
        "deployment-replicas Deployment/guestbook/redis-leader",
        // The gb-frontend image's Apache writes its run files under /var/run and /var/lock.
        "read-only-root-filesystem Deployment/guestbook/frontend");
  }

  @Test
  void wordPressKeepsMySqlReachableOnlyFromWordPressAndItsBackup() {
    App blog = WordPress.app("blog", "correct-horse-battery-staple");

    assertThat(blog.objects()).hasSize(13);
    assertRestrictedWithoutExemptions(blog);
    assertThat(warnings(blog)).containsExactlyInAnyOrder(
        // MySQL's ingress is isolated; its egress, and WordPress's and the backup's traffic, are not.
        "network-policy Deployment/blog/mysql",
        "network-policy Deployment/blog/wordpress",
        "network-policy CronJob/blog/mysql-backup",
        // MySQL on one claim is one replica, recreated rather than rolled.
        "deployment-replicas Deployment/blog/mysql",
        // The wordpress image copies WordPress into /var/www/html when it starts.
        "read-only-root-filesystem Deployment/blog/wordpress");
    assertThat(blog.objects()).filteredOn(V1Service.class::isInstance).map(V1Service.class::cast)
        .filteredOn(s -> s.getMetadata().getName().equals("wordpress"))
        .singleElement().satisfies(s -> assertThat(s.getSpec().getType()).isEqualTo("LoadBalancer"));
    V1NetworkPolicy mysql = blog.objects().stream().filter(V1NetworkPolicy.class::isInstance)
        .map(V1NetworkPolicy.class::cast).findFirst().orElseThrow();
    assertThat(mysql.getSpec().getIngress()).singleElement().satisfies(rule -> {
      assertThat(rule.getFrom()).extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
          .containsExactly("wordpress", "mysql-backup");
      assertThat(rule.getPorts()).singleElement().satisfies(port -> assertThat(port.getPort().getIntValue()).isEqualTo(3306));
    });
  }

  @Test
  void theTrainingJobRunsOnlyOnGpuNodesAndItsWeeklyRunIsTheSameJob() {
    App training = GpuTraining.app("training");

    assertThat(training.objects()).hasSize(5);
    assertRestrictedWithoutExemptions(training);
    assertThat(warnings(training)).containsExactlyInAnyOrder(
        // Training reaches its data over the claims only; a policy is the platform's to add.
        "network-policy Job/training/train",
        "network-policy CronJob/training/train-weekly");
    V1Job job = training.objects().stream().filter(V1Job.class::isInstance).map(V1Job.class::cast).findFirst()
        .orElseThrow();
    V1CronJob weekly = training.objects().stream().filter(V1CronJob.class::isInstance).map(V1CronJob.class::cast)
        .findFirst().orElseThrow();
    assertThat(weekly.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()).isEqualTo(job.getSpec().getTemplate().getSpec());
    assertThat(weekly.getSpec().getJobTemplate().getSpec().getCompletions()).isEqualTo(2);
    // Without a cluster: kube-scheduler 1.33's filters on the standard fleet (3 general, 3 GPU nodes).
    ReplicaPlacement placement = PlacementExplainer.placeReplicas(
        PendingPod.fromTemplate("training", "train", job.getSpec().getTemplate()), 2, ClusterState.of(TestFleet.standard()));
    assertThat(placement.perNode().keySet()).isNotEmpty().allSatisfy(node -> assertThat(node).startsWith("gpu-"));
  }

  private static void assertRestrictedWithoutExemptions(App app) {
    assertThat(Policies.restricted().check(app.objects())).isEmpty();
    assertThat(Policies.restricted().checkIncludingExempted(app.objects())).isEmpty();
  }

  /** The recommended policies' findings as "rule Kind/namespace/name"; none may be an error. */
  private static List<String> warnings(App app) {
    List<Finding> findings = Policies.all().check(app.objects());
    assertThat(findings).extracting(Finding::severity)
        .allSatisfy(severity -> assertThat(severity.label()).isNotEqualTo("error"));
    return findings.stream().map(finding -> finding.ruleId() + " " + finding.object()).toList();
  }
}
