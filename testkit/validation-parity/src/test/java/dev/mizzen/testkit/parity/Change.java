package dev.mizzen.testkit.parity;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One change to a valid base spec, made twice: through the DSL's builders ({@link #dsl}) and by
 * hand in the rendered base object ({@link #raw}), as a user would edit the manifest.
 *
 * @param id what the change is, with its value: the reproduction a failure prints
 * @param slot the builder attribute it sets: one change per slot in a spec (the builders are strict)
 * @param stricter the documented rule by which the DSL refuses this change in an object of a
 *     kind although the API server accepts it, if the change is one the DSL means to refuse
 */
record Change(String id, String slot, BiFunction<Change, Kind, Optional<StricterRule>> stricter,
    Consumer<Draft> dsl, Consumer<RawObject> raw) {

  static Change of(String slot, String id, Consumer<Draft> dsl, Consumer<RawObject> raw) {
    return new Change(id, slot, (change, kind) -> Optional.empty(), dsl, raw);
  }

  /** This change, marked as refused by the DSL on purpose when {@code when} holds. */
  Change stricterWhen(boolean when, StricterRule rule) {
    return when ? stricterWhen(kind -> true, rule) : this;
  }

  /** This change, marked as refused by the DSL on purpose in objects of the kinds {@code when} holds for. */
  Change stricterWhen(java.util.function.Predicate<Kind> when, StricterRule rule) {
    BiFunction<Change, Kind, Optional<StricterRule>> before = stricter;
    return new Change(id, slot, (change, kind) -> when.test(kind) ? Optional.of(rule) : before.apply(change, kind),
        dsl, raw);
  }

  /** The rule marking this change in an object of {@code kind}. */
  Optional<StricterRule> stricterIn(Kind kind) {
    return stricter.apply(this, kind);
  }

  @Override
  public String toString() {
    return id;
  }
}
