package dev.mizzen.testkit.parity;

import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.render.Manifests;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One generated spec: a base object of {@code kind} with {@code changes}, each made through the
 * DSL and by hand in the rendered base object.
 *
 * @param index the spec's number in its run: with the seed, all it takes to generate it again
 */
record Spec(long seed, int index, Kind kind, List<Change> changes) {
  private static final List<String> FIRST_SLOTS = List.of("object.name", "workload.selector");

  /** The DSL's calls for this spec, not yet built. */
  Draft draft() {
    Draft draft = new Draft(kind);
    changes.forEach(change -> change.dsl().accept(draft));
    return draft;
  }

  /** What {@code build()} says: the object, or the message of the {@link IllegalArgumentException} it threw. */
  DslVerdict dslVerdict() {
    return DslVerdict.of(draft());
  }

  /** The rendered base object with every change made by hand: what the API server gets when the DSL refuses. */
  RawObject raw() {
    KubernetesResource base = new Draft(kind).build();
    RawObject raw = new RawObject(kind, Manifests.tree(base.render()));
    // Renames and selector labels first: later changes copy the selector (as topology spread does).
    changes.stream().sorted(java.util.Comparator.comparingInt(c -> FIRST_SLOTS.contains(c.slot()) ? 0 : 1))
        .forEach(change -> change.raw().accept(raw));
    // The opt-out reasons are annotations a user would write too: they count towards the size limit.
    Map<String, String> optOuts = draft().optOutAnnotations();
    if (!optOuts.isEmpty()) {
      RawObject.map(raw.metadata(), "annotations").putAll(optOuts);
      RawObject.map(RawObject.map(raw.podTemplate(), "metadata"), "annotations").putAll(optOuts);
    }
    return raw;
  }

  /** This spec with only {@code kept} of its changes (a reproduction, or the spec without its stricter changes). */
  Spec with(List<Change> kept) {
    return new Spec(seed, index, kind, List.copyOf(kept));
  }

  /** The changes not marked as deliberately refused. */
  List<Change> lenientChanges() {
    return changes.stream().filter(c -> c.stricterIn(kind).isEmpty()).toList();
  }

  /** The stricter rules the changes are marked with. */
  List<StricterRule> stricterRules() {
    return changes.stream().map(c -> c.stricterIn(kind)).flatMap(Optional::stream).distinct().toList();
  }

  @Override
  public String toString() {
    return kind + " #" + index + " (seed " + seed + "): "
        + changes.stream().map(Change::id).collect(Collectors.joining("; "));
  }
}
