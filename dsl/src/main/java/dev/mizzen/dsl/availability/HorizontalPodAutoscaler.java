package dev.mizzen.dsl.availability;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerBehavior;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A HorizontalPodAutoscaler ({@code autoscaling/v2}): scales a workload between a minimum and
 * a maximum number of replicas to keep CPU or memory near a target.
 *
 * <pre>{@code
 * HorizontalPodAutoscaler web = HorizontalPodAutoscaler.named("web")
 *     .scaling(ScaleTarget.deployment("web"))
 *     .minReplicas(3).maxReplicas(10)
 *     .cpuUtilization(70)
 *     .build();
 * }</pre>
 *
 * <p>The scaled workload should leave its own {@code replicas} unset, or every apply resets what
 * the autoscaler chose.
 */
@Value.Immutable
public abstract class HorizontalPodAutoscaler implements KubernetesResource {

  /** Starts a HorizontalPodAutoscaler named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** What to scale (required). */
  public abstract Optional<ScaleTarget> scaling();

  /** The fewest replicas; 1 unless told otherwise (the API server's default too). */
  @Value.Default
  public int minReplicas() {
    return 1;
  }

  /** The most replicas (required, at least {@link #minReplicas()}). */
  public abstract OptionalInt maxReplicas();

  /** What to keep near its target (at least one); the largest replica count any of them asks for wins. */
  public abstract List<ResourceMetric> metrics();

  /** How scaling up behaves; absent means the API server's defaults. */
  public abstract Optional<ScalingRules> scaleUp();

  /** How scaling down behaves; absent means the API server's defaults. */
  public abstract Optional<ScalingRules> scaleDown();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V2HorizontalPodAutoscaler>> customizers();

  @Override
  public final String apiVersion() {
    return "autoscaling/v2";
  }

  @Override
  public final String kind() {
    return "HorizontalPodAutoscaler";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    Validation spec = v.field("spec");
    Validation target = spec.field("scaleTargetRef");
    if (target.check(scaling().isPresent(),
        "is required: call scaling(ScaleTarget.deployment(name)) or scaling(workload)")) {
      scaling().get().validate(target);
    }
    spec.field("minReplicas").checkAtLeast(minReplicas(), 1);
    Validation max = spec.field("maxReplicas");
    if (max.check(maxReplicas().isPresent(), "is required")) {
      int maxReplicas = maxReplicas().getAsInt();
      if (max.checkAtLeast(maxReplicas, 1)) {
        max.check(maxReplicas >= minReplicas(),
            "must be >= minReplicas (%d), was %d", minReplicas(), maxReplicas);
      }
    }
    Validation metrics = spec.field("metrics");
    metrics.check(!metrics().isEmpty(),
        "must have at least one metric, for example cpuUtilization(70)");
    for (int i = 0; i < metrics().size(); i++) {
      metrics().get(i).validate(metrics.index(i));
    }
    scaleUp().ifPresent(rules -> rules.validate(spec.field("behavior").field("scaleUp")));
    scaleDown().ifPresent(rules -> rules.validate(spec.field("behavior").field("scaleDown")));
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V2HorizontalPodAutoscaler render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V2HorizontalPodAutoscaler render(RenderContext context) {
    V2HorizontalPodAutoscalerSpec spec = new V2HorizontalPodAutoscalerSpec();
    scaling().ifPresent(target -> spec.setScaleTargetRef(target.toV2CrossVersionObjectReference()));
    spec.setMinReplicas(minReplicas());
    maxReplicas().ifPresent(spec::setMaxReplicas);
    if (!metrics().isEmpty()) {
      List<V2MetricSpec> rendered = new ArrayList<>();
      metrics().forEach(metric -> rendered.add(metric.toV2MetricSpec()));
      spec.setMetrics(rendered);
    }
    if (scaleUp().isPresent() || scaleDown().isPresent()) {
      V2HorizontalPodAutoscalerBehavior behavior = new V2HorizontalPodAutoscalerBehavior();
      scaleUp().ifPresent(rules -> behavior.setScaleUp(rules.toV2HPAScalingRules()));
      scaleDown().ifPresent(rules -> behavior.setScaleDown(rules.toV2HPAScalingRules()));
      spec.setBehavior(behavior);
    }
    V2HorizontalPodAutoscaler rendered = new V2HorizontalPodAutoscaler()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link HorizontalPodAutoscaler}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableHorizontalPodAutoscaler.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Scales {@code workload} (its apiVersion, kind and name). */
    public Builder scaling(KubernetesResource workload) {
      return scaling(ScaleTarget.of(workload));
    }

    /** Targets an average CPU use of {@code percent} percent of the pods' CPU requests. */
    public Builder cpuUtilization(int percent) {
      return metric(ResourceMetric.cpuUtilization(percent));
    }

    /** Targets an average memory use of {@code percent} percent of the pods' memory requests. */
    public Builder memoryUtilization(int percent) {
      return metric(ResourceMetric.memoryUtilization(percent));
    }

    /** Sets how scaling up behaves. */
    public Builder scaleUp(ScalingRules.Builder rules) {
      return scaleUp(rules.build());
    }

    /** Sets how scaling down behaves. */
    public Builder scaleDown(ScalingRules.Builder rules) {
      return scaleDown(rules.build());
    }
  }
}
