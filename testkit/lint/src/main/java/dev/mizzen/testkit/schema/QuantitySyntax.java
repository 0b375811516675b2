package dev.mizzen.testkit.schema;

import java.util.Optional;
import java.util.Set;

/**
 * The syntax of a Kubernetes resource quantity, as apimachinery's {@code ParseQuantity} reads it:
 * an optionally signed decimal number and a suffix that is a binary SI unit ({@code Ki} ..
 * {@code Ei}), a decimal SI unit ({@code n u m k M G T P E}) or a decimal exponent
 * ({@code e3}, {@code E-2}).
 */
final class QuantitySyntax {
  private static final Set<String> SUFFIXES =
      Set.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
  private static final String SUFFIX_CHARS = "eEinumkKMGTP";

  private QuantitySyntax() {}

  /** Why {@code text} is not a quantity, or empty when it is one. */
  static Optional<String> problem(String text) {
    if (text.isEmpty()) {
      return Optional.of("is empty");
    }
    int pos = 0;
    int end = text.length();
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      pos++;
    }
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < end && text.charAt(pos) == '.') {
      pos++;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
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
    if (pos == end && (SUFFIXES.contains(suffix) || isExponent(suffix))) {
      return Optional.empty();
    }
    return Optional.of(describe(suffix, suffixStart > 0));
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

  private static boolean isExponent(String suffix) {
    if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
      return false;
    }
    int i = 1;
    if (suffix.charAt(i) == '-' || suffix.charAt(i) == '+') {
      i++;
    }
    if (i == suffix.length()) {
      return false;
    }
    for (; i < suffix.length(); i++) {
      if (!isDigit(suffix.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String hint(String suffix) {
    String upper = suffix.toUpperCase(java.util.Locale.ROOT);
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
