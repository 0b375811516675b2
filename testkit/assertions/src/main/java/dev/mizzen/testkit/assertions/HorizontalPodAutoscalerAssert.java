package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Assertions on an autoscaling/v2 HorizontalPodAutoscaler: target, replica range and metrics. */
public class HorizontalPodAutoscalerAssert
    extends AbstractKubernetesObjectAssert<HorizontalPodAutoscalerAssert, V2HorizontalPodAutoscaler> {

  /** An assert on {@code actual}. */
  public HorizontalPodAutoscalerAssert(V2HorizontalPodAutoscaler actual) {
    super(actual, HorizontalPodAutoscalerAssert.class);
  }

  private V2HorizontalPodAutoscalerSpec spec() {
    return actual.getSpec() == null ? new V2HorizontalPodAutoscalerSpec() : actual.getSpec();
  }

  /** Asserts the autoscaler scales the object of kind {@code kind} named {@code name}. */
  public HorizontalPodAutoscalerAssert scales(String kind, String name) {
    requireActual();
    V2CrossVersionObjectReference ref = spec().getScaleTargetRef();
    if (ref == null || !kind.equals(ref.getKind()) || !name.equals(ref.getName())) {
      failAt(location().field("spec.scaleTargetRef"), "expected " + kind + "/" + name + ", but was "
          + (ref == null ? "unset" : ref.getKind() + "/" + ref.getName()));
    }
    return myself;
  }

  /** Asserts {@code minReplicas} (1 when unset) and {@code maxReplicas}. */
  public HorizontalPodAutoscalerAssert hasReplicas(int min, int max) {
    requireActual();
    Integer foundMin = spec().getMinReplicas();
    List<String> problems = new ArrayList<>();
    if (min != (foundMin == null ? 1 : foundMin)) {
      problems.add(location().field("spec.minReplicas").message("expected " + min + ", but was "
          + (foundMin == null ? "unset (the API server's default is 1)" : foundMin)));
    }
    if (!Objects.equals(max, spec().getMaxReplicas())) {
      problems.add(location().field("spec.maxReplicas")
          .message("expected " + max + ", but was " + spec().getMaxReplicas()));
    }
    failAll(problems);
    return myself;
  }

  /** Asserts a resource metric on CPU with a target average utilization of {@code percent}. */
  public HorizontalPodAutoscalerAssert scalesOnCpuUtilization(int percent) {
    requireActual();
    List<V2MetricSpec> metrics = spec().getMetrics() == null ? List.of() : spec().getMetrics();
    List<String> found = new ArrayList<>();
    for (V2MetricSpec metric : metrics) {
      if (metric.getResource() != null && metric.getResource().getTarget() != null) {
        var target = metric.getResource().getTarget();
        if ("cpu".equals(metric.getResource().getName()) && "Utilization".equals(target.getType())
            && Objects.equals(percent, target.getAverageUtilization())) {
          return myself;
        }
        found.add(metric.getResource().getName() + " " + target.getType()
            + (target.getAverageUtilization() == null ? "" : " " + target.getAverageUtilization() + "%"));
      } else {
        found.add(metric.getType());
      }
    }
    failAt(location().field("spec.metrics"), "expected cpu Utilization " + percent + "%, but found " + found);
    return myself;
  }
}
