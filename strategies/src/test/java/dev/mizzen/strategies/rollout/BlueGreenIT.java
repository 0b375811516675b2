package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.testkit.cluster.PodBehaviour;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Blue/green of one Deployment behind the user's own Services, on the local control plane. */
@ClusterTest(namespacePerMethod = true)
class BlueGreenIT {
  private static final Duration GENEROUS = Duration.ofMinutes(2);

  @Test
  void promotedThenRolledBackInstantlyWithinTheScaleDownDelay(ApiClient client, TestNamespace ns) throws Exception {
    ServerSideApply.using(client).apply(app(ns, "web:1").objects());
    awaitRolledOut(client, ns);
    String stable = hashOfImage(client, ns, "ghcr.io/acme/web:1");
    Set<String> stablePods = podNames(client, ns, stable);
    Map<String, String> appliedSelector = selector(client, ns, "web");

    try (Rollouts rollouts = Rollouts.using(client)) {
      RolloutHandle handle = rollouts.start(Rollout.of(app(ns, "web:2"), "web").strategy(
          BlueGreen.switching("web").preview("web-preview").promoteManually().scaleDownDelay(Duration.ofMinutes(5))));
      Timelines.awaitEntry(handle, "step 2:", GENEROUS);
      String fresh = hashOfImage(client, ns, "ghcr.io/acme/web:2");
      assertThat(selector(client, ns, "web")).containsEntry("pod-template-hash", stable);
      assertThat(selector(client, ns, "web-preview")).containsEntry("pod-template-hash", fresh);
      assertThat(readyPods(client, ns, fresh)).isEqualTo(3);
      assertThat(podNames(client, ns, stable)).isEqualTo(stablePods);

      handle.promote();
      Timelines.awaitEntry(handle, "switched Service/web to revision " + fresh, GENEROUS);
      assertThat(selector(client, ns, "web")).containsEntry("pod-template-hash", fresh);
      handle.abort("errors after the switch");

      RolloutOutcome outcome = handle.outcome().get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOfSatisfying(RolloutOutcome.Aborted.class,
          aborted -> assertThat(aborted.reason()).isEqualTo("aborted on request: errors after the switch"));
      assertThat(handle.timeline()).anyMatch(e -> e.what().equals("switched Service/web back to the stable revision "
          + stable));
    }
    assertThat(podNames(client, ns, stable)).as("the same stable pods: none created").isEqualTo(stablePods);
    assertThat(podNames(client, ns, hashOfImage(client, ns, "ghcr.io/acme/web:2"))).isEmpty();
    assertThat(selector(client, ns, "web")).isEqualTo(appliedSelector);
    assertThat(selector(client, ns, "web-preview")).doesNotContainKey("pod-template-hash");
    assertThat(new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute().getSpec().getTemplate()
        .getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/web:1");
  }

  @Test
  void promotedAutomaticallyOnceTheNewRevisionIsReady(ApiClient client, TestNamespace ns) throws Exception {
    ServerSideApply.using(client).apply(app(ns, "web:1").objects());
    awaitRolledOut(client, ns);
    Map<String, String> appliedSelector = selector(client, ns, "web");
    String stable = hashOfImage(client, ns, "ghcr.io/acme/web:1");

    try (Rollouts rollouts = Rollouts.using(client)) {
      RolloutOutcome outcome = rollouts.run(Rollout.of(app(ns, "web:2"), "web")
          .strategy(BlueGreen.switching("web").scaleDownDelay(Duration.ofSeconds(2))));

      assertThat(outcome).isInstanceOf(RolloutOutcome.Promoted.class);
      List<String> steps = outcome.timeline().stream().map(TimelineEntry::what).toList();
      assertThat(steps).containsSubsequence("pinned Service/web to the stable revision " + stable,
          "switched Service/web to revision " + outcome.revisionHash());
    }
    assertThat(selector(client, ns, "web")).isEqualTo(appliedSelector);
    assertThat(new AppsV1Api(client).readNamespacedDeployment("web", ns.name()).execute().getStatus()
        .getAvailableReplicas()).isEqualTo(3);
  }

  @Test
  void aServiceTheRolloutWasNotGivenIsRefusedBeforeAnyWrite(ApiClient client, TestNamespace ns) {
    ServerSideApply.using(client).apply(app(ns, "web:1").objects());
    awaitRolledOut(client, ns);

    try (Rollouts rollouts = Rollouts.using(client)) {
      assertThatThrownBy(() -> rollouts.run(Rollout.of(app(ns, "web:2"), "web")
          .strategy(BlueGreen.switching("web").preview("web-canary"))))
          .isInstanceOf(RolloutException.class)
          .hasMessage("Deployment/" + ns.name() + "/web: blue/green switches [Service/web-canary], which the rollout"
              + " was not given; roll out from the App that holds them (Rollout.of(app, name)), or add them with"
              + " Rollout.services(...), so that they are applied as you apply them");
      assertThat(rollouts.status(ns.name(), "web")).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static App app(TestNamespace ns, String image) {
    Deployment web = Deployment.named("web").replicas(3).pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/" + image).port(Port.http(8080)))
        .labels(PodBehaviour.ready().labels())).build();
    return App.named("shop").namespace(ns.name()).add(web,
        Service.named("web").selecting("web").port(80, "http").build(),
        Service.named("web-preview").selecting("web").port(80, "http").build()).build();
  }

  private static void awaitRolledOut(ApiClient client, TestNamespace ns) {
    assertThat(RolloutStatus.using(client).deployment(ns.name(), "web").await(GENEROUS).isDone()).isTrue();
  }


  private static Map<String, String> selector(ApiClient client, TestNamespace ns, String service) throws ApiException {
    return new CoreV1Api(client).readNamespacedService(service, ns.name()).execute().getSpec().getSelector();
  }

  private static String hashOfImage(ApiClient client, TestNamespace ns, String image) throws ApiException {
    return new AppsV1Api(client).listNamespacedReplicaSet(ns.name()).execute().getItems().stream()
        .filter(rs -> image.equals(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()))
        .map(rs -> rs.getMetadata().getLabels().get("pod-template-hash")).findFirst().orElseThrow();
  }

  private static List<V1Pod> pods(ApiClient client, TestNamespace ns, String hash) throws ApiException {
    return new CoreV1Api(client).listNamespacedPod(ns.name()).labelSelector("pod-template-hash=" + hash).execute()
        .getItems().stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static Set<String> podNames(ApiClient client, TestNamespace ns, String hash) throws ApiException {
    return pods(client, ns, hash).stream().map(pod -> pod.getMetadata().getName()).collect(Collectors.toSet());
  }

  private static long readyPods(ApiClient client, TestNamespace ns, String hash) throws ApiException {
    return pods(client, ns, hash).stream().filter(pod -> pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))).count();
  }
}
