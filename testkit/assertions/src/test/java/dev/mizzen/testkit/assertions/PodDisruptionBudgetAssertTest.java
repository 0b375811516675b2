package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.intstr.Amount;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodDisruptionBudgetAssertTest {
  private static final Map<String, String> WEB = Map.of("app", "web");
  private static final String REPLICAS = "(the replicas of Deployment/shop/web)";
  private static final String HPA = "(the minReplicas of HorizontalPodAutoscaler/shop/web)";
  private static final String DRAIN = ", so that a node drain can evict a pod, but was ";

  private static final HorizontalPodAutoscaler WEB_AUTOSCALER = HorizontalPodAutoscaler.named("web")
      .scaling(ScaleTarget.deployment("web")).minReplicas(3).maxReplicas(10).cpuUtilization(70).build();

  @Test
  void theShopsBudgetFitsItsDeploymentAndAutoscaler() {
    assertThat(Shop.app()).podDisruptionBudget("web").hasMinAvailable(2).compatibleWith(Shop.web(), WEB_AUTOSCALER);
    // web leaves its replicas to the autoscaler: without it, web would run 1 pod, which the budget keeps.
    assertThatThrownBy(() -> assertThat(Shop.app()).podDisruptionBudget("web").compatibleWith(Shop.web()))
        .hasMessage("PodDisruptionBudget/shop/web: spec.minAvailable: expected fewer than 1 " + REPLICAS + DRAIN + "2");
  }

  @Test
  void anAutoscalerOwnsTheCountOfAWorkloadThatLeavesItsReplicasUnset() {
    V1Deployment web = deployment(3);
    web.getSpec().setReplicas(null);
    V1PodDisruptionBudget two = budget("minAvailable", "2", new V1LabelSelector().matchLabels(WEB));
    assertThat(two).compatibleWith(web, hpa("Deployment", "web", 3));
    assertThatThrownBy(() -> assertThat(two).compatibleWith(web, hpa("Deployment", "web", 2)))
        .hasMessage("PodDisruptionBudget/shop/web: spec.minAvailable: expected fewer than 2 " + HPA + DRAIN + "2");
    assertThatThrownBy(() -> assertThat(two).compatibleWith(web, hpa("Deployment", "api", 3)))
        .hasMessage(String.join(System.lineSeparator(),
            "PodDisruptionBudget/shop/web: expected an autoscaler of Deployment/shop/web,"
                + " but HorizontalPodAutoscaler/shop/web scales Deployment/api",
            "PodDisruptionBudget/shop/web: spec.minAvailable: expected fewer than 1 " + REPLICAS + DRAIN + "2"));
  }

  @Test
  void aDslBudgetIsRenderedInItsOwnContext() {
    PodDisruptionBudget tooStrict = PodDisruptionBudget.named("web").selecting("web").minAvailable(3).build();
    assertThatThrownBy(() -> assertThat(tooStrict).compatibleWith(Shop.web(), WEB_AUTOSCALER))
        .hasMessage("PodDisruptionBudget/web: spec.minAvailable: expected fewer than 3 (the minReplicas of"
            + " HorizontalPodAutoscaler/web)" + DRAIN + "3");
    PodDisruptionBudget otherPods = PodDisruptionBudget.named("web").selecting("api").maxUnavailable(1).build();
    assertThatThrownBy(() -> assertThat(otherPods).compatibleWith(Shop.web()))
        .hasMessage("PodDisruptionBudget/web: spec.selector: expected to select the pods of Deployment/web"
            + " {app.kubernetes.io/managed-by=mizzen, app.kubernetes.io/name=web},"
            + " but was {app.kubernetes.io/name=api}");
    assertThat(PodDisruptionBudget.named("web").selecting("web").minAvailable(Amount.percent(50)).build())
        .compatibleWith(Shop.web(), WEB_AUTOSCALER);
  }

  /** minAvailable below the replicas and the HPA minimum (percentages rounded up); maxUnavailable at least one pod. */
  @ParameterizedTest(name = "{0}={1} with {2} replicas, HPA min {3}")
  @CsvSource(delimiter = '|', value = {
      "minAvailable   | 2    | 3 |   | ",
      "minAvailable   | 2    | 3 | 3 | ",
      "minAvailable   | 50%  | 3 |   | ",
      "minAvailable   | 0    | 1 |   | ",
      "maxUnavailable | 1    | 1 |   | ",
      "maxUnavailable | 10%  | 3 |   | ",
      "maxUnavailable | 100% | 3 | 2 | ",
      "minAvailable   | 3    | 3 |   | spec.minAvailable: expected fewer than 3 " + REPLICAS + DRAIN + "3",
      "minAvailable   | 1    | 1 |   | spec.minAvailable: expected fewer than 1 " + REPLICAS + DRAIN + "1",
      "minAvailable   | 2    | 3 | 2 | spec.minAvailable: expected fewer than 2 " + HPA + DRAIN + "2",
      "minAvailable   | 100% | 3 |   | spec.minAvailable: expected fewer than 3 " + REPLICAS + DRAIN
          + "100% (3 of 3 pods, rounded up)",
      "minAvailable   | 67%  | 3 |   | spec.minAvailable: expected fewer than 3 " + REPLICAS + DRAIN
          + "67% (3 of 3 pods, rounded up)",
      "minAvailable   | 50%  | 4 | 1 | spec.minAvailable: expected fewer than 1 " + HPA + DRAIN
          + "50% (1 of 1 pods, rounded up)",
      "maxUnavailable | 0    | 3 |   | spec.maxUnavailable: expected at least 1 pod of 3 " + REPLICAS + DRAIN + "0",
      "maxUnavailable | 0%   | 3 |   | spec.maxUnavailable: expected at least 1 pod of 3 " + REPLICAS + DRAIN
          + "0% (0 of 3 pods)",
      "minAvailable   | many | 3 |   | spec.minAvailable: expected a count or a percentage, but was \"many\"",
  })
  void budgetsLeaveRoomForAnEviction(String field, String value, int replicas, Integer hpaMin, String problem) {
    V1PodDisruptionBudget budget = budget(field, value, new V1LabelSelector().matchLabels(WEB));
    V1Deployment web = deployment(replicas);
    ThrowingCallable check = hpaMin == null
        ? () -> assertThat(budget).compatibleWith(web)
        : () -> assertThat(budget).compatibleWith(web, hpa("Deployment", "web", hpaMin));
    if (problem == null) {
      assertThatCode(check).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(check).hasMessage("PodDisruptionBudget/shop/web: " + problem);
    }
  }

  @Test
  void reportsEveryProblemAtOnce() {
    V1PodDisruptionBudget budget = budget("minAvailable", "3", new V1LabelSelector().matchLabels(Map.of("app", "api")));
    assertThatThrownBy(() -> assertThat(budget).compatibleWith(deployment(3), hpa("Deployment", "api", 3)))
        .hasMessage(String.join(System.lineSeparator(),
            "PodDisruptionBudget/shop/web: spec.selector: expected to select the pods of Deployment/shop/web {app=web},"
                + " but was {app=api}",
            "PodDisruptionBudget/shop/web: expected an autoscaler of Deployment/shop/web,"
                + " but HorizontalPodAutoscaler/shop/web scales Deployment/api",
            "PodDisruptionBudget/shop/web: spec.minAvailable: expected fewer than 3 " + REPLICAS + DRAIN + "3",
            "PodDisruptionBudget/shop/web: spec.minAvailable: expected fewer than 3 " + HPA + DRAIN + "3"));
  }

  @Test
  void needsAWorkloadWithReplicas() {
    V1DaemonSet agents = new V1DaemonSet().metadata(new V1ObjectMeta().name("agent").namespace("shop"));
    assertThatThrownBy(() -> assertThat(budget("maxUnavailable", "1", new V1LabelSelector())).compatibleWith(agents))
        .hasMessage("PodDisruptionBudget/shop/web: expected a workload with replicas (Deployment, StatefulSet or"
            + " ReplicaSet), but DaemonSet/shop/agent has none");
    assertThatThrownBy(() -> assertThat(new V1PodDisruptionBudget().metadata(new V1ObjectMeta().name("web").namespace("shop"))
        .spec(new V1PodDisruptionBudgetSpec().selector(new V1LabelSelector().matchLabels(WEB)))).compatibleWith(deployment(2)))
        .hasMessage("PodDisruptionBudget/shop/web: spec: expected minAvailable or maxUnavailable, but neither is set");
  }

  private static V1PodDisruptionBudget budget(String field, String value, V1LabelSelector selector) {
    IntOrString amount = value.matches("\\d+") ? new IntOrString(Integer.parseInt(value)) : new IntOrString(value);
    V1PodDisruptionBudgetSpec spec = new V1PodDisruptionBudgetSpec().selector(selector);
    if (field.equals("minAvailable")) {
      spec.setMinAvailable(amount);
    } else {
      spec.setMaxUnavailable(amount);
    }
    return new V1PodDisruptionBudget().kind("PodDisruptionBudget")
        .metadata(new V1ObjectMeta().name("web").namespace("shop")).spec(spec);
  }

  private static V1Deployment deployment(int replicas) {
    return new V1Deployment().kind("Deployment").metadata(new V1ObjectMeta().name("web").namespace("shop"))
        .spec(new V1DeploymentSpec().replicas(replicas).selector(new V1LabelSelector().matchLabels(WEB))
            .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(WEB))));
  }

  private static V2HorizontalPodAutoscaler hpa(String kind, String name, int min) {
    return new V2HorizontalPodAutoscaler().metadata(new V1ObjectMeta().name("web").namespace("shop"))
        .spec(new V2HorizontalPodAutoscalerSpec().minReplicas(min).maxReplicas(10)
            .scaleTargetRef(new V2CrossVersionObjectReference().apiVersion("apps/v1").kind(kind).name(name)));
  }
}
