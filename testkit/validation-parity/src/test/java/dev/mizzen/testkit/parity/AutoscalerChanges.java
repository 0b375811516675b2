package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.map;
import static dev.mizzen.testkit.parity.RawObject.of;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.ResourceMetric;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.availability.ScalingPolicy;
import dev.mizzen.dsl.availability.ScalingRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Changes to a HorizontalPodAutoscaler (base: Deployment {@code web}, 1..5 replicas, 80% CPU). */
final class AutoscalerChanges {
  private AutoscalerChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("hpa.replicas", EnumSet.of(Kind.HORIZONTAL_POD_AUTOSCALER), r -> {
      int min = pick(r, -1, 0, 1, 3);
      int max = pick(r, 0, 1, 2, 5);
      return Change.of("hpa.replicas", "replicas " + min + ".." + max,
          d -> d.replicas(b -> b.minReplicas(min).maxReplicas(max)),
          raw -> {
            raw.spec().put("minReplicas", min);
            raw.spec().put("maxReplicas", max);
          });
    }));
    all.add(new ChangeSource("hpa.metrics", EnumSet.of(Kind.HORIZONTAL_POD_AUTOSCALER), r -> {
      boolean memory = r.nextBoolean();
      boolean utilization = r.nextBoolean();
      int percent = pick(r, -1, 0, 1, 80, 1000);
      String value = pick(r, "0", "100m", "-1", "1Gi", "1e3");
      boolean none = r.nextInt(6) == 0;
      String resource = memory ? "memory" : "cpu";
      return Change.of("hpa.metrics", none ? "no metrics" : resource + (utilization ? " utilization " + percent + "%"
              : " average value " + value),
          d -> d.metrics(b -> {
            if (!none) {
              b.metric(utilization
                  ? (memory ? ResourceMetric.memoryUtilization(percent) : ResourceMetric.cpuUtilization(percent))
                  : (memory ? ResourceMetric.memoryAverageValue(value) : ResourceMetric.cpuAverageValue(value)));
            }
          }),
          raw -> {
            if (none) {
              raw.spec().remove("metrics");
            } else {
              Map<String, Object> target = utilization ? of("type", "Utilization", "averageUtilization", percent)
                  : of("type", "AverageValue", "averageValue", value);
              raw.spec().put("metrics", List.of(of("type", "Resource", "resource", of("name", resource, "target", target))));
            }
          }).stricterWhen(none, StricterRule.HPA_METRICS_REQUIRED);
    }));
    all.add(new ChangeSource("hpa.target", EnumSet.of(Kind.HORIZONTAL_POD_AUTOSCALER), r -> {
      String apiVersion = pick(r, "apps/v1", "v1", "apps/v1/x", "", "Apps/v1", "/v1");
      String kind = pick(r, "Deployment", "StatefulSet", "Deploy-ment", "", "deployment");
      String name = pick(r, "web", "Web", "web_1", "web.v1", Edges.subdomain(254), "", "a/b", "..");
      return Change.of("hpa.target", "scale target " + apiVersion + " " + kind + " '" + name + "'",
          d -> d.scaleTarget(b -> b.scaling(ScaleTarget.of(apiVersion, kind, name))),
          raw -> raw.spec().put("scaleTargetRef", of("apiVersion", apiVersion, "kind", kind, "name", name)))
          .stricterWhen(!name.isEmpty() && !name.contains("/") && !name.equals("..") && !name.equals(".")
              && !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"),
              StricterRule.HPA_TARGET_NAME)
          .stricterWhen(!apiVersion.equals("apps/v1") && !apiVersion.equals("v1"),
              StricterRule.HPA_TARGET_API_VERSION)
          .stricterWhen(kind.equals("Deploy-ment"), StricterRule.HPA_TARGET_KIND);
    }));
    all.add(new ChangeSource("hpa.behavior", EnumSet.of(Kind.HORIZONTAL_POD_AUTOSCALER), r -> {
      Duration window = pick(r, Duration.ofSeconds(-1), Duration.ZERO, Duration.ofMillis(1500), Duration.ofSeconds(3600),
          Duration.ofSeconds(3601));
      int percent = pick(r, -1, 0, 1, 100);
      Duration period = pick(r, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1800), Duration.ofSeconds(1801));
      boolean up = r.nextBoolean();
      return Change.of("hpa.behavior", (up ? "scaleUp" : "scaleDown") + " stabilized over " + window + ", "
              + percent + "% per " + period,
          d -> d.on(HorizontalPodAutoscaler.Builder.class, b -> {
            ScalingRules.Builder rules = ScalingRules.limitedBy(ScalingPolicy.percent(percent, period))
                .stabilizationWindow(window);
            if (up) {
              b.scaleUp(rules);
            } else {
              b.scaleDown(rules);
            }
          }),
          raw -> map(raw.spec(), "behavior").put(up ? "scaleUp" : "scaleDown", of(
              "stabilizationWindowSeconds", window.getSeconds(),
              "policies", List.of(of("type", "Percent", "value", percent, "periodSeconds", period.getSeconds())))))
          .stricterWhen(window.getNano() != 0 && percent > 0 && !period.isZero() && period.getSeconds() <= 1800,
              StricterRule.WHOLE_SECONDS);
    }));
    return all;
  }
}
