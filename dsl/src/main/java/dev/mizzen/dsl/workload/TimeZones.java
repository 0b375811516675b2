package dev.mizzen.dsl.workload;

import dev.mizzen.validation.internal.Validation;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a CronJob's {@code timeZone} as the API server does ({@code validateTimeZone}): each
 * {@code /}-separated part 1-14 of {@code A-Za-z0-9.-_+}, not {@code .} or {@code ..}, not
 * starting with {@code -}; not {@code Local}; and a zone of the IANA time zone database. The
 * API server asks Go's copy of the database, Mizzen asks Java's: the two agree on every
 * region name except Java's {@code SystemV/...} zones (refused here, unknown to Go) and a few
 * legacy or very new names only Go knows ({@code EST}, {@code GMT+0}, ...), which are refused
 * here as well.
 */
final class TimeZones {
  private static final Pattern PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");
  private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

  private TimeZones() {}

  /** Records a problem at {@code v} unless {@code zone} is a time zone name the API server accepts. */
  static void validate(Validation v, String zone) {
    if (zone.isEmpty()) {
      v.problem("must not be empty: leave it out for the controller manager's zone, or give an IANA name"
          + " such as Europe/Berlin or Etc/UTC");
      return;
    }
    if (zone.toLowerCase(Locale.ROOT).equals("local")) {
      v.problem("must be an explicit IANA time zone name such as Europe/Berlin, was '%s': leave timeZone out"
          + " to use the controller manager's zone", zone);
      return;
    }
    v.check(isKnown(zone), "must be an IANA time zone name such as Europe/Berlin or Etc/UTC, was '%s'", zone);
  }

  /** Whether the API server's rules and Java's zone database both accept {@code zone}. */
  static boolean isKnown(String zone) {
    for (String part : zone.split("/", -1)) {
      if (part.equals(".") || part.equals("..") || part.startsWith("-") || !PART.matcher(part).matches()) {
        return false;
      }
    }
    return KNOWN.contains(zone) && !zone.startsWith("SystemV/");
  }
}
