package dev.mizzen.testkit.schema;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The values of YAML scalars as kubectl's YAML decoding (go-yaml v2, YAML 1.1) reads them:
 * {@code yes}, {@code on} and a plain {@code y} are booleans, {@code 010} is octal, {@code 1.0} is
 * a number; timestamps and sexagesimal-looking text ({@code 10:30}) stay strings. Quoted scalars
 * are always strings.
 */
final class YamlScalars {
  private static final Resolver RESOLVER = new Resolver();
  /** Plain words YAML 1.1 (go-yaml v2) resolves to booleans. */
  private static final Map<String, Object> WORDS = words();

  private YamlScalars() {}

  /** The value of a scalar event: resolved when plain and untagged, by its tag otherwise. */
  static Object value(ScalarEvent event) {
    String value = event.getValue();
    String tag = event.getTag();
    if (tag == null || tag.equals("!")) {
      return event.getImplicit().canOmitTagInPlainScalar() ? resolve(value) : value;
    }
    return typed(Tag.STR.getValue().equals(tag) ? Tag.STR : new Tag(tag), value);
  }

  /** A plain scalar's value, as YAML 1.1 (go-yaml v2) resolves it. */
  static Object resolve(String value) {
    if (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null")
        || value.equals("NULL")) {
      return null;
    }
    char first = value.charAt(0);
    if (Character.isLetter(first)) {
      // Only booleans and null start with a letter; numbers and timestamps never do. go-yaml v2,
      // behind kubectl's YAML decoding, also takes a plain y/Y/n/N for a boolean.
      return value.length() > 5 ? value : WORDS.getOrDefault(value, value);
    }
    if (first >= '1' && first <= '9' && value.length() < 10 && isDigits(value)) {
      return Integer.parseInt(value);
    }
    return typed(RESOLVER.resolve(NodeId.scalar, value, true), value);
  }

  private static boolean isDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static Object typed(Tag tag, String text) {
    if (Tag.STR.equals(tag)) {
      return text;
    }
    if (Tag.INT.equals(tag)) {
      return integer(text);
    }
    if (Tag.BOOL.equals(tag)) {
      return bool(text);
    }
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.FLOAT.equals(tag)) {
      return floating(text);
    }
    // Timestamps, !!binary and custom tags stay text, as JSON would carry them.
    return text;
  }

  private static Object integer(String text) {
    if (text.indexOf(':') >= 0) {
      // YAML 1.1 sexagesimal (1:30); go-yaml v2 leaves it a string, and so does kubectl.
      return text;
    }
    String digits = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    int sign = 1;
    if (digits.startsWith("-")) {
      sign = -1;
      digits = digits.substring(1);
    } else if (digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    BigInteger value;
    if (digits.startsWith("0x")) {
      value = new BigInteger(digits.substring(2), 16);
    } else if (digits.startsWith("0b")) {
      value = new BigInteger(digits.substring(2), 2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      value = new BigInteger(digits.substring(1), 8);
    } else if (digits.length() < 18) {
      long small = sign * Long.parseLong(digits);
      return small == (int) small ? (Object) (int) small : (Object) small;
    } else {
      value = new BigInteger(digits);
    }
    value = sign < 0 ? value.negate() : value;
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private static Object floating(String text) {
    if (text.indexOf(':') >= 0) {
      return text;
    }
    String digits = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    switch (digits.toLowerCase(Locale.ROOT)) {
      case ".inf", "+.inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-.inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case ".nan" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
          return text;
        }
      }
    }
  }

  private static Map<String, Object> words() {
    Map<String, Object> words = new HashMap<>();
    for (String word : List.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")) {
      words.put(word, Boolean.TRUE);
    }
    for (String word : List.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")) {
      words.put(word, Boolean.FALSE);
    }
    return Map.copyOf(words);
  }

  private static Boolean bool(String text) {
    return switch (text) {
      case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> Boolean.TRUE;
      default -> Boolean.FALSE;
    };
  }
}
