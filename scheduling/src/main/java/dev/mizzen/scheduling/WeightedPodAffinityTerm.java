package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A preferred pod (anti-)affinity term with a weight (1..100): the scheduler adds (affinity)
 * or subtracts (anti-affinity) {@code weight} for nodes where the term holds.
 */
@Value.Immutable
public abstract class WeightedPodAffinityTerm {

  /** {@code term} with {@code weight} (1..100). */
  public static WeightedPodAffinityTerm of(int weight, PodAffinityTerm term) {
    return new Builder().weight(weight).podAffinityTerm(term).build();
  }

  /** How much the term moves a node's score, 1..100. */
  public abstract int weight();

  /** The term. */
  public abstract PodAffinityTerm podAffinityTerm();

  /** The client-java model; see {@link PodAffinityTerm#toV1PodAffinityTerm(Map)}. */
  public V1WeightedPodAffinityTerm toV1WeightedPodAffinityTerm(Map<String, String> ownPodLabels) {
    return new V1WeightedPodAffinityTerm()
        .weight(weight())
        .podAffinityTerm(podAffinityTerm().toV1PodAffinityTerm(ownPodLabels));
  }

  /** Builds a {@link WeightedPodAffinityTerm}. */
  public static final class Builder extends ImmutableWeightedPodAffinityTerm.Builder {
    Builder() {}
  }
}
