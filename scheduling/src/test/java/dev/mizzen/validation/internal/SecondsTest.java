package dev.mizzen.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.validation.Problem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondsTest {

  private static List<String> problems(Duration duration, long min, long max) {
    Validation v = Validation.of("pod/x");
    boolean ok = Seconds.check(v.field("f"), duration, min, max);
    assertThat(ok).isEqualTo(!v.hasProblems());
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void formatsDurationsAsSeconds() {
    assertThat(Seconds.format(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(Seconds.format(Duration.ofMillis(250))).isEqualTo("0.25s");
    assertThat(Seconds.format(Duration.ofMillis(-500))).isEqualTo("-0.5s");
    assertThat(Seconds.format(Duration.ofMinutes(2))).isEqualTo("120s");
    assertThat(Seconds.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void wholeSecondsFirst() {
    assertThat(problems(Duration.ofMillis(1500), 0, Seconds.INT64))
        .containsExactly("pod/x: f: must be a whole number of seconds, was 1.5s");
    assertThat(problems(Duration.ofMillis(-500), 0, 30))
        .as("the range is not checked on top").containsExactly("pod/x: f: must be a whole number of seconds, was -0.5s");
  }

  @Test
  void aTypesOwnBoundIsNamedOnlyWhenExceeded() {
    assertThat(problems(Duration.ofSeconds(-1), 0, Seconds.INT32)).containsExactly("pod/x: f: must be at least 0s, was -1s");
    assertThat(problems(Duration.ofSeconds(Seconds.INT32 + 1), 0, Seconds.INT32))
        .containsExactly("pod/x: f: must be at most 2147483647s, was 2147483648s");
    assertThat(problems(Duration.ofSeconds(0), 1, Seconds.INT64)).containsExactly("pod/x: f: must be at least 1s, was 0s");
    assertThat(problems(Duration.ofSeconds(Long.MAX_VALUE), 1, Seconds.INT64)).isEmpty();
  }

  @Test
  void aTighterRangeIsShownWhole() {
    assertThat(problems(Duration.ofSeconds(31), 0, 30)).containsExactly("pod/x: f: must be 0s..30s, was 31s");
    assertThat(problems(Duration.ofSeconds(0), 1, 86400)).containsExactly("pod/x: f: must be 1s..86400s, was 0s");
    assertThat(problems(Duration.ofSeconds(30), 0, 30)).isEmpty();
  }

  @Test
  void int32FieldsTakeTheWholeSeconds() {
    assertThat(Seconds.toInt(Duration.ofSeconds(90))).isEqualTo(90);
  }
}
