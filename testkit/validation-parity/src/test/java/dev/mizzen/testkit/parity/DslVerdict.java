package dev.mizzen.testkit.parity;

import dev.mizzen.dsl.meta.KubernetesResource;
import java.util.Optional;

/** The DSL's verdict on a spec: the built object, or why {@code build()} refused it. */
record DslVerdict(Optional<KubernetesResource> built, String message) {

  static DslVerdict of(Draft draft) {
    try {
      return new DslVerdict(Optional.of(draft.build()), "");
    } catch (IllegalArgumentException refused) {
      // InvalidSpecException, or a factory's precondition (Cpu.parse("."), Amount.parse("-1")).
      return new DslVerdict(Optional.empty(), refused.getMessage());
    }
  }

  boolean accepted() {
    return built.isPresent();
  }
}
