package dev.mizzen.dsl.workload;

import dev.mizzen.validation.internal.Validation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks CronJob schedules as the Kubernetes 1.33 API server does: robfig/cron v3's
 * {@code ParseStandard}, then no {@code TZ} anywhere in the schedule.
 *
 * <p>Accepted: five fields separated by whitespace (minute 0-59, hour 0-23, day of month 1-31,
 * month 1-12 or {@code jan}-{@code dec}, day of week 0-6 or {@code sun}-{@code sat}, names in
 * any case), each a comma-separated list of {@code *} or {@code ?} (every value), a value, or a
 * range {@code a-b}, each optionally followed by a step {@code /n} ({@code 5/15} means from 5 to
 * the maximum); or exactly one of {@code @yearly}, {@code @annually}, {@code @monthly},
 * {@code @weekly}, {@code @daily}, {@code @midnight}, {@code @hourly} and
 * {@code @every <Go duration>}, with no whitespace around it.
 *
 * <p>Stricter than the API server, because each is a mistake that makes a schedule mean
 * something other than it says: empty list elements ({@code 1,,2}, {@code ,}), a range
 * starting with {@code *} or {@code ?} ({@code *-5}, which robfig reads as {@code *}), and
 * {@code @every} with a duration that is not positive (robfig runs those every second).
 */
final class CronSchedule {
  static final List<String> DESCRIPTORS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  /** The five fields: name, bounds, and value names (month and weekday). */
  private enum Field {
    MINUTE("minute", 0, 59, Map.of()),
    HOUR("hour", 0, 23, Map.of()),
    DAY_OF_MONTH("day of month", 1, 31, Map.of()),
    MONTH("month", 1, 12, Map.ofEntries(
        Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
        Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
        Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12))),
    DAY_OF_WEEK("day of week", 0, 6, Map.of(
        "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6));

    final String label;
    final long min;
    final long max;
    final Map<String, Integer> names;

    Field(String label, long min, long max, Map<String, Integer> names) {
      this.label = label;
      this.min = min;
      this.max = max;
      this.names = names;
    }

    String accepted() {
      String range = min + "-" + max;
      if (this == MONTH) {
        return range + " or jan-dec";
      }
      if (this == DAY_OF_WEEK) {
        return range + " or sun-sat (0 is Sunday; 7 is not accepted)";
      }
      return range;
    }
  }

  private CronSchedule() {}

  /** Records a problem at {@code v} for each thing wrong with {@code schedule}. */
  static void validate(Validation v, String schedule) {
    for (String problem : problems(schedule)) {
      v.problem("%s, was '%s'", problem, schedule);
    }
  }

  /** What is wrong with {@code schedule}; empty when the API server accepts it. */
  static List<String> problems(String schedule) {
    List<String> problems = new ArrayList<>();
    if (schedule.isEmpty()) {
      problems.add("must not be empty: give five fields (minute hour day-of-month month day-of-week)"
          + " such as '0 3 * * *', or a descriptor such as '@daily'");
      return problems;
    }
    if (schedule.contains("TZ")) {
      problems.add("must not contain TZ or CRON_TZ: set timeZone(\"Europe/Berlin\") on the CronJob instead");
      return problems;
    }
    if (schedule.startsWith("@")) {
      descriptor(schedule).ifPresent(problems::add);
      return problems;
    }
    List<String> fields = goFields(schedule);
    if (fields.size() != 5) {
      String hint = fields.stream().anyMatch(f -> f.startsWith("@"))
          ? "; a descriptor such as @daily stands alone, with no whitespace around it"
          : "";
      problems.add("must have 5 fields (minute hour day-of-month month day-of-week), found "
          + fields.size() + hint);
      return problems;
    }
    Field[] kinds = Field.values();
    for (int i = 0; i < 5; i++) {
      String fieldProblem = field(fields.get(i), kinds[i]);
      if (fieldProblem != null) {
        problems.add(kinds[i].label + " field '" + fields.get(i) + "': " + fieldProblem);
      }
    }
    return problems;
  }

  private static Optional<String> descriptor(String schedule) {
    if (DESCRIPTORS.contains(schedule)) {
      return Optional.empty();
    }
    String every = "@every ";
    if (schedule.startsWith(every)) {
      String duration = schedule.substring(every.length());
      Optional<Long> nanos = GoDuration.parseNanos(duration);
      if (nanos.isEmpty()) {
        return Optional.of("@every needs a Go duration such as 90s, 15m or 1h30m (units ns, us, ms, s, m, h;"
            + " no spaces), found '" + duration + "'");
      }
      if (nanos.get() <= 0) {
        return Optional.of("@every needs a positive duration, found '" + duration + "'");
      }
      return Optional.empty();
    }
    return Optional.of("unknown descriptor: use one of " + String.join(", ", DESCRIPTORS)
        + " or '@every <duration>', with no whitespace around it");
  }

  /** One field: a comma-separated list of ranges. Null when valid. */
  private static String field(String field, Field kind) {
    String[] parts = field.split(",", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        return "has an empty list element; separate values with single commas";
      }
      String problem = range(part, kind);
      if (problem != null) {
        return parts.length == 1 ? problem : "'" + part + "' " + problem;
      }
    }
    return null;
  }

