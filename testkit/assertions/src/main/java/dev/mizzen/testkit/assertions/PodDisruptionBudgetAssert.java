package dev.mizzen.testkit.assertions;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.workload.Workload;
import dev.mizzen.scheduling.LabelSelector;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions on a PodDisruptionBudget, chiefly {@link #compatibleWith}: the budget covers the
 * workload's pods and still lets a node drain evict one of them.
 */
public class PodDisruptionBudgetAssert
    extends AbstractKubernetesObjectAssert<PodDisruptionBudgetAssert, V1PodDisruptionBudget> {

  /** An assert on {@code actual}. */
  public PodDisruptionBudgetAssert(V1PodDisruptionBudget actual) {
    super(actual, PodDisruptionBudgetAssert.class);
  }

  /** Asserts {@code spec.minAvailable} is {@code minAvailable} ({@code 2}, {@code 50%}). */
  public PodDisruptionBudgetAssert hasMinAvailable(String minAvailable) {
    requireActual();
    IntOrString found = spec().getMinAvailable();
    if (found == null || !minAvailable.equals(Ports.describe(found))) {
      failAt(location().field("spec.minAvailable"), "expected " + minAvailable + ", but was "
          + (found == null ? "unset" : Ports.describe(found)));
    }
    return myself;
  }

  /** Asserts {@code spec.minAvailable} is {@code minAvailable} pods. */
  public PodDisruptionBudgetAssert hasMinAvailable(int minAvailable) {
    return hasMinAvailable(String.valueOf(minAvailable));
  }

  /**
   * Asserts the budget fits {@code workload} (a Deployment, StatefulSet or ReplicaSet): same
   * namespace, its selector selects the workload's pods, and a voluntary disruption stays possible:
   * {@code minAvailable} below the replicas (a percentage rounded up, as the disruption
   * controller does) and {@code maxUnavailable} at least one pod.
   */
  public PodDisruptionBudgetAssert compatibleWith(KubernetesObject workload) {
    return check(workload, null);
  }

  /**
   * As {@link #compatibleWith(KubernetesObject)}, also below the minimum replicas of {@code hpa},
   * which must scale {@code workload}. When the workload leaves {@code spec.replicas} unset, the
   * autoscaler owns the count, and only its minimum counts.
   */
  public PodDisruptionBudgetAssert compatibleWith(KubernetesObject workload, V2HorizontalPodAutoscaler hpa) {
    return check(workload, hpa);
  }

  /** As {@link #compatibleWith(KubernetesObject)} for a DSL workload, rendered in this budget's context. */
  public PodDisruptionBudgetAssert compatibleWith(Workload workload) {
    requireActual();
    return check(workload.render(PodTemplates.contextOf(actual)), null);
  }

  /**
   * As {@link #compatibleWith(KubernetesObject, V2HorizontalPodAutoscaler)} for DSL values, rendered
   * in this budget's context.
   */
  public PodDisruptionBudgetAssert compatibleWith(Workload workload, HorizontalPodAutoscaler hpa) {
    requireActual();
    return check(workload.render(PodTemplates.contextOf(actual)), hpa.render(PodTemplates.contextOf(actual)));
  }

  private V1PodDisruptionBudgetSpec spec() {
    return actual.getSpec() == null ? new V1PodDisruptionBudgetSpec() : actual.getSpec();
  }

  private PodDisruptionBudgetAssert check(KubernetesObject workload, V2HorizontalPodAutoscaler hpa) {
    requireActual();
    String target = ObjectFields.ref(workload);
    Optional<Integer> replicas = PodTemplates.replicas(workload);
    if (replicas.isEmpty()) {
      failAt(location(), "expected a workload with replicas (Deployment, StatefulSet or ReplicaSet), but "
          + target + " has none");
      return myself;
    }
    List<String> problems = new ArrayList<>();
    if (!Objects.equals(ObjectFields.namespace(actual), ObjectFields.namespace(workload))) {
      problems.add(location().field("metadata.namespace").message(
          "expected the namespace of " + target + ", but the budget is in another namespace"));
    }
    Map<String, String> podLabels = PodTemplates.podLabels(workload);
    if (!LabelSelector.matches(spec().getSelector(), podLabels)) {
      problems.add(location().field("spec.selector").message("expected to select the pods of " + target
          + " " + LabelSelectors.describe(podLabels) + ", but was " + LabelSelectors.describe(spec().getSelector())));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Optional<String> notScaled = hpa == null ? Optional.empty() : checkScales(hpa, workload);
    boolean autoscaled = hpa != null && notScaled.isEmpty() && !PodTemplates.setsReplicas(workload);
    if (!autoscaled) {
      counts.put(replicas.get() + " (the replicas of " + target + ")", replicas.get());
    }
    if (hpa != null) {
      notScaled.ifPresent(problems::add);
      Integer min = hpa.getSpec() == null ? null : hpa.getSpec().getMinReplicas();
      int hpaMin = min == null ? 1 : min;
      counts.put(hpaMin + " (the minReplicas of " + ObjectFields.ref(hpa) + ")", hpaMin);
    }
    counts.forEach((label, count) -> budgetProblem(label, count).ifPresent(problems::add));
    failAll(problems);
    return myself;
  }

  private Optional<String> checkScales(V2HorizontalPodAutoscaler hpa, KubernetesObject workload) {
    V2CrossVersionObjectReference ref = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
    boolean scales = ref != null && ObjectFields.kind(workload).equals(ref.getKind())
        && Objects.equals(ObjectFields.name(workload), ref.getName())
        && Objects.equals(ObjectFields.namespace(hpa), ObjectFields.namespace(workload));
    if (scales) {
      return Optional.empty();
    }
    return Optional.of(location().message("expected an autoscaler of " + ObjectFields.ref(workload) + ", but "
        + ObjectFields.ref(hpa) + " scales " + (ref == null ? "nothing" : ref.getKind() + "/" + ref.getName())));
  }

  /** Why the budget blocks every eviction from {@code count} pods, if it does. */
  private Optional<String> budgetProblem(String label, int count) {
    IntOrString min = spec().getMinAvailable();
    IntOrString max = spec().getMaxUnavailable();
    if (min != null) {
      Optional<Integer> required = scaled(min, count);
      if (required.isEmpty()) {
        return Optional.of(location().field("spec.minAvailable").message("expected a count or a percentage, but was "
            + quote(min.getStrValue())));
      }
      if (required.get() >= count) {
        return Optional.of(location().field("spec.minAvailable").message("expected fewer than " + label
            + ", so that a node drain can evict a pod, but was " + Ports.describe(min)
            + (min.isInteger() ? "" : " (" + required.get() + " of " + count + " pods, rounded up)")));
      }
      return Optional.empty();
    }
    if (max != null) {
      Optional<Integer> unavailable = scaled(max, count);
      if (unavailable.isEmpty()) {
        return Optional.of(location().field("spec.maxUnavailable").message("expected a count or a percentage, but was "
            + quote(max.getStrValue())));
      }
      if (unavailable.get() < 1) {
        return Optional.of(location().field("spec.maxUnavailable").message("expected at least 1 pod of " + label
            + ", so that a node drain can evict a pod, but was " + Ports.describe(max)
            + (max.isInteger() ? "" : " (" + unavailable.get() + " of " + count + " pods)")));
      }
      return Optional.empty();
    }
    return Optional.of(location().field("spec").message("expected minAvailable or maxUnavailable, but neither is set"));
  }

  /**
   * {@code value} as a pod count out of {@code count}: a percentage rounded up, as {@code
   * GetScaledValueFromIntOrPercent}.
   */
  private static Optional<Integer> scaled(IntOrString value, int count) {
    if (value.isInteger()) {
      return Optional.of(value.getIntValue());
    }
    String text = value.getStrValue();
    if (!text.matches("\\d+%")) {
      return Optional.empty();
    }
    long percent = Long.parseLong(text.substring(0, text.length() - 1));
    return Optional.of((int) ((percent * count + 99) / 100));
  }
}
