package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1PreferredSchedulingTerm;
import org.immutables.value.Value;

/**
 * A node preference with a weight (1..100): the scheduler adds {@code weight} to the score of
 * every node that meets {@link #preference()}.
 */
@Value.Immutable
public abstract class PreferredSchedulingTerm {

  /** Prefers nodes meeting {@code preference} with {@code weight} (1..100). */
  public static PreferredSchedulingTerm of(int weight, NodeSelectorTerm preference) {
    return new Builder().weight(weight).preference(preference).build();
  }

  /** How much a matching node's score rises, 1..100. */
  public abstract int weight();

  /** What a node must meet to gain the weight. */
  public abstract NodeSelectorTerm preference();

  /** The client-java model. */
  public V1PreferredSchedulingTerm toV1PreferredSchedulingTerm() {
    return new V1PreferredSchedulingTerm()
        .weight(weight())
        .preference(preference().toV1NodeSelectorTerm());
  }

  /** Builds a {@link PreferredSchedulingTerm}. */
  public static final class Builder extends ImmutablePreferredSchedulingTerm.Builder {
    Builder() {}
  }
}
