package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Deployment: replicas of a pod template, replaced by a rolling update (or recreate).
 *
 * <pre>{@code
 * Deployment web = Deployment.named("web")
 *     .replicas(3)
 *     .strategy(DeploymentStrategy.rollingUpdate(Amount.percent(25), Amount.count(0)))
 *     .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2")))
 *     .build();
 * }</pre>
 *
 * <p>Its selector is derived from the recommended labels and its selector labels (a
 * {@code track(...)}), and the pod template always carries them; it cannot change once the
 * Deployment exists. Absent fields take the API server's defaults (1 replica, rolling update
 * 25%/25%, progress deadline 600 s, 10 old ReplicaSets kept).
 */
@Value.Immutable
public abstract class Deployment implements LongRunningWorkload {
  /** The API server's default {@code progressDeadlineSeconds}. */
  static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofSeconds(600);

  /**
   * Starts a Deployment named {@code name}: a DNS-1123 label (at most 63 lowercase letters, digits
   * and '-'), since it names the pods and their hostnames.
   */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /**
   * Desired pods; absent leaves it to the API server (1) or an autoscaler. In an App, must be
   * absent when a HorizontalPodAutoscaler of the App scales this Deployment: every apply would
   * otherwise set the count back.
   */
  public abstract OptionalInt replicas();

  @Override
  public abstract PodTemplate pod();

  /**
   * Selector labels beyond the component's, such as {@code track}; none by default. See
   * {@link LongRunningWorkload#selectorLabels()}.
   */
  @Override
  public abstract Map<String, String> selectorLabels();

  /** How pods are replaced; absent means Kubernetes' rolling update with 25% surge and 25% unavailable. */
  public abstract Optional<DeploymentStrategy> strategy();

  /** How long a new pod must be ready before it counts as available; absent means 0. */
  public abstract Optional<Duration> minReady();

  /** How long a rollout may make no progress before it is marked failed; absent means 600 s. */
  public abstract Optional<Duration> progressDeadline();

  /** Old ReplicaSets kept for rollback; absent means 10. */
  public abstract OptionalInt revisionHistoryLimit();

  /** Whether the rollout is paused; false by default (rendered only when true). */
  @Value.Default
  public boolean paused() {
    return false;
  }

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1Deployment>> customizers();

  @Override
  public final String apiVersion() {
    return "apps/v1";
  }

  @Override
  public final String kind() {
    return "Deployment";
  }

  /** This Deployment with the image of container {@code container} replaced: the usual rollout. */
  public Deployment withImage(String container, String image) {
    return ((ImmutableDeployment) this).withPod(pod().withImage(container, image));
  }

  @Value.Check
  protected void check() {
    Validation v = Workloads.validate(this, Metadata.NameRule.DNS1123_LABEL, "spec.template", Workloads.LONG_RUNNING,
        Set.of());
    Workloads.validateSelectorLabels(v, this);
    Validation spec = v.field("spec");
    replicas().ifPresent(r -> spec.field("replicas").checkAtLeast(r, 0));
    strategy().ifPresent(s -> s.validate(spec.field("strategy")));
    boolean minReadyValid = minReady().map(d -> Seconds.check(spec.field("minReadySeconds"), d, 0, Seconds.INT32))
        .orElse(true);
    Duration minReady = minReady().orElse(Duration.ZERO);
    if (progressDeadline().isPresent()) {
      Duration deadline = progressDeadline().get();
      Validation at = spec.field("progressDeadlineSeconds");
      if (Seconds.check(at, deadline, 0, Seconds.INT32) && minReadyValid) {
        at.check(deadline.compareTo(minReady) > 0, "must be greater than minReadySeconds (%d), was %d:"
            + " a new pod could never count as available in time", minReady.getSeconds(), deadline.getSeconds());
      }
    } else if (minReadyValid) {
      spec.field("minReadySeconds").check(minReady.compareTo(DEFAULT_PROGRESS_DEADLINE) < 0,
          "must be less than progressDeadlineSeconds (600 by default), was %d: set a longer progressDeadline(...)",
          minReady.getSeconds());
    }
    revisionHistoryLimit().ifPresent(r -> spec.field("revisionHistoryLimit").checkAtLeast(r, 0));
    v.throwIfInvalid();
  }

  @Override
  public V1Deployment render(RenderContext context) {
    V1DeploymentSpec spec = new V1DeploymentSpec()
        .selector(Workloads.selector(this, context))
        .template(Workloads.template(this, context));
    replicas().ifPresent(spec::setReplicas);
    strategy().ifPresent(s -> spec.setStrategy(s.toV1()));
    minReady().ifPresent(d -> spec.setMinReadySeconds(Seconds.toInt(d)));
    progressDeadline().ifPresent(d -> spec.setProgressDeadlineSeconds(Seconds.toInt(d)));
    revisionHistoryLimit().ifPresent(spec::setRevisionHistoryLimit);
    if (paused()) {
      spec.setPaused(true);
    }
    V1Deployment rendered = new V1Deployment()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Workloads.metadata(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  @Override
  public V1Deployment render() {
    return render(RenderContext.standalone());
  }

  /** Builds a {@link Deployment}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableDeployment.Builder implements KubernetesResource.Buildable {
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
