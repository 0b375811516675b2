package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Amounts;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1DaemonSetSpec;
import io.kubernetes.client.openapi.models.V1DaemonSetUpdateStrategy;
import io.kubernetes.client.openapi.models.V1RollingUpdateDaemonSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A DaemonSet: one pod on every node its placement admits.
 *
 * <pre>{@code
 * DaemonSet exporter = DaemonSet.named("node-exporter")
 *     .pod(PodTemplate.container(...).placement(Placement.tolerateEverything()))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class DaemonSet implements LongRunningWorkload {

  /** Starts a DaemonSet named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  @Override
  public abstract PodTemplate pod();

  /**
   * Selector labels beyond the component's, such as {@code track}; none by default. See
   * {@link LongRunningWorkload#selectorLabels()}.
   */
  @Override
  public abstract Map<String, String> selectorLabels();

  /** True for OnDelete updates (pods replaced only when deleted); false (default) for rolling updates. */
  @Value.Default
  public boolean onDelete() {
    return false;
  }

  /** Rolling update: nodes whose pod may be down at once; absent means 1. */
  public abstract Optional<Amount> maxUnavailable();

  /**
   * Rolling update: nodes that may run the new pod next to the old one; absent means 0. Only
   * one of this and {@link #maxUnavailable()} may be non-zero.
   */
  public abstract Optional<Amount> maxSurge();

  /** How long a new pod must be ready before it counts as available; absent means 0. */
  public abstract Optional<Duration> minReady();

  /** Old revisions kept; absent means 10. */
  public abstract OptionalInt revisionHistoryLimit();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1DaemonSet>> customizers();

  @Override
  public final String apiVersion() {
    return "apps/v1";
  }

  @Override
  public final String kind() {
    return "DaemonSet";
  }

  /** This DaemonSet with the image of container {@code container} replaced: the usual rollout. */
  public DaemonSet withImage(String container, String image) {
    return ((ImmutableDaemonSet) this).withPod(pod().withImage(container, image));
  }

  @Value.Check
  protected void check() {
    Validation v = Workloads.validate(this, Metadata.NameRule.DNS1123_SUBDOMAIN, "spec.template",
        Workloads.LONG_RUNNING, Set.of());
    Workloads.validateSelectorLabels(v, this);
    Validation spec = v.field("spec");
    Validation rolling = spec.field("updateStrategy.rollingUpdate");
    if (onDelete()) {
      rolling.check(maxUnavailable().isEmpty() && maxSurge().isEmpty(),
          "maxUnavailable and maxSurge apply only to rolling updates, not OnDelete (the API server keeps them,"
              + " the controller ignores them): remove them or onDelete(false)");
    } else {
      maxUnavailable().ifPresent(a -> {
        Amounts.validate(rolling.field("maxUnavailable"), a);
        Amounts.validateAtMost100Percent(rolling.field("maxUnavailable"), a);
      });
      maxSurge().ifPresent(a -> {
        Amounts.validate(rolling.field("maxSurge"), a);
        Amounts.validateAtMost100Percent(rolling.field("maxSurge"), a);
      });
      // With the API defaults applied (maxUnavailable 1, maxSurge 0), exactly one must be non-zero.
      boolean hasUnavailable = !maxUnavailable().map(Amount::isZero).orElse(false);
      boolean hasSurge = !maxSurge().map(Amount::isZero).orElse(true);
      if (hasUnavailable && hasSurge) {
        rolling.field("maxSurge").problem("may not be set when maxUnavailable is non-zero (it is %s): set"
                + " maxUnavailable(Amount.count(0)) to surge instead",
            maxUnavailable().map(a -> a.toString()).orElse("1 by default"));
      } else if (!hasUnavailable && !hasSurge) {
        rolling.field("maxUnavailable").problem("may not be 0 when maxSurge is 0: the rollout could never make"
            + " progress");
      }
    }
    minReady().ifPresent(d -> Seconds.check(spec.field("minReadySeconds"), d, 0, Seconds.INT32));
    revisionHistoryLimit().ifPresent(r -> spec.field("revisionHistoryLimit").checkAtLeast(r, 0));
    v.throwIfInvalid();
  }

  @Override
  public V1DaemonSet render(RenderContext context) {
    V1DaemonSetSpec spec = new V1DaemonSetSpec()
        .selector(Workloads.selector(this, context))
        .template(Workloads.template(this, context));
    if (onDelete()) {
      spec.setUpdateStrategy(new V1DaemonSetUpdateStrategy().type("OnDelete"));
    } else if (maxUnavailable().isPresent() || maxSurge().isPresent()) {
      V1RollingUpdateDaemonSet rolling = new V1RollingUpdateDaemonSet();
      maxUnavailable().ifPresent(a -> rolling.setMaxUnavailable(a.toIntOrString()));
      maxSurge().ifPresent(a -> rolling.setMaxSurge(a.toIntOrString()));
      spec.setUpdateStrategy(new V1DaemonSetUpdateStrategy().type("RollingUpdate").rollingUpdate(rolling));
    }
    minReady().ifPresent(d -> spec.setMinReadySeconds(Seconds.toInt(d)));
    revisionHistoryLimit().ifPresent(spec::setRevisionHistoryLimit);
    V1DaemonSet rendered = new V1DaemonSet()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Workloads.metadata(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  @Override
  public V1DaemonSet render() {
    return render(RenderContext.standalone());
  }

  /** Builds a {@link DaemonSet}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableDaemonSet.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /**
     * Adds the selector label {@code track=<track>} ({@code stable}, {@code canary}, {@code blue},
     * ...): in {@code spec.selector} and on the pods, so this workload and another of its
     * component with another track select disjoint pods, both behind the component's Service.
     */
    public Builder track(String track) {
      return selectorLabel(LongRunningWorkload.TRACK, track);
    }

    /** The pod template. */
    public Builder pod(PodTemplate.Builder pod) {
      return pod(pod.build());
    }
  }
}
