package dev.mizzen.dsl.availability;

import static dev.mizzen.dsl.availability.PodDisruptionBudgetTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.meta.RenderContext;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HPAScalingPolicy;
import io.kubernetes.client.openapi.models.V2HPAScalingRules;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerBehavior;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.kubernetes.client.openapi.models.V2MetricTarget;
import io.kubernetes.client.openapi.models.V2ResourceMetricSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HorizontalPodAutoscalerTest {

  @Test
  void rendersCpuUtilizationScaling() {
    HorizontalPodAutoscaler web = HorizontalPodAutoscaler.named("web")
        .scaling(ScaleTarget.deployment("web"))
        .minReplicas(3).maxReplicas(10)
        .cpuUtilization(70)
        .build();

    assertThat(web.render(RenderContext.of("shop", "shop"))).isEqualTo(new V2HorizontalPodAutoscaler()
        .apiVersion("autoscaling/v2")
        .kind("HorizontalPodAutoscaler")
        .metadata(new V1ObjectMeta()
            .name("web")
            .namespace("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "web",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen")))
        .spec(new V2HorizontalPodAutoscalerSpec()
            .scaleTargetRef(new V2CrossVersionObjectReference().apiVersion("apps/v1").kind("Deployment").name("web"))
            .minReplicas(3)
            .maxReplicas(10)
            .addMetricsItem(new V2MetricSpec()
                .type("Resource")
                .resource(new V2ResourceMetricSource()
                    .name("cpu")
                    .target(new V2MetricTarget().type("Utilization").averageUtilization(70))))));
  }

  @Test
  void rendersAverageValuesAndBehavior() {
    V2HorizontalPodAutoscalerSpec spec = HorizontalPodAutoscaler.named("api")
        .scaling(ScaleTarget.statefulSet("api"))
        .maxReplicas(5)
        .metric(ResourceMetric.memoryAverageValue("400Mi"))
        .metric(ResourceMetric.cpuAverageValue("500m"))
        .memoryUtilization(80)
        .scaleUp(ScalingRules.limitedBy(ScalingPolicy.pods(2, Duration.ofMinutes(1)))
            .selectPolicy(ScalingRules.SelectPolicy.MIN))
        .scaleDown(ScalingRules.stabilizedOver(Duration.ofMinutes(10))
            .policy(ScalingPolicy.percent(10, Duration.ofSeconds(60))))
        .build()
        .render()
        .getSpec();

    assertThat(spec.getMinReplicas()).isEqualTo(1);
    assertThat(spec.getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
    assertThat(spec.getMetrics()).extracting(m -> m.getResource().getTarget()).containsExactly(
        new V2MetricTarget().type("AverageValue").averageValue(new Quantity("400Mi")),
        new V2MetricTarget().type("AverageValue").averageValue(new Quantity("500m")),
        new V2MetricTarget().type("Utilization").averageUtilization(80));
    assertThat(spec.getBehavior()).isEqualTo(new V2HorizontalPodAutoscalerBehavior()
        .scaleUp(new V2HPAScalingRules()
            .selectPolicy("Min")
            .addPoliciesItem(new V2HPAScalingPolicy().type("Pods").value(2).periodSeconds(60)))
        .scaleDown(new V2HPAScalingRules()
            .stabilizationWindowSeconds(600)
            .addPoliciesItem(new V2HPAScalingPolicy().type("Percent").value(10).periodSeconds(60))));
  }

  @Test
  void scaleTargetComesFromAnyResource() {
    ConfigMap notScalable = ConfigMap.named("web-config").build();
    HorizontalPodAutoscaler hpa = HorizontalPodAutoscaler.named("web").scaling(notScalable)
        .minReplicas(2).maxReplicas(4).cpuUtilization(50).build();
    assertThat(hpa.scaling()).contains(ScaleTarget.of("v1", "ConfigMap", "web-config"));
    assertThat(HorizontalPodAutoscaler.named("x").scaling(ScaleTarget.deployment("x"))
        .maxReplicas(1).cpuUtilization(50).scaleDown(ScalingRules.disabled()).build()
        .render().getSpec().getBehavior())
        .isEqualTo(new V2HorizontalPodAutoscalerBehavior().scaleDown(new V2HPAScalingRules().selectPolicy("Disabled")));
  }

  @Test
  void reportsMissingParts() {
    assertThat(problems(() -> HorizontalPodAutoscaler.named("web").build())).containsExactly(
        "HorizontalPodAutoscaler/web: spec.scaleTargetRef: is required: call"
            + " scaling(ScaleTarget.deployment(name)) or scaling(workload)",
        "HorizontalPodAutoscaler/web: spec.maxReplicas: is required",
        "HorizontalPodAutoscaler/web: spec.metrics: must have at least one metric, for example cpuUtilization(70)");
  }

  @Test
  void reportsReplicaBounds() {
    assertThat(problems(() -> HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web"))
        .minReplicas(0).maxReplicas(0).cpuUtilization(70).build())).containsExactly(
        "HorizontalPodAutoscaler/web: spec.minReplicas: must be >= 1, was 0",
        "HorizontalPodAutoscaler/web: spec.maxReplicas: must be >= 1, was 0");
    assertThat(problems(() -> HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web"))
        .minReplicas(5).maxReplicas(3).cpuUtilization(70).build())).containsExactly(
        "HorizontalPodAutoscaler/web: spec.maxReplicas: must be >= minReplicas (5), was 3");
  }

  @Test
  void reportsTargetAndMetricProblems() {
    assertThat(problems(() -> HorizontalPodAutoscaler.named("web")
        .scaling(ScaleTarget.of("apps/v1/x", "Deploy ment", "Web"))
        .maxReplicas(3)
        .cpuUtilization(0)
        .metric(ResourceMetric.memoryAverageValue("lots"))
        .metric(ResourceMetric.cpuAverageValue("-1"))
        .build())).containsExactly(
        "HorizontalPodAutoscaler/web: spec.scaleTargetRef.apiVersion: must be 'group/version' or 'version'"
            + " (as apps/v1), was 'apps/v1/x'",
        "HorizontalPodAutoscaler/web: spec.scaleTargetRef.kind: must be a kind such as Deployment (letters and"
            + " digits), was 'Deploy ment'",
        "HorizontalPodAutoscaler/web: spec.scaleTargetRef.name: must be a lowercase RFC 1123 subdomain"
            + " (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit), was 'Web'",
        "HorizontalPodAutoscaler/web: spec.metrics[0].resource.target.averageUtilization: must be greater than 0"
            + " (percent of the requests), was 0",
        "HorizontalPodAutoscaler/web: spec.metrics[1].resource.target.averageValue: must be a quantity such as"
            + " 500m or 400Mi, was 'lots'",
        "HorizontalPodAutoscaler/web: spec.metrics[2].resource.target.averageValue: must be positive, was '-1'");
  }

  @Test
  void reportsBehaviorProblems() {
    assertThat(problems(() -> HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web"))
        .maxReplicas(3).cpuUtilization(70)
        .scaleUp(ScalingRules.stabilizedOver(Duration.ofHours(2))
            .policy(ScalingPolicy.pods(0, Duration.ofMinutes(31)))
            .policy(ScalingPolicy.percent(10, Duration.ofMillis(1500))))
        .scaleDown(ScalingRules.stabilizedOver(Duration.ofSeconds(-1))
            .policy(ScalingPolicy.percent(10, Duration.ZERO)))
        .build())).containsExactly(
        "HorizontalPodAutoscaler/web: spec.behavior.scaleUp.stabilizationWindowSeconds: must be 0s..3600s, was 7200s",
        "HorizontalPodAutoscaler/web: spec.behavior.scaleUp.policies[0].value: must be greater than 0, was 0",
        "HorizontalPodAutoscaler/web: spec.behavior.scaleUp.policies[0].periodSeconds: must be 1s..1800s, was 1860s",
        "HorizontalPodAutoscaler/web: spec.behavior.scaleUp.policies[1].periodSeconds: must be a whole number"
            + " of seconds, was 1.5s",
        "HorizontalPodAutoscaler/web: spec.behavior.scaleDown.stabilizationWindowSeconds: must be 0s..3600s, was -1s",
        "HorizontalPodAutoscaler/web: spec.behavior.scaleDown.policies[0].periodSeconds: must be 1s..1800s, was 0s");
  }
}
