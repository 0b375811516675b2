package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Rollouts.undo} as {@code kubectl rollout undo}, on the local control plane. */
@ClusterTest(namespacePerMethod = true)
class UndoIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);

  @Test
  void undoPutsThePreviousRevisionBackReusingItsReplicaSet(ApiClient client, TestNamespace ns) throws Exception {
    try (Rollouts rollouts = Rollouts.using(client)) {
      for (String image : List.of("web:1", "web:2", "web:3")) {
        assertThat(rollouts.run(Rollout.of(app(ns, image), "web"))).isInstanceOf(RolloutOutcome.Promoted.class);
      }
      String second = hashOfImage(client, ns, "ghcr.io/acme/web:2");
      int replicaSets = replicaSets(client, ns).size();

      assertThat(rollouts.undo(ns.name(), "web", 0)).isEqualTo(second);
      awaitRolledOut(client, ns);
      assertThat(image(client, ns)).isEqualTo("ghcr.io/acme/web:2");
      assertThat(replicaSets(client, ns)).hasSize(replicaSets);

      String first = hashOfImage(client, ns, "ghcr.io/acme/web:1");
      assertThat(rollouts.undo(ns.name(), "web", 1)).isEqualTo(first);
      awaitRolledOut(client, ns);
      assertThat(image(client, ns)).isEqualTo("ghcr.io/acme/web:1");
      assertThat(replicaSets(client, ns)).hasSize(replicaSets);
    }
  }

  @Test
  void undoWorksOnAPausedDeploymentAndNamesTheRevisionsThatExist(ApiClient client, TestNamespace ns) throws Exception {
    try (Rollouts rollouts = Rollouts.using(client)) {
      rollouts.run(Rollout.of(app(ns, "web:1"), "web"));
      rollouts.run(Rollout.of(app(ns, "web:2"), "web"));
      AppsV1Api apps = new AppsV1Api(client);
      PatchUtils.patch(V1Deployment.class, () -> apps.patchNamespacedDeployment("web", ns.name(),
          new V1Patch("{\"spec\":{\"paused\":true}}")).fieldManager("operator").buildCall(null),
          V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);

      rollouts.undo(ns.name(), "web", 0);

      assertThat(image(client, ns)).isEqualTo("ghcr.io/acme/web:1");
      // Even paused, the controller gives the reused ReplicaSet the next revision number, as for kubectl.
      assertThatThrownBy(() -> rollouts.undo(ns.name(), "web", 9))
          .isInstanceOf(RolloutException.class)
          .hasMessage("Deployment/" + ns.name() + "/web has no revision 9; its ReplicaSets hold revisions [2, 3]");
    }
  }

  private static App app(TestNamespace ns, String image) {
    Deployment web = Deployment.named("web").replicas(2).pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/" + image))
        .labels(PodBehaviour.ready().labels())).build();
    return App.named("shop").namespace(ns.name()).add(web).build();
  }

  private static void awaitRolledOut(ApiClient client, TestNamespace ns) {
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();
  }

  private static String image(ApiClient client, TestNamespace ns) throws ApiException {
    return new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute().getSpec().getTemplate().getSpec()
        .getContainers().get(0).getImage();
  }

  private static List<V1ReplicaSet> replicaSets(ApiClient client, TestNamespace ns) throws ApiException {
    return new AppsV1Api(client).listNamespacedReplicaSet(ns.name()).execute().getItems();
  }

  private static String hashOfImage(ApiClient client, TestNamespace ns, String image) throws ApiException {
    return replicaSets(client, ns).stream()
        .filter(rs -> image.equals(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()))
        .map(rs -> rs.getMetadata().getLabels().get("pod-template-hash")).findFirst().orElseThrow();
  }
}
