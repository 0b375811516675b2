package dev.mizzen.dsl.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's {@code time.ParseDuration}; every row was checked against Go itself. */
class GoDurationTest {

  static Stream<Arguments> parsed() {
    return Stream.of(
        Arguments.of("1h", 3_600_000_000_000L),
        Arguments.of("1h30m", 5_400_000_000_000L),
        Arguments.of("1.5h", 5_400_000_000_000L),
        Arguments.of(".5h", 1_800_000_000_000L),
        Arguments.of("1.h", 3_600_000_000_000L),
        Arguments.of("0", 0L),
        Arguments.of("+0", 0L),
        Arguments.of("-0", 0L),
        Arguments.of("0s", 0L),
        Arguments.of("0.0s", 0L),
        Arguments.of("1ns", 1L),
        Arguments.of("1us", 1_000L),
        Arguments.of("1\u00b5s", 1_000L),
        Arguments.of("1\u03bcs", 1_000L),
        Arguments.of("1ms", 1_000_000L),
        Arguments.of("3m4s5ms", 184_005_000_000L),
        Arguments.of("5m.5s", 300_500_000_000L),
        Arguments.of("-1s", -1_000_000_000L),
        Arguments.of("+1s", 1_000_000_000L),
        Arguments.of("1.0000000000000000000001h", 3_600_000_000_000L),
        Arguments.of("0.000000000000000000000000001s", 0L),
        Arguments.of("2562047h", 9_223_369_200_000_000_000L),
        Arguments.of("2562047h47m16.854775807s", Long.MAX_VALUE),
        Arguments.of("9223372036854775807ns", Long.MAX_VALUE));
  }

  @ParameterizedTest
  @MethodSource("parsed")
  void parsesLikeGo(String text, long nanos) {
    assertThat(GoDuration.parseNanos(text)).contains(nanos);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".s", "1", "00", "h", "1H", "1d", "1e3s", "1h-1m", "1h 30m", " 1h", "1h ", "++1s",
      "1s1", "2562047h47m16.854775808s", "9223372036854775808ns", "99999999999999999999ns", "9999999999h"})
  void refusesWhatGoRefuses(String text) {
    assertThat(GoDuration.parseNanos(text)).isEmpty();
  }
}