  /** {@code *}, {@code ?}, {@code n} or {@code a-b}, optionally with {@code /step}. Null when valid. */
  private static String range(String expr, Field kind) {
    String[] rangeAndStep = expr.split("/", -1);
    if (rangeAndStep.length > 2) {
      return "has more than one '/'";
    }
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean every = lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?");
    long start;
    long end;
    if (every) {
      if (lowAndHigh.length > 1) {
        return "cannot start a range with '" + lowAndHigh[0] + "', which already means every value;"
            + " write a range as a-b";
      }
      start = kind.min;
      end = kind.max;
    } else {
      if (lowAndHigh.length > 2) {
        return "has more than one '-'";
      }
      Long low = value(lowAndHigh[0], kind.names);
      Long high = lowAndHigh.length == 2 ? value(lowAndHigh[1], kind.names) : low;
      if (low == null || high == null) {
        return "needs values in " + kind.accepted();
      }
      start = low;
      end = high;
    }
    long step = 1;
    if (rangeAndStep.length == 2) {
      Long parsed = number(rangeAndStep[1]);
      if (parsed == null) {
        return "needs a positive whole number as the step after '/'";
      }
      step = parsed;
      if (!every && lowAndHigh.length == 1) {
        end = kind.max; // "5/15" means 5 to the maximum, every 15.
      }
    }
    if (start < kind.min || start > kind.max || end > kind.max) {
      return "needs values in " + kind.accepted();
    }
    if (start > end) {
      return "has a range that starts after it ends";
    }
    if (step == 0) {
      return "needs a positive whole number as the step after '/'";
    }
    return null;
  }

  /** A value: a name of {@code names} (any case) or a {@linkplain #number number}. */
  private static Long value(String text, Map<String, Integer> names) {
    Integer named = names.get(text.toLowerCase(Locale.ROOT));
    return named != null ? Long.valueOf(named) : number(text);
  }

  /** Go's {@code strconv.Atoi} of a non-negative number (an optional sign, ASCII digits, fits 64 bits). */
  private static Long number(String text) {
    if (!text.matches("[+-]?[0-9]+")) {
      return null;
    }
    BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    if (value.bitLength() > 63 || value.signum() < 0) {
      return null;
    }
    return value.longValueExact();
  }

  /** Go's {@code strings.Fields}: split around runs of Unicode white space. */
  static List<String> goFields(String text) {
    List<String> fields = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isGoSpace(text.charAt(i))) {
        if (start >= 0) {
          fields.add(text.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      fields.add(text.substring(start));
    }
    return fields;
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isGoSpace(char c) {
    if (c < 0x100) {
      return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
    }
    return Character.isSpaceChar(c);
  }
}
