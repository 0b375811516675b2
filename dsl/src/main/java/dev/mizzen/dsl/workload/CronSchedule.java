package dev.mizzen.dsl.workload;

import dev.mizzen.validation.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks CronJob schedules as the API server does (robfig/cron's standard parser): five fields
 * (minute, hour, day of month, month, day of week) with {@code *}, {@code ?}, lists, ranges,
 * steps and month / weekday names, or one of {@code @yearly}, {@code @annually},
 * {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight}, {@code @hourly} and
 * {@code @every <duration>}. A {@code TZ=} or {@code CRON_TZ=} prefix is rejected: use
 * {@code timeZone} instead, as the API server requires.
 */
final class CronSchedule {
  private static final List<String> DESCRIPTORS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final String[] FIELD_NAMES = {"minute", "hour", "day of month", "month", "day of week"};
  private static final int[][] BOUNDS = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> DAYS = Map.of(
      "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);

  private CronSchedule() {}

  /** Records a problem at {@code v} unless {@code schedule} is valid. */
  static void validate(Validation v, String schedule) {
    String problem = problem(schedule);
    if (problem != null) {
      v.problem("%s, was '%s'", problem, schedule);
    }
  }

  /** What is wrong with {@code schedule}, or null. */
  static String problem(String schedule) {
    String s = schedule.trim();
    if (s.isEmpty()) {
      return "must not be empty";
    }
    if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
      return "must not carry a time zone (TZ= or CRON_TZ=): set timeZone instead";
    }
    if (s.startsWith("@")) {
      if (DESCRIPTORS.contains(s)) {
        return null;
      }
      if (s.startsWith("@every ")) {
        return goDuration(s.substring(7).trim()) ? null : "@every needs a duration such as 1h30m";
      }
      return "unknown descriptor; use one of " + DESCRIPTORS + " or @every <duration>";
    }
    String[] fields = s.split("\\s+");
    if (fields.length != 5) {
      return "must have 5 fields (minute hour day-of-month month day-of-week), found " + fields.length;
    }
    for (int i = 0; i < 5; i++) {
      String fieldProblem = field(fields[i], i);
      if (fieldProblem != null) {
        return FIELD_NAMES[i] + " field '" + fields[i] + "': " + fieldProblem;
      }
    }
    return null;
  }

  private static String field(String field, int index) {
    for (String part : field.split(",", -1)) {
      if (part.isEmpty()) {
        return "empty list element";
      }
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        try {
          step = Integer.parseInt(part.substring(slash + 1));
        } catch (NumberFormatException e) {
          return "step must be a number";
        }
        if (step <= 0) {
          return "step must be positive";
        }
      }
      if (range.equals("*") || range.equals("?")) {
        if (range.equals("?") && index != 2 && index != 4) {
          return "'?' is allowed only in day of month and day of week";
        }
        continue;
      }
      String[] ends = range.split("-", -1);
      if (ends.length > 2) {
        return "a range has one '-'";
      }
      Integer low = value(ends[0], index);
      Integer high = ends.length == 2 ? value(ends[1], index) : low;
      if (low == null || high == null) {
        return "values must be numbers" + (index == 3 ? " or month names" : index == 4 ? " or day names" : "")
            + " in " + BOUNDS[index][0] + ".." + BOUNDS[index][1];
      }
      if (low < BOUNDS[index][0] || high > BOUNDS[index][1]) {
        return "values must be in " + BOUNDS[index][0] + ".." + BOUNDS[index][1];
      }
      if (low > high) {
        return "range start must not be after its end";
      }
      if (slash >= 0 && ends.length == 1) {
        // "5/10" means from 5 to the maximum, every 10: accepted.
        continue;
      }
    }
    return null;
  }

  private static Integer value(String text, int index) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (index == 3 && MONTHS.containsKey(lower)) {
      return MONTHS.get(lower);
    }
    if (index == 4 && DAYS.containsKey(lower)) {
      return DAYS.get(lower);
    }
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
      return null;
    }
    return Integer.parseInt(text);
  }

  private static boolean goDuration(String text) {
    return text.matches("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");
  }
}
