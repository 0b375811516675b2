package dev.mizzen.dsl.render;

import java.util.List;
import java.util.Map;

/** Writes {@link ObjectTree} trees as pretty-printed JSON (two-space indentation). */
final class JsonWriter {
  private final StringBuilder out;

  JsonWriter(StringBuilder out) {
    this.out = out;
  }

  void value(Object value, int indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "\n" : ",\n");
        first = false;
        indent(indent + 2);
        string(String.valueOf(entry.getKey()));
        out.append(": ");
        value(entry.getValue(), indent + 2);
      }
      out.append('\n');
      indent(indent);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "\n" : ",\n");
        first = false;
        indent(indent + 2);
        value(item, indent + 2);
      }
      out.append('\n');
      indent(indent);
      out.append(']');
    } else if (value instanceof String text) {
      string(text);
    } else {
      out.append(value);
    }
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

  private void indent(int spaces) {
    for (int i = 0; i < spaces; i++) {
      out.append(' ');
    }
  }
}
