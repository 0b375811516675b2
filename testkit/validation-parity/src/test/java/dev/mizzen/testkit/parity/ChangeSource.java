package dev.mizzen.testkit.parity;

import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** Draws changes of one kind of edit (a container port, a label, ...), its values biased to the edges of a rule. */
record ChangeSource(String slot, Set<Kind> kinds, Function<Random, Change> draw) {

  boolean appliesTo(Kind kind) {
    return kinds.contains(kind);
  }

  Change draw(Random random) {
    return draw.apply(random);
  }
}
