package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import java.util.Arrays;
import java.util.List;
import org.immutables.value.Value;

/**
 * A set of {@link NodeSelectorRequirement}s a node must all meet (they are ANDed). Label
 * requirements render to {@code matchExpressions}, field requirements to {@code matchFields}.
 * In required node affinity, several terms are ORed.
 *
 * <pre>{@code
 * NodeSelectorTerm.of(NodeLabel.key("node-pool").in("general"), NodeLabel.key("spot").doesNotExist())
 * }</pre>
 */
@Value.Immutable
public abstract class NodeSelectorTerm {

  /** A term of {@code requirements}, ANDed. */
  public static NodeSelectorTerm of(NodeSelectorRequirement... requirements) {
    return of(Arrays.asList(requirements));
  }

  /** A term of {@code requirements}, ANDed. */
  public static NodeSelectorTerm of(List<NodeSelectorRequirement> requirements) {
    return new Builder().requirements(requirements).build();
  }

  /** Every condition a node must meet, in order; label and field requirements together. */
  public abstract List<NodeSelectorRequirement> requirements();

  /** The label requirements ({@code matchExpressions}), in order. */
  public final List<NodeSelectorRequirement> matchExpressions() {
    return requirements().stream().filter(r -> !r.onField()).toList();
  }

  /** The field requirements ({@code matchFields}), in order. */
  public final List<NodeSelectorRequirement> matchFields() {
    return requirements().stream().filter(NodeSelectorRequirement::onField).toList();
  }

  /** The client-java model; {@code matchExpressions} and {@code matchFields} only when non-empty. */
  public V1NodeSelectorTerm toV1NodeSelectorTerm() {
    return new V1NodeSelectorTerm()
        .matchExpressions(Models.list(matchExpressions(), NodeSelectorRequirement::toV1NodeSelectorRequirement))
        .matchFields(Models.list(matchFields(), NodeSelectorRequirement::toV1NodeSelectorRequirement));
  }

  /** Builds a {@link NodeSelectorTerm}. */
  public static final class Builder extends ImmutableNodeSelectorTerm.Builder {
    Builder() {}
  }
}
