package dev.mizzen.testkit.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator without a server: deterministic, every kind, and no mistake of the catalogue. */
class SpecGeneratorTest {
  private static final int SPECS = 3000;

  @Test
  void aSeedGivesTheSameSpecsWhateverRanBefore() {
    SpecGenerator a = new SpecGenerator(7, Catalogue.all());
    SpecGenerator b = new SpecGenerator(7, Catalogue.all());
    a.spec(1);
    assertThat(a.spec(42).toString()).isEqualTo(b.spec(42).toString());
    assertThat(new SpecGenerator(8, Catalogue.all()).spec(42).toString()).isNotEqualTo(b.spec(42).toString());
  }

  @Test
  void everyBaseIsValid() {
    for (Kind kind : Kind.values()) {
      assertThat(new Draft(kind).build().kind()).as("%s", kind).isNotEmpty();
    }
  }

  @Test
  void specsCoverEveryKindAndBuildOrAreRefusedNeverFailOtherwise() {
    SpecGenerator generator = new SpecGenerator(20261203L, Catalogue.all());
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    List<String> broken = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < SPECS; i++) {
      Spec spec = generator.spec(i);
      kinds.add(spec.kind());
      try {
        DslVerdict verdict = spec.dslVerdict();
        spec.raw();
        if (verdict.accepted()) {
          accepted++;
          RawEquivalence.difference(spec, verdict).ifPresent(d -> broken.add(spec + ": " + d));
        }
      } catch (RuntimeException e) {
        broken.add(spec + ": " + e);
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
    assertThat(broken).as("specs the generator got wrong").isEmpty();
    assertThat(accepted).as("accepted specs").isBetween(SPECS / 5, SPECS * 4 / 5);
  }
}
