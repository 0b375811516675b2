package dev.mizzen.quantity;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes resource quantities, read and written as k8s.io/apimachinery/pkg/api/resource does
 * it: the one quantity parser of Mizzen.
 *
 * <p>The syntax is {@code ParseQuantity}'s: an optional sign, a decimal number ({@code 1},
 * {@code 1.5}, {@code .5}, {@code 1.}) and a suffix that is a binary SI unit ({@code Ki} ..
 * {@code Ei}), a decimal SI unit ({@code n u m k M G T P E}, or none) or a decimal exponent
 * ({@code e3}, {@code E-2}, {@code e+3}), with surrounding white space, which the API server trims
 * when it decodes the JSON string ({@code Quantity.UnmarshalJSON}).
 *
 * <ul>
 *   <li>{@link #problem} / {@link #isValid}: whether the API server reads a text as a quantity,
 *       and if not, why (for the schema check).
 *   <li>{@link #read}: the exact value and format of a text the API server reads.
 *   <li>{@link #parse}: stricter, for values Mizzen builds: it refuses what the API server would
 *       silently change (round to 1n, cap at 2^63-1) and the digitless forms it reads as 0.
 *   <li>{@link #format} / {@link #toQuantity}: the canonical text, as the API server writes it.
 * </ul>
 */
public final class Quantities {

  /** The largest quantity the API server keeps ({@code 2^63-1}); larger values it silently caps. */
  public static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The finest precision the API server keeps (1n); finer values it silently rounds up. */
  public static final int MAX_SCALE = 9;

  /** The characters apimachinery's scanner takes into a suffix before its optional signed digits. */
  private static final String SUFFIX_CHARS = "eEinumkKMGTP";
  private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
      "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
      "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
  private static final String[] DECIMAL_BY_EXPONENT = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
  private static final String[] BINARY_BY_POWER = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigInteger KI = BigInteger.valueOf(1024);

  private Quantities() {}

  /** {@code text} without the leading and trailing white space Go's {@code unicode.IsSpace} knows. */
  private static String trimSpace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isGoSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isGoSpace(char c) {
    return c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r' || c == 0x85 || Character.isSpaceChar(c);
  }

  /** A quantity as written: its exact value and the way it renders. */
  public record Parsed(BigDecimal value, QuantityFormat format) {}

  /**
   * What apimachinery's scanner ({@code parseQuantityString}) and suffixer make of a text: sign,
   * digits before and after the point, the suffix as format and exponent; or why it refuses it.
   */
  private record Scan(boolean negative, String whole, String fraction, QuantityFormat format, long exponent,
      String problem) {

    static Scan refused(String problem) {
      return new Scan(false, "", "", QuantityFormat.DECIMAL_SI, 0, problem);
    }

    boolean hasDigits() {
      return !whole.isEmpty() || !fraction.isEmpty();
    }

    /** The exact value, with the exponent cut to 32 bits as apimachinery does; empty if it cannot be held. */
    Optional<BigDecimal> value() {
      String digits = whole + fraction;
      BigDecimal number = digits.isEmpty() ? BigDecimal.ZERO : new BigDecimal(new BigInteger(digits), fraction.length());
      if (negative) {
        number = number.negate();
      }
      try {
        return Optional.of(format == QuantityFormat.BINARY_SI
            ? new BigDecimal(number.unscaledValue().shiftLeft((int) exponent), number.scale())
            : number.scaleByPowerOfTen((int) exponent));
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
  }

  private static Scan scan(String written) {
    // Quantity.UnmarshalJSON trims the JSON string (strings.TrimSpace) before ParseQuantity.
    String text = trimSpace(written);
    if (text.isEmpty()) {
      return Scan.refused("is empty");
    }
    int pos = 0;
    int end = text.length();
    boolean negative = false;
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      negative = text.charAt(0) == '-';
      pos++;
    }
    int wholeStart = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    String whole = text.substring(wholeStart, pos);
    String fraction = "";
    if (pos < end && text.charAt(pos) == '.') {
      int fractionStart = ++pos;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
      fraction = text.substring(fractionStart, pos);
    }
    int suffixStart = pos;
    while (pos < end && SUFFIX_CHARS.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    String suffix = text.substring(suffixStart);
    if (pos == end) {
      Integer decimal = DECIMAL_SUFFIXES.get(suffix);
      if (decimal != null) {
        return new Scan(negative, whole, fraction, QuantityFormat.DECIMAL_SI, decimal, null);
      }
      Integer binary = BINARY_SUFFIXES.get(suffix);
      if (binary != null) {
        return new Scan(negative, whole, fraction, QuantityFormat.BINARY_SI, binary, null);
      }
      if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
        try {
          // strconv.ParseInt(s[1:], 10, 64): an optional sign and digits that fit in 64 bits
          long exponent = Long.parseLong(suffix.substring(1));
          return new Scan(negative, whole, fraction, QuantityFormat.DECIMAL_EXPONENT, exponent, null);
        } catch (NumberFormatException e) {
          // falls through to the problem
        }
      }
    }
    return Scan.refused(describe(suffix, suffixStart > 0));
  }

  /**
   * Why the API server ({@code resource.ParseQuantity}) would refuse {@code text} as a quantity
   * ({@code has the unknown unit "GB" (use Gi for binary units or G for decimal ones)}), or empty
   * when it reads it. Only the syntax: the API server reads {@code .}, {@code -} and {@code Mi} as
   * 0, and rounds and caps values silently.
   */
  public static Optional<String> problem(String text) {
    return Optional.ofNullable(scan(text).problem());
  }

  /** Whether the API server reads {@code text} as a quantity (see {@link #problem}). */
  public static boolean isValid(String text) {
    return scan(text).problem() == null;
  }

  /**
   * The exact value and format of {@code text} as the API server reads it, before it rounds to
   * 1n and caps at {@code 2^63-1}; empty when it is not a quantity ({@link #problem} says why).
   */
  public static Optional<Parsed> read(String text) {
    Scan scan = scan(text);
    if (scan.problem() != null) {
      return Optional.empty();
    }
    return scan.value().map(value -> new Parsed(normalized(value), scan.format()));
  }

  /**
   * Parses a quantity Mizzen is to write ({@code 250m}, {@code 1.5}, {@code 512Mi}, {@code 1G},
   * {@code 1e3}), refusing what the API server would not keep as written. {@code what} names the
   * kind of quantity in messages ({@code cpu}, {@code memory}).
   *
   * @throws IllegalArgumentException if {@code text} is not a quantity, has no digits ({@code .},
   *     {@code Mi}, {@code e3}, which the API server reads as 0), is more precise than 1n or
   *     larger than {@code 2^63-1}
   */
  public static Parsed parse(String what, String text) {
    if (text == null) {
      throw new IllegalArgumentException(what + " quantity must not be null");
    }
    Scan scan = scan(text);
    if (scan.problem() != null || !scan.hasDigits()) {
      throw notAQuantity(what, text);
    }
    // An exponent beyond 32 bits (apimachinery cuts it to 32 bits and reads another number) or
    // one that no BigDecimal holds: the value is 0, or far beyond the bounds.
    Optional<BigDecimal> value = scan.exponent() == (int) scan.exponent() ? scan.value() : Optional.empty();
    if (value.isEmpty()) {
      if ((scan.whole() + scan.fraction()).chars().allMatch(c -> c == '0')) {
        return new Parsed(BigDecimal.ZERO, scan.format());
      }
      throw scan.exponent() > 0 ? tooLarge(what, text) : tooPrecise(what, text);
    }
    return new Parsed(checked(what, text, value.get()), scan.format());
  }

  private static IllegalArgumentException notAQuantity(String what, String text) {
    return new IllegalArgumentException(String.format(
        "%s quantity '%s' is not a Kubernetes quantity: expected a decimal number with an optional"
            + " suffix n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent such as e3"
            + " (for example 250m, 1.5, 512Mi, 1G)", what, text));
  }

  /**
   * Normalizes {@code value} (no trailing zeros, so equal values are {@code equals}) and checks the
   * API server's bounds: at most 1n precision, at most {@code 2^63-1} in magnitude.
   *
   * @throws IllegalArgumentException naming {@code what} and showing {@code shown} otherwise
   */
  public static BigDecimal checked(String what, Object shown, BigDecimal value) {
    BigDecimal normalized = normalized(value);
    if (normalized.scale() > MAX_SCALE) {
      throw tooPrecise(what, shown);
    }
    if (normalized.abs().compareTo(MAX) > 0) {
      throw tooLarge(what, shown);
    }
    return normalized;
  }

  private static IllegalArgumentException tooPrecise(String what, Object shown) {
    return new IllegalArgumentException(String.format(
        "%s quantity %s is more precise than Kubernetes keeps (1n = 10^-9)", what, shown));
  }

  private static IllegalArgumentException tooLarge(String what, Object shown) {
    return new IllegalArgumentException(String.format(
        "%s quantity %s is larger than Kubernetes keeps (2^63-1)", what, shown));
  }

  private static BigDecimal normalized(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** The format of {@code left + right}: the left's, unless the left is zero (as the API server does). */
  public static QuantityFormat sumFormat(BigDecimal left, QuantityFormat leftFormat, QuantityFormat rightFormat) {
    return left.signum() == 0 ? rightFormat : leftFormat;
  }

  /** Whether {@code value} is a whole number. */
  public static boolean isInteger(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  /** The canonical text of a quantity, exactly as the API server renders it ({@code Quantity.String()}). */
  public static String format(BigDecimal value, QuantityFormat format) {
    if (value.signum() == 0) {
      return "0";
    }
    QuantityFormat effective = format;
    if (format == QuantityFormat.BINARY_SI
        && (value.abs().compareTo(BigDecimal.valueOf(1024)) < 0 || !isInteger(value))) {
      // Small or fractional binary quantities render as decimal SI, so nothing is rounded.
      effective = QuantityFormat.DECIMAL_SI;
    }
    if (effective == QuantityFormat.BINARY_SI) {
      BigInteger mantissa = value.toBigIntegerExact();
      int power = 0;
      while (mantissa.abs().compareTo(KI) >= 0 && mantissa.mod(KI).signum() == 0) {
        mantissa = mantissa.divide(KI);
        power++;
      }
      return mantissa + BINARY_BY_POWER[power];
    }
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    switch (Math.floorMod(exponent, 3)) {
      case 1 -> {
        mantissa = mantissa.multiply(BigInteger.TEN);
        exponent -= 1;
      }
      case 2 -> {
        mantissa = mantissa.multiply(BigInteger.valueOf(100));
        exponent -= 2;
      }
      default -> { }
    }
    if (effective == QuantityFormat.DECIMAL_EXPONENT) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    return mantissa + DECIMAL_BY_EXPONENT[exponent / 3 + 3];
  }

  /**
   * The client-java {@link Quantity} for a value; its serialized form ({@code toSuffixedString})
   * equals {@link #format} for every non-negative quantity.
   */
  public static Quantity toQuantity(BigDecimal value, QuantityFormat format) {
    return switch (format) {
      case BINARY_SI -> isInteger(value)
          ? new Quantity(value.setScale(0), Quantity.Format.BINARY_SI)
          : new Quantity(value, Quantity.Format.DECIMAL_SI);
      case DECIMAL_SI -> new Quantity(value, Quantity.Format.DECIMAL_SI);
      case DECIMAL_EXPONENT -> new Quantity(value, Quantity.Format.DECIMAL_EXPONENT);
    };
  }

  /** The client-java {@link Quantity} for a parsed quantity (see {@link #toQuantity(BigDecimal, QuantityFormat)}). */
  public static Quantity toQuantity(Parsed parsed) {
    return toQuantity(parsed.value(), parsed.format());
  }

  /** Why a quantity with this {@code suffix} after its number does not parse. */
  private static String describe(String suffix, boolean hasNumber) {
    String unit = suffix.strip();
    boolean letters = !unit.isEmpty() && unit.chars().allMatch(Character::isLetter);
    if (hasNumber && letters && !unit.equals(suffix)) {
      return "has a space between the number and the unit";
    }
    if (hasNumber && letters) {
      return "has the unknown unit \"" + unit + "\"" + hint(unit);
    }
    return "is not a number with an optional unit";
  }

  private static String hint(String suffix) {
    String upper = suffix.toUpperCase(Locale.ROOT);
    if (upper.length() == 2 && upper.endsWith("B") && "KMGTPE".indexOf(upper.charAt(0)) >= 0) {
      char unit = upper.charAt(0);
      String decimal = unit == 'K' ? "k" : String.valueOf(unit);
      return " (use " + unit + "i for binary units or " + decimal + " for decimal ones)";
    }
    if (upper.length() == 3 && upper.endsWith("IB") && "KMGTPE".indexOf(upper.charAt(0)) >= 0) {
      return " (write " + upper.charAt(0) + "i)";
    }
    if (suffix.equals("K")) {
      return " (use k or Ki)";
    }
    return "";
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
