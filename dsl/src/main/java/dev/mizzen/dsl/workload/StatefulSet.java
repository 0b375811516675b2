package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Amounts;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.storage.ClaimSpec;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1RollingUpdateStatefulSetStrategy;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetOrdinals;
import io.kubernetes.client.openapi.models.V1StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import io.kubernetes.client.openapi.models.V1StatefulSetUpdateStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A StatefulSet: pods with stable names and storage, governed by a (headless) Service.
 *
 * <pre>{@code
 * StatefulSet db = StatefulSet.named("db")
 *     .serviceName("db")
 *     .replicas(1)
 *     .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)))
 *     .pod(PodTemplate.container(...))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class StatefulSet implements LongRunningWorkload {

  /** How pods are created and deleted. */
  public enum PodManagementPolicy {
    /** One at a time, in order (the default). */
    ORDERED_READY("OrderedReady"),
    /** All at once. */
    PARALLEL("Parallel");

    private final String value;

    PodManagementPolicy(String value) {
      this.value = value;
    }

    /** The name the API uses. */
    public String value() {
      return value;
    }
  }

  /** What happens to the claims of pods a StatefulSet no longer runs. */
  public enum ClaimRetention {
    /** Keep the claims (the default). */
    RETAIN("Retain"),
    /** Delete the claims. */
    DELETE("Delete");

    private final String value;

    ClaimRetention(String value) {
      this.value = value;
    }

    /** The name the API uses. */
    public String value() {
      return value;
    }
  }

  /**
   * Starts a StatefulSet named {@code name}: a DNS-1123 label of at most 52 characters, since
   * its pods are named {@code <name>-<ordinal>} and labelled with {@code <name>-<10-character hash>}.
   */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /**
   * The governing Service, which gives each pod the DNS name
   * {@code <pod>.<serviceName>.<namespace>.svc}: usually a headless Service. Absent means no
   * per-pod DNS names.
   */
  public abstract Optional<String> serviceName();

  /**
   * Desired pods; absent means 1, or the count an autoscaler chooses. In an App, must be absent
   * when a HorizontalPodAutoscaler of the App scales this StatefulSet.
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

  /** A claim per pod, mounted by name. */
  public abstract List<VolumeClaimTemplate> volumeClaimTemplates();

  /** Absent means {@link PodManagementPolicy#ORDERED_READY}. */
  public abstract Optional<PodManagementPolicy> podManagementPolicy();

  /** True for OnDelete updates (pods replaced only when deleted); false (default) for rolling updates. */
  @Value.Default
  public boolean onDelete() {
    return false;
  }

  /** Rolling update partition: only pods with an ordinal >= partition are updated; absent means 0. */
  public abstract OptionalInt partition();

  /**
   * Rolling update: pods that may be down at once; absent means 1. Alpha in Kubernetes 1.33: the
   * API server drops the field unless its {@code MaxUnavailableStatefulSet} feature gate is on.
   */
  public abstract Optional<Amount> maxUnavailable();

  /** How long a new pod must be ready before it counts as available; absent means 0. */
  public abstract Optional<Duration> minReady();

  /** Old revisions kept; absent means 10. */
  public abstract OptionalInt revisionHistoryLimit();

  /** The ordinal of the first pod ({@code spec.ordinals.start}); absent means 0. */
  public abstract OptionalInt startOrdinal();

  /** What happens to claims when the StatefulSet is deleted; absent means {@link ClaimRetention#RETAIN}. */
  public abstract Optional<ClaimRetention> claimsWhenDeleted();

  /** What happens to the claims of pods removed by scaling down; absent means {@link ClaimRetention#RETAIN}. */
  public abstract Optional<ClaimRetention> claimsWhenScaled();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1StatefulSet>> customizers();

  @Override
  public final String apiVersion() {
    return "apps/v1";
  }

  @Override
  public final String kind() {
    return "StatefulSet";
  }

  /** This StatefulSet with the image of container {@code container} replaced: the usual rollout. */
  public StatefulSet withImage(String container, String image) {
    return ((ImmutableStatefulSet) this).withPod(pod().withImage(container, image));
  }

  @Value.Check
  protected void check() {
    // Mounts may name claims; a claim that clashes with a pod volume is reported below, not twice.
    Set<String> claims = new HashSet<>();
    volumeClaimTemplates().stream().map(VolumeClaimTemplate::name).filter(name -> pod().volume(name).isEmpty())
        .forEach(claims::add);
    Validation v = Workloads.validate(this, Metadata.NameRule.DNS1123_LABEL, "spec.template", Workloads.LONG_RUNNING,
        claims);
    Workloads.validateSelectorLabels(v, this);
    Workloads.checkNameLength(v, this, 52,
        "its pods carry the label controller-revision-hash=<name>-<hash>, at most 63 characters");
    Validation spec = v.field("spec");
    serviceName().ifPresent(service -> Names.checkDns1123Label(spec.field("serviceName"), service));
    replicas().ifPresent(r -> spec.field("replicas").checkAtLeast(r, 0));
    Set<String> mounted = new HashSet<>();
    pod().allContainers().forEach(c -> c.volumeMounts().forEach(m -> mounted.add(m.volume())));
    Set<String> seen = new HashSet<>();
    for (VolumeClaimTemplate claim : volumeClaimTemplates()) {
      Validation at = spec.field("volumeClaimTemplates").key(claim.name());
      claim.validate(at);
      Validation name = at.field("metadata.name");
      name.check(seen.add(claim.name()), "must be unique among the claim templates, '%s' is used twice",
          claim.name());
      name.check(pod().volume(claim.name()).isEmpty(),
          "is also the name of a pod volume, which the claim would replace: rename one of them");
      if (claim.volumeMode().orElse(null) == ClaimSpec.VolumeMode.BLOCK) {
        name.check(!mounted.contains(claim.name()), "is of volume mode Block: a raw device is attached with"
            + " volumeDevices, which the kubelet requires instead of a mount (add volumeDevices with customize(...))");
      } else {
        name.check(mounted.contains(claim.name()), "is mounted by no container: mount it with"
            + " mount(\"%s\", path) on a container, or remove the claim template", claim.name());
      }
    }
    Validation rolling = spec.field("updateStrategy.rollingUpdate");
    if (onDelete()) {
      rolling.check(partition().isEmpty() && maxUnavailable().isEmpty(),
          "partition and maxUnavailable apply only to rolling updates, not OnDelete: remove them or onDelete(false)");
    } else {
      partition().ifPresent(p -> rolling.field("partition").checkAtLeast(p, 0));
      maxUnavailable().ifPresent(a -> {
        Validation at = rolling.field("maxUnavailable");
        Amounts.validate(at, a);
        at.check(!a.isZero(), "must not be 0: the rollout could never make progress");
        Amounts.validateAtMost100Percent(at, a);
      });
    }
    minReady().ifPresent(d -> Seconds.check(spec.field("minReadySeconds"), d, 0, Seconds.INT32));
    revisionHistoryLimit().ifPresent(r -> spec.field("revisionHistoryLimit").checkAtLeast(r, 0));
    startOrdinal().ifPresent(o -> spec.field("ordinals.start").checkAtLeast(o, 0));
    v.throwIfInvalid();
  }

  @Override
  public V1StatefulSet render(RenderContext context) {
    V1StatefulSetSpec spec = new V1StatefulSetSpec()
        .selector(Workloads.selector(this, context))
        .template(Workloads.template(this, context))
        .volumeClaimTemplates(null);
    replicas().ifPresent(spec::setReplicas);
    serviceName().ifPresent(spec::setServiceName);
    if (!volumeClaimTemplates().isEmpty()) {
      List<V1PersistentVolumeClaim> claims = new ArrayList<>();
      volumeClaimTemplates().forEach(c -> claims.add(c.toV1()));
      spec.setVolumeClaimTemplates(claims);
    }
    podManagementPolicy().ifPresent(p -> spec.setPodManagementPolicy(p.value()));
    if (onDelete()) {
      spec.setUpdateStrategy(new V1StatefulSetUpdateStrategy().type("OnDelete"));
    } else if (partition().isPresent() || maxUnavailable().isPresent()) {
      V1RollingUpdateStatefulSetStrategy rolling = new V1RollingUpdateStatefulSetStrategy();
      partition().ifPresent(rolling::setPartition);
      maxUnavailable().ifPresent(a -> rolling.setMaxUnavailable(a.toIntOrString()));
      spec.setUpdateStrategy(new V1StatefulSetUpdateStrategy().type("RollingUpdate").rollingUpdate(rolling));
    }
    minReady().ifPresent(d -> spec.setMinReadySeconds(Seconds.toInt(d)));
    revisionHistoryLimit().ifPresent(spec::setRevisionHistoryLimit);
    startOrdinal().ifPresent(start -> spec.setOrdinals(new V1StatefulSetOrdinals().start(start)));
    if (claimsWhenDeleted().isPresent() || claimsWhenScaled().isPresent()) {
      V1StatefulSetPersistentVolumeClaimRetentionPolicy retention = new V1StatefulSetPersistentVolumeClaimRetentionPolicy();
      claimsWhenDeleted().ifPresent(r -> retention.setWhenDeleted(r.value()));
      claimsWhenScaled().ifPresent(r -> retention.setWhenScaled(r.value()));
      spec.setPersistentVolumeClaimRetentionPolicy(retention);
    }
    V1StatefulSet rendered = new V1StatefulSet()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Workloads.metadata(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  @Override
  public V1StatefulSet render() {
    return render(RenderContext.standalone());
  }

  /** Builds a {@link StatefulSet}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableStatefulSet.Builder implements KubernetesResource.Buildable {
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

    /** Adds a claim template. */
    public Builder volumeClaimTemplate(VolumeClaimTemplate.Builder claim) {
      return volumeClaimTemplate(claim.build());
    }
  }
}
