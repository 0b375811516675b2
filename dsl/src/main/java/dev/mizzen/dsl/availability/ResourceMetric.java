package dev.mizzen.dsl.availability;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.kubernetes.client.openapi.models.V2MetricTarget;
import io.kubernetes.client.openapi.models.V2ResourceMetricSource;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A HorizontalPodAutoscaler target on the pods' CPU or memory: an average utilization (percent
 * of the containers' requests) or an average value per pod.
 *
 * <pre>{@code
 * ResourceMetric.cpuUtilization(70);
 * ResourceMetric.memoryAverageValue("400Mi");
 * }</pre>
 */
@Value.Immutable
public abstract class ResourceMetric {

  /** The resources an autoscaler can watch. */
  public enum Resource {
    CPU("cpu"),
    MEMORY("memory");

    private final String value;

    Resource(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** Average CPU use of {@code percent} percent of the pods' CPU requests. */
  public static ResourceMetric cpuUtilization(int percent) {
    return utilization(Resource.CPU, percent);
  }

  /** Average memory use of {@code percent} percent of the pods' memory requests. */
  public static ResourceMetric memoryUtilization(int percent) {
    return utilization(Resource.MEMORY, percent);
  }

  /** Average CPU use per pod of {@code quantity} ({@code 500m}). */
  public static ResourceMetric cpuAverageValue(String quantity) {
    return averageValue(Resource.CPU, quantity);
  }

  /** Average memory use per pod of {@code quantity} ({@code 400Mi}). */
  public static ResourceMetric memoryAverageValue(String quantity) {
    return averageValue(Resource.MEMORY, quantity);
  }

  private static ResourceMetric utilization(Resource resource, int percent) {
    return ImmutableResourceMetric.builder().resource(resource).averageUtilization(percent).build();
  }

  private static ResourceMetric averageValue(Resource resource, String quantity) {
    return ImmutableResourceMetric.builder().resource(resource).averageValue(quantity).build();
  }

  /** The resource watched. */
  public abstract Resource resource();

  /** The target utilization in percent of the requests (more than 0; may exceed 100). */
  public abstract OptionalInt averageUtilization();

  /** The target average value per pod, a quantity ({@code 500m}, {@code 400Mi}). */
  public abstract Optional<String> averageValue();

  /** The client-java model ({@code type: Resource}). */
  public final V2MetricSpec toV2MetricSpec() {
    V2MetricTarget target = new V2MetricTarget();
    if (averageUtilization().isPresent()) {
      target.type("Utilization").averageUtilization(averageUtilization().getAsInt());
    } else {
      target.type("AverageValue").averageValue(Quantities.toQuantity(Quantities.read(averageValue().get())
          .orElseThrow(() -> new IllegalStateException("not a quantity: " + averageValue().get()))));
    }
    return new V2MetricSpec()
        .type("Resource")
        .resource(new V2ResourceMetricSource().name(resource().value()).target(target));
  }

  /** Checks the target; {@code v} is at the metric ({@code spec.metrics[0]}). */
  final void validate(Validation v) {
    Validation target = v.field("resource").field("target");
    averageUtilization().ifPresent(percent -> target.field("averageUtilization")
        .check(percent > 0, "must be greater than 0 (percent of the requests), was %d", percent));
    averageValue().ifPresent(text -> {
      Validation field = target.field("averageValue");
      Optional<Quantities.Parsed> quantity = Quantities.read(text);
      if (field.check(quantity.isPresent(),
          "must be a quantity such as 500m or 400Mi, was '%s'", text)) {
        field.check(quantity.get().value().signum() > 0, "must be positive, was '%s'", text);
      }
    });
  }

  @Value.Check
  protected void check() {
    if (averageUtilization().isPresent() == averageValue().isPresent()) {
      throw new IllegalStateException("a resource metric targets a utilization or an average value, exactly one");
    }
  }
}
