package dev.mizzen.dsl.resources;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing, bounds and canonical rendering of Kubernetes quantities, as
 * k8s.io/apimachinery/pkg/api/resource does them. Package-private: the public face is
 * {@link Cpu}, {@link Memory}, {@link Storage} and {@link ExtendedResource}.
 */
final class Quantities {

  /** The largest quantity the API server keeps ({@code 2^63-1}); larger values it silently caps. */
  static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The finest precision the API server keeps (1n); finer values it silently rounds up. */
  static final int MAX_SCALE = 9;

  private static final Pattern SYNTAX =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(.*)");
  private static final Pattern EXPONENT = Pattern.compile("[eE]([+-]?[0-9]{1,4})");

  private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
      "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
      "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
  private static final String[] DECIMAL_BY_EXPONENT = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
  private static final String[] BINARY_BY_POWER = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigInteger KI = BigInteger.valueOf(1024);

  private Quantities() {}

  /** A parsed quantity: its exact value and how it was written. */
  record Parsed(BigDecimal value, QuantityFormat format) {}

  /**
   * Parses a Kubernetes quantity ({@code 250m}, {@code 1.5}, {@code 512Mi}, {@code 1G},
   * {@code 1e3}). {@code what} names the kind of quantity in error messages.
   *
   * @throws IllegalArgumentException if {@code text} is not a quantity, is more precise than
   *     1n or larger than {@code 2^63-1}
   */
  static Parsed parse(String what, String text) {
    if (text == null) {
      throw new IllegalArgumentException(what + " quantity must not be null");
    }
    Matcher matcher = SYNTAX.matcher(text);
    if (!matcher.matches()) {
      throw notAQuantity(what, text);
    }
    BigDecimal number = new BigDecimal(matcher.group(1).startsWith("+")
        ? matcher.group(1).substring(1) : matcher.group(1));
    String suffix = matcher.group(2);
    Parsed parsed;
    Integer decimal = DECIMAL_SUFFIXES.get(suffix);
    Integer binary = BINARY_SUFFIXES.get(suffix);
    Matcher exponent = EXPONENT.matcher(suffix);
    if (decimal != null) {
      parsed = new Parsed(number.scaleByPowerOfTen(decimal), QuantityFormat.DECIMAL_SI);
    } else if (binary != null) {
      parsed = new Parsed(new BigDecimal(number.unscaledValue().shiftLeft(binary), number.scale()), QuantityFormat.BINARY_SI);
    } else if (exponent.matches()) {
      parsed = new Parsed(number.scaleByPowerOfTen(Integer.parseInt(exponent.group(1))),
          QuantityFormat.DECIMAL_EXPONENT);
    } else {
      throw notAQuantity(what, text);
    }
    return new Parsed(checked(what, text, parsed.value()), parsed.format());
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
   */
  static BigDecimal checked(String what, Object shown, BigDecimal value) {
    BigDecimal normalized = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (normalized.scale() > MAX_SCALE) {
      throw new IllegalArgumentException(String.format(
          "%s quantity %s is more precise than Kubernetes keeps (1n = 10^-9)", what, shown));
    }
    if (normalized.abs().compareTo(MAX) > 0) {
      throw new IllegalArgumentException(String.format(
          "%s quantity %s is larger than Kubernetes keeps (2^63-1)", what, shown));
    }
    return normalized;
  }

  /** The format of {@code left + right}: the left's, unless the left is zero (as the API server does). */
  static QuantityFormat sumFormat(BigDecimal left, QuantityFormat leftFormat, QuantityFormat rightFormat) {
    return left.signum() == 0 ? rightFormat : leftFormat;
  }

  /** Whether {@code value} is a whole number. */
  static boolean isInteger(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  /** The canonical text of a quantity, exactly as the API server renders it ({@code Quantity.String()}). */
  static String format(BigDecimal value, QuantityFormat format) {
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
  static Quantity toQuantity(BigDecimal value, QuantityFormat format) {
    return switch (format) {
      case BINARY_SI -> isInteger(value)
          ? new Quantity(value.setScale(0), Quantity.Format.BINARY_SI)
          : new Quantity(value, Quantity.Format.DECIMAL_SI);
      case DECIMAL_SI -> new Quantity(value, Quantity.Format.DECIMAL_SI);
      case DECIMAL_EXPONENT -> new Quantity(value, Quantity.Format.DECIMAL_EXPONENT);
    };
  }

  /** A plain-number rendering of a value for messages ({@code 1.5}, {@code 1000}). */
  static String plain(BigDecimal value) {
    return value.toPlainString();
  }
}
