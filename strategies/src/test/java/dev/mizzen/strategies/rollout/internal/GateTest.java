package dev.mizzen.strategies.rollout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1RollingUpdateDeployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

  @Test
  void aWeightAsksForTheCeilingOfItsShareOfReplicas() {
    assertThat(Gate.canaryPods(20, 5)).isEqualTo(1);
    assertThat(Gate.canaryPods(50, 5)).isEqualTo(3);
    assertThat(Gate.canaryPods(1, 5)).isEqualTo(1);
    assertThat(Gate.canaryPods(100, 7)).isEqualTo(7);
    assertThat(Gate.canaryPods(33, 0)).isZero();
  }

  @Test
  void holdingKeepsNewPodsUnavailableAndTheStableWhole() {
    V1Deployment held = Gate.holding(user(), 2);

    assertThat(held.getSpec().getMinReadySeconds()).isEqualTo(Gate.NEVER_AVAILABLE_SECONDS);
    assertThat(held.getSpec().getProgressDeadlineSeconds()).isEqualTo(Integer.MAX_VALUE);
    assertThat(held.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(held.getSpec().getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(2));
    assertThat(held.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
    assertThat(held.getSpec().getPaused()).isNull();
    assertThat(Gate.deviations(held, 2)).isEmpty();
  }

  @Test
  void holdingAtNoNewPodPausesSinceMaxSurgeAndMaxUnavailableCannotBothBeZero() {
    V1Deployment held = Gate.holding(user(), 0);

    assertThat(held.getSpec().getPaused()).isTrue();
    assertThat(held.getSpec().getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(1));
    assertThat(Gate.deviations(held, 0)).isEmpty();
  }

  @Test
  void holdingLeavesTheUsersDeploymentUntouched() {
    V1Deployment user = user();
    Gate.holding(user, 3);

    assertThat(user.getSpec().getMinReadySeconds()).isEqualTo(5);
    assertThat(user.getSpec().getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString("25%"));
  }

  @Test
  void deviationsNameEachFieldAnotherWriterReset() {
    V1Deployment reset = Gate.holding(user(), 2);
    reset.getSpec().setMinReadySeconds(0);
    reset.getSpec().getStrategy().getRollingUpdate().setMaxSurge(new IntOrString("25%"));

    assertThat(Gate.deviations(reset, 2)).containsExactly(
        "spec.minReadySeconds is 0, the rollout holds it at 2147483646",
        "spec.strategy.rollingUpdate.maxSurge is 25%, the rollout holds it at 2");
  }

  @Test
  void restoringTheStableTemplateDropsTheControllersHashLabel() {
    V1PodTemplateSpec stable = new V1PodTemplateSpec()
        .metadata(new V1ObjectMeta().labels(Map.of("app", "web", "pod-template-hash", "abc123")))
        .spec(new V1PodSpec().addContainersItem(new V1Container().name("web").image("web:1")));

    V1Deployment restored = Gate.withTemplate(user(), stable);

    assertThat(restored.getSpec().getTemplate().getMetadata().getLabels()).containsExactly(Map.entry("app", "web"));
    assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("web:1");
    assertThat(restored.getSpec().getMinReadySeconds()).isEqualTo(5);
    assertThat(stable.getMetadata().getLabels()).containsKey("pod-template-hash");
  }

  private static V1Deployment user() {
    return new V1Deployment().metadata(new V1ObjectMeta().name("web").namespace("shop"))
        .spec(new V1DeploymentSpec().replicas(5).minReadySeconds(5)
            .selector(new V1LabelSelector().matchLabels(Map.of("app", "web")))
            .strategy(new V1DeploymentStrategy().type("RollingUpdate").rollingUpdate(new V1RollingUpdateDeployment()
                .maxSurge(new IntOrString("25%")).maxUnavailable(new IntOrString("25%"))))
            .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(Map.of("app", "web")))
                .spec(new V1PodSpec().addContainersItem(new V1Container().name("web").image("web:2")))));
  }
}
