package dev.mizzen.dsl.render;

import java.util.List;
import java.util.Map;

/**
 * Writes plain trees ({@link ObjectTree}'s, or any of {@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean} and {@code null}) as JSON: maps and lists one entry per line with
 * two-space indentation down to {@code expandedLevels}, on one line below
 * ({@code {"a": 1, "b": [2, 3]}}). Strings escape the quote, the backslash and control
 * characters, and U+2028 and U+2029 as Go's {@code encoding/json} does, so the output is safe
 * inside JavaScript too.
 */
final class JsonWriter {
  private final StringBuilder out;
  private final int expandedLevels;

  JsonWriter(StringBuilder out, int expandedLevels) {
    this.out = out;
    this.expandedLevels = expandedLevels;
  }

  /** Writes {@code value} at nesting {@code level} (0 for the root), indented by {@code 2 * level}. */
  void value(Object value, int level) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        separator(first, level);
        first = false;
        string(String.valueOf(entry.getKey()));
        out.append(": ");
        value(entry.getValue(), level + 1);
      }
      close('}', level);
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        separator(first, level);
        first = false;
        value(item, level + 1);
      }
      close(']', level);
    } else if (value instanceof String text) {
      string(text);
    } else if (value == null || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Number number && isFinite(number)) {
      out.append(number);
    } else {
      throw new IllegalArgumentException("a JSON tree holds maps, lists, strings, finite numbers, booleans"
          + " and null, not " + (value instanceof Number ? value : "a " + value.getClass().getName())
          + " (Manifests.tree turns a client-java object into a tree)");
    }
  }

  private void separator(boolean first, int level) {
    if (level < expandedLevels) {
      out.append(first ? "\n" : ",\n");
      indent(level + 1);
    } else if (!first) {
      out.append(", ");
    }
  }

  private void close(char bracket, int level) {
    if (level < expandedLevels) {
      out.append('\n');
      indent(level);
    }
    out.append(bracket);
  }

  private static boolean isFinite(Number number) {
    return !(number instanceof Double d && !Double.isFinite(d)) && !(number instanceof Float f && !Float.isFinite(f));
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void indent(int level) {
    for (int i = 0; i < 2 * level; i++) {
      out.append(' ');
    }
  }
}
