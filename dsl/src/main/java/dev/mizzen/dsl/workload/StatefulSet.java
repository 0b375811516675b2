package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.validation.Names;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.models.V1RollingUpdateStatefulSetStrategy;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import io.kubernetes.client.openapi.models.V1StatefulSetUpdateStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 *     .pod(PodTemplate.builder().container(...))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class StatefulSet implements Workload {

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

    public String value() {
      return value;
    }
  }

  /** Starts a StatefulSet named {@code name}. */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The governing Service's name. Required. */
  public abstract Optional<String> serviceName();

  /** Desired pods; absent means 1. */
  public abstract OptionalInt replicas();

  @Override
  public abstract PodTemplate pod();

  /** A claim per pod, mounted by name. */
  public abstract List<VolumeClaimTemplate> volumeClaimTemplates();

  /** Absent means {@link PodManagementPolicy#ORDERED_READY}. */
  public abstract Optional<PodManagementPolicy> podManagementPolicy();

  /** True for OnDelete updates (pods replaced only when deleted); false (default) for rolling updates. */
  @Value.Default
  public boolean onDelete() {
    return false;
  }

  /** Rolling update partition: only pods with an ordinal >= partition are updated. */
  public abstract OptionalInt partition();

  /** Rolling update maxUnavailable (beta in 1.33, needs the MaxUnavailableStatefulSet gate). */
  public abstract Optional<Amount> maxUnavailable();

  public abstract Optional<Duration> minReady();

  public abstract OptionalInt revisionHistoryLimit();

  public abstract List<Consumer<? super V1StatefulSet>> customizers();

  @Override
  public final String apiVersion() {
    return "apps/v1";
  }

  @Override
  public final String kind() {
    return "StatefulSet";
  }

  @Value.Check
  protected void check() {
    Set<String> claims = new HashSet<>();
    volumeClaimTemplates().forEach(c -> claims.add(c.name()));
    Validation v = Workloads.validate(this, "spec.template", Workloads.LONG_RUNNING, claims);
    Validation spec = v.field("spec");
    if (spec.field("serviceName").check(serviceName().isPresent(),
        "a StatefulSet needs the name of its governing Service: serviceName(\"%s\")", name())) {
      Names.checkDns1123Label(spec.field("serviceName"), serviceName().get());
    }
    replicas().ifPresent(r -> spec.field("replicas").checkAtLeast(r, 0));
    Set<String> seen = new HashSet<>();
    for (VolumeClaimTemplate claim : volumeClaimTemplates()) {
      Validation at = spec.field("volumeClaimTemplates").key(claim.name());
      claim.validate(at);
      at.field("metadata.name").check(seen.add(claim.name()), "is used by two claim templates");
      at.field("metadata.name").check(pod().volume(claim.name()).isEmpty(),
          "is also the name of a pod volume; a mount could not tell them apart");
    }
    if (onDelete()) {
      spec.field("updateStrategy.rollingUpdate").check(partition().isEmpty() && maxUnavailable().isEmpty(),
          "partition and maxUnavailable apply only to rolling updates, not OnDelete");
    }
    partition().ifPresent(p -> spec.field("updateStrategy.rollingUpdate.partition").checkAtLeast(p, 0));
    maxUnavailable().ifPresent(a -> {
      Validation at = spec.field("updateStrategy.rollingUpdate.maxUnavailable");
      a.validate(at);
      a.validateAtMost100Percent(at);
      at.check(!a.isZero(), "must be greater than 0");
    });
    minReady().ifPresent(d -> Seconds.check(spec.field("minReadySeconds"), d, 0, Integer.MAX_VALUE));
    revisionHistoryLimit().ifPresent(r -> spec.field("revisionHistoryLimit").checkAtLeast(r, 0));
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
      List<io.kubernetes.client.openapi.models.V1PersistentVolumeClaim> claims = new ArrayList<>();
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
  public static final class Builder extends ImmutableStatefulSet.Builder {
    Builder() {}

    public Builder pod(PodTemplate.Builder pod) {
      return pod(pod.build());
    }

    /** Adds a claim template. */
    public Builder volumeClaimTemplate(VolumeClaimTemplate.Builder claim) {
      return addVolumeClaimTemplate(claim.build());
    }

    /** Changes the rendered object after everything else (the escape hatch). */
    public Builder customize(Consumer<? super V1StatefulSet> customizer) {
      return addCustomizer(customizer);
    }
  }
}
