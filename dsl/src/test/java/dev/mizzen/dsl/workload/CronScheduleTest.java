package dev.mizzen.dsl.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CronJob schedules. The accepted and rejected tables were checked against the API server's own
 * parser (robfig/cron v3.0.1 {@code ParseStandard} plus the {@code TZ} check of
 * {@code validateScheduleFormat}), run on each schedule.
 */
class CronScheduleTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "0 3 * * *",
      "*/5 * * * *",
      "0 0 1 1 *",
      "59 23 31 12 6",
      "0-59 0-23 1-31 1-12 0-6",
      "0 9-17 * * mon-fri",
      "0 9-17 * * MON-FRI",
      "0 0 * jan,jul sun",
      "0 0 * JAN-Dec Sat",
      "0 0 * * mOn",
      "0 0 * * sun-sat",
      "0 0 ? * ?",
      "? ? ? ? ?",
      "5/15 * * * *",
      "5-50/5 * * * *",
      "*/1 * * * *",
      "*/100 * * * *",
      "*/9223372036854775807 * * * *",
      "?/5 * * * *",
      "0,15,30,45 * * * *",
      "+5 * * * *",
      "05 03 * * *",
      "0 3 * * */2",
      "0 3 * * 1/2",
      "0 0 * * 0-6/2",
      "  0 3 * * *  ",
      "0\t3\t*\t*\t*",
      "0\u00a03\u3000* * *",
      "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
      "@every 1h", "@every 1h30m", "@every 1.5h", "@every .5h", "@every 1.h", "@every 90s", "@every 100ms",
      "@every 1\u00b5s", "@every 1\u03bcs", "@every +1h", "@every 1h.5m", "@every 2562047h",
  })
  void acceptedLikeTheApiServer(String schedule) {
    assertThat(CronSchedule.problems(schedule)).isEmpty();
  }

  static Stream<Arguments> rejected() {
    String fields = "must have 5 fields (minute hour day-of-month month day-of-week), found ";
    String every = "@every needs a Go duration such as 90s, 15m or 1h30m (units ns, us, ms, s, m, h; no spaces), found ";
    String descriptor = "unknown descriptor: use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight,"
        + " @hourly or '@every <duration>', with no whitespace around it";
    String tz = "must not contain TZ or CRON_TZ: set timeZone(\"Europe/Berlin\") on the CronJob instead";
    String step = "needs a positive whole number as the step after '/'";
    return Stream.of(
        Arguments.of("", "must not be empty: give five fields (minute hour day-of-month month day-of-week) such as"
            + " '0 3 * * *', or a descriptor such as '@daily'"),
        Arguments.of("   ", fields + "0"),
        Arguments.of("* * * *", fields + "4"),
        Arguments.of("0 3 * * * *", fields + "6"),
        Arguments.of("60 * * * *", "minute field '60': needs values in 0-59"),
        Arguments.of("* 24 * * *", "hour field '24': needs values in 0-23"),
        Arguments.of("* * 0 * *", "day of month field '0': needs values in 1-31"),
        Arguments.of("* * 32 * *", "day of month field '32': needs values in 1-31"),
        Arguments.of("* * * 0 *", "month field '0': needs values in 1-12 or jan-dec"),
        Arguments.of("* * * 13 *", "month field '13': needs values in 1-12 or jan-dec"),
        Arguments.of("* * * january *", "month field 'january': needs values in 1-12 or jan-dec"),
        Arguments.of("* * * * 7", "day of week field '7': needs values in 0-6 or sun-sat (0 is Sunday; 7 is not"
            + " accepted)"),
        Arguments.of("* * * * sunday", "day of week field 'sunday': needs values in 0-6 or sun-sat (0 is Sunday;"
            + " 7 is not accepted)"),
        Arguments.of("0 0 * * fri-mon", "day of week field 'fri-mon': has a range that starts after it ends"),
        Arguments.of("0 0 * feb-jan *", "month field 'feb-jan': has a range that starts after it ends"),
        Arguments.of("5-1 * * * *", "minute field '5-1': has a range that starts after it ends"),
        Arguments.of("*/0 * * * *", "minute field '*/0': " + step),
        Arguments.of("*/-1 * * * *", "minute field '*/-1': " + step),
        Arguments.of("*/x * * * *", "minute field '*/x': " + step),
        Arguments.of("5/ * * * *", "minute field '5/': " + step),
        Arguments.of("*/99999999999999999999 * * * *", "minute field '*/99999999999999999999': " + step),
        Arguments.of("/5 * * * *", "minute field '/5': needs values in 0-59"),
        Arguments.of("-5 * * * *", "minute field '-5': needs values in 0-59"),
        Arguments.of("5- * * * *", "minute field '5-': needs values in 0-59"),
        Arguments.of("99999999999999999999 * * * *", "minute field '99999999999999999999': needs values in 0-59"),
        Arguments.of("1-2-3 * * * *", "minute field '1-2-3': has more than one '-'"),
        Arguments.of("1/2/3 * * * *", "minute field '1/2/3': has more than one '/'"),
        Arguments.of("0,15,75 * * * *", "minute field '0,15,75': '75' needs values in 0-59"),
        Arguments.of("0 0 L * *", "day of month field 'L': needs values in 1-31"),
        Arguments.of("0 0 1W * *", "day of month field '1W': needs values in 1-31"),
        Arguments.of("0 0 * * 5#3", "day of week field '5#3': needs values in 0-6 or sun-sat (0 is Sunday; 7 is"
            + " not accepted)"),
        Arguments.of("@Daily", descriptor),
        Arguments.of("@daily ", descriptor),
        Arguments.of("@reboot", descriptor),
        Arguments.of("@every", descriptor),
        Arguments.of("@ daily", descriptor),
        Arguments.of(" @daily", fields + "1; a descriptor such as @daily stands alone, with no whitespace around it"),
        Arguments.of("@every 1", every + "'1'"),
        Arguments.of("@every h", every + "'h'"),
        Arguments.of("@every ", every + "''"),
        Arguments.of("@every  1h", every + "' 1h'"),
        Arguments.of("@every 1h ", every + "'1h '"),
        Arguments.of("@every 1d", every + "'1d'"),
        Arguments.of("@every 2562048h", every + "'2562048h'"),
        Arguments.of("TZ=UTC 0 3 * * *", tz),
        Arguments.of("CRON_TZ=Europe/Berlin 0 3 * * *", tz),
        Arguments.of("0 3 * * * TZ", tz));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectedLikeTheApiServer(String schedule, String problem) {
    assertThat(CronSchedule.problems(schedule)).containsExactly(problem);
  }

  static Stream<Arguments> stricter() {
    String empty = "has an empty list element; separate values with single commas";
    return Stream.of(
        Arguments.of("1,,2 * * * *", "minute field '1,,2': " + empty),
        Arguments.of(",5 * * * *", "minute field ',5': " + empty),
        Arguments.of(", * * * *", "minute field ',': " + empty),
        Arguments.of("5, * * * *", "minute field '5,': " + empty),
        Arguments.of("*-5 * * * *", "minute field '*-5': cannot start a range with '*', which already means every"
            + " value; write a range as a-b"),
        Arguments.of("?-5 * * * *", "minute field '?-5': cannot start a range with '?', which already means every"
            + " value; write a range as a-b"),
        Arguments.of("@every 0", "@every needs a positive duration, found '0'"),
        Arguments.of("@every -1h", "@every needs a positive duration, found '-1h'"));
  }

  /** Schedules robfig accepts but reads differently from how they look; Mizzen refuses them. */
  @ParameterizedTest
  @MethodSource("stricter")
  void stricterThanTheApiServerWhereTheScheduleWouldMisleadTheReader(String schedule, String problem) {
    assertThat(CronSchedule.problems(schedule)).containsExactly(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"60 24 0 13 7"})
  void everyBadFieldIsReported(String schedule) {
    Validation v = Validation.of("CronJob/report");
    CronSchedule.validate(v.field("spec.schedule"), schedule);
    assertThat(v.problems()).extracting(Problem::toString).containsExactly(
        "CronJob/report: spec.schedule: minute field '60': needs values in 0-59, was '60 24 0 13 7'",
        "CronJob/report: spec.schedule: hour field '24': needs values in 0-23, was '60 24 0 13 7'",
        "CronJob/report: spec.schedule: day of month field '0': needs values in 1-31, was '60 24 0 13 7'",
        "CronJob/report: spec.schedule: month field '13': needs values in 1-12 or jan-dec, was '60 24 0 13 7'",
        "CronJob/report: spec.schedule: day of week field '7': needs values in 0-6 or sun-sat (0 is Sunday; 7 is not"
            + " accepted), was '60 24 0 13 7'");
  }

  @ParameterizedTest
  @ValueSource(strings = {" a\tb \u00a0c\u2003d\u3000e\u0085f ", "a b c d e f"})
  void fieldsSplitOnGoWhitespace(String text) {
    assertThat(CronSchedule.goFields(text)).isEqualTo(List.of("a", "b", "c", "d", "e", "f"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u200bb", "a\u001cb"})
  void notGoWhitespace(String text) {
    assertThat(CronSchedule.goFields(text)).hasSize(1);
  }
}
