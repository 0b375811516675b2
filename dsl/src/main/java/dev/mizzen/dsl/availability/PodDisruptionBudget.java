package dev.mizzen.dsl.availability;

import dev.mizzen.dsl.internal.Amounts;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.internal.PodSelectors;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.ObjectMetadata;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.network.PodSelector;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A PodDisruptionBudget ({@code policy/v1}): how many pods of a component voluntary disruptions
 * (node drains, cluster upgrades) must leave running.
 *
 * <pre>{@code
 * PodDisruptionBudget web = PodDisruptionBudget.named("web").selecting("web").minAvailable(2).build();
 * PodDisruptionBudget api = PodDisruptionBudget.named("api").selecting("api")
 *     .maxUnavailable(Amount.percent(25))
 *     .unhealthyPodEvictionPolicy(UnhealthyPodEvictionPolicy.ALWAYS_ALLOW)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class PodDisruptionBudget implements KubernetesResource {

  /** Whether running pods that are not ready may be evicted while the budget is exhausted. */
  public enum UnhealthyPodEvictionPolicy {
    /** Unready pods may be evicted only while the budget allows it (the API server's default). */
    IF_HEALTHY_BUDGET("IfHealthyBudget"),
    /** Unready pods may always be evicted, so they never block a drain. */
    ALWAYS_ALLOW("AlwaysAllow");

    private final String value;

    UnhealthyPodEvictionPolicy(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** Starts a PodDisruptionBudget named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The pods the budget protects (required: {@code selecting(..)}). */
  public abstract Optional<PodSelector> selecting();

  /** How many selected pods must stay available; exactly one of this and {@link #maxUnavailable()}. */
  public abstract Optional<Amount> minAvailable();

  /** How many selected pods may be unavailable; exactly one of this and {@link #minAvailable()}. */
  public abstract Optional<Amount> maxUnavailable();

  /** Eviction of unready pods; absent means the API server's default, {@code IfHealthyBudget}. */
  public abstract Optional<UnhealthyPodEvictionPolicy> unhealthyPodEvictionPolicy();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1PodDisruptionBudget>> customizers();

  /** The component whose pods this budget protects, if it selects by component. */
  public final Optional<String> selectedComponent() {
    return selecting().flatMap(PodSelector::component);
  }

  @Override
  public final String apiVersion() {
    return "policy/v1";
  }

  @Override
  public final String kind() {
    return "PodDisruptionBudget";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    Validation spec = v.field("spec");
    Validation selector = spec.field("selector");
    if (selector.check(selecting().isPresent(),
        "is required: call selecting(component); an empty selector would match every pod in the namespace")) {
      PodSelectors.validate(selector.field("matchLabels"), selecting().get());
    }
    spec.check(minAvailable().isPresent() != maxUnavailable().isPresent(), minAvailable().isPresent()
        ? "minAvailable and maxUnavailable cannot both be set; keep one"
        : "set exactly one of minAvailable or maxUnavailable");
    minAvailable().ifPresent(amount -> {
      Amounts.validate(spec.field("minAvailable"), amount);
      Amounts.validateAtMost100Percent(spec.field("minAvailable"), amount);
    });
    maxUnavailable().ifPresent(amount -> {
      Amounts.validate(spec.field("maxUnavailable"), amount);
      Amounts.validateAtMost100Percent(spec.field("maxUnavailable"), amount);
    });
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1PodDisruptionBudget render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1PodDisruptionBudget render(RenderContext context) {
    V1PodDisruptionBudgetSpec spec = new V1PodDisruptionBudgetSpec();
    selecting().ifPresent(selector -> spec.setSelector(PodSelectors.toV1LabelSelector(selector, context)));
    minAvailable().ifPresent(amount -> spec.setMinAvailable(amount.toIntOrString()));
    maxUnavailable().ifPresent(amount -> spec.setMaxUnavailable(amount.toIntOrString()));
    unhealthyPodEvictionPolicy().ifPresent(policy -> spec.setUnhealthyPodEvictionPolicy(policy.value()));
    V1PodDisruptionBudget rendered = new V1PodDisruptionBudget()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link PodDisruptionBudget}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutablePodDisruptionBudget.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Protects the pods of {@code component}. */
    public Builder selecting(String component) {
      return selecting(PodSelector.component(component));
    }

    /** Protects the pods of the component {@code workload} belongs to. */
    public Builder selecting(ObjectMetadata workload) {
      return selecting(PodSelector.component(workload));
    }


    /** Keeps at least {@code count} pods available. */
    public Builder minAvailable(int count) {
      return minAvailable(Amount.count(count));
    }

    /** Lets at most {@code count} pods be unavailable. */
    public Builder maxUnavailable(int count) {
      return maxUnavailable(Amount.count(count));
    }
  }
}
