package dev.mizzen.dsl.workload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code time.ParseDuration}, which the API server uses for {@code @every <duration>}
 * schedules: a possibly signed sequence of decimal numbers, each with an optional fraction and a
 * unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), such as
 * {@code 90s}, {@code 1h30m} or {@code 1.5h}; at most about 292 years.
 */
final class GoDuration {
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(63);
  private static final BigInteger MAX = LIMIT.subtract(BigInteger.ONE);
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "\u00b5s", 1_000L,
      "\u03bcs", 1_000L,
      "ms", 1_000_000L,
      "s", 1_000_000_000L,
      "m", 60_000_000_000L,
      "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** The duration in nanoseconds, or empty when Go would not parse {@code text}. */
  static Optional<Long> parseNanos(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Optional.of(0L);
    }
    if (s.isEmpty()) {
      return Optional.empty();
    }
    BigInteger total = BigInteger.ZERO;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || isDigit(c))) {
        return Optional.empty();
      }
      int start = i;
      BigInteger whole = BigInteger.ZERO;
      while (i < s.length() && isDigit(s.charAt(i))) {
        whole = whole.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
        if (whole.compareTo(LIMIT) > 0) {
          return Optional.empty();
        }
        i++;
      }
      boolean pre = i != start;
      boolean post = false;
      BigInteger fraction = BigInteger.ZERO;
      double scale = 1;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fractionStart = i;
        boolean overflow = false;
        while (i < s.length() && isDigit(s.charAt(i))) {
          // Like Go's leadingFraction: stop gaining precision instead of overflowing.
          if (!overflow) {
            BigInteger next = fraction.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
            if (fraction.compareTo(MAX.divide(BigInteger.TEN)) > 0 || next.compareTo(LIMIT) > 0) {
              overflow = true;
            } else {
              fraction = next;
              scale *= 10;
            }
          }
          i++;
        }
        post = i != fractionStart;
      }
      if (!pre && !post) {
        return Optional.empty();
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      Long unit = UNITS.get(s.substring(unitStart, i));
      if (unit == null) {
        return Optional.empty();
      }
      BigInteger unitNanos = BigInteger.valueOf(unit);
      if (whole.compareTo(LIMIT.divide(unitNanos)) > 0) {
        return Optional.empty();
      }
      BigInteger value = whole.multiply(unitNanos);
      if (fraction.signum() > 0) {
        value = value.add(new BigDecimal(fraction.doubleValue() * ((double) unit / scale)).toBigInteger());
        if (value.compareTo(LIMIT) > 0) {
          return Optional.empty();
        }
      }
      total = total.add(value);
      if (total.compareTo(LIMIT) > 0) {
        return Optional.empty();
      }
    }
    if (negative) {
      return Optional.of(total.negate().longValue());
    }
    if (total.compareTo(MAX) > 0) {
      return Optional.empty();
    }
    return Optional.of(total.longValueExact());
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
