package dev.mizzen.dsl.render;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes {@link ObjectTree} trees as block-style YAML that YAML 1.1 and 1.2 readers (SnakeYAML,
 * go-yaml, sigs.k8s.io/yaml) read back to the same values: sequences at their key's
 * indentation as kubectl writes them, strings plain where unambiguous, otherwise double-quoted,
 * and multi-line strings as literal blocks.
 */
final class YamlWriter {
  /** Plain scalars: start with a letter, '_' or '/', then no YAML indicator sequences. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][-A-Za-z0-9_./:@=+,()*~ ]*");
  /** Kubernetes quantities and similar number-led words that no YAML resolver takes for numbers. */
  private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|Pi|Ei|M|G|T|P|E|n|u)");
  /** Words YAML 1.1 resolves to booleans or null. */
  private static final Set<String> RESERVED = Set.of(
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
      "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

  private final StringBuilder out;

  YamlWriter(StringBuilder out) {
    this.out = out;
  }

  /** Writes one document (a top-level mapping), without separator. */
  void document(Map<String, Object> tree) {
    if (tree.isEmpty()) {
      out.append("{}\n");
    } else {
      mapping(tree, 0);
    }
  }

  private void mapping(Map<?, ?> map, int indent) {
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        indent(indent);
      }
      first = false;
      String key = String.valueOf(entry.getKey());
      if (isPlain(key)) {
        out.append(key);
      } else {
        quoted(key);
      }
      out.append(':');
      value(entry.getValue(), indent, false);
    }
  }

  /** Writes a value after "key:" or "- ", ending the line. */
  private void value(Object value, int indent, boolean inSequence) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append(" {}\n");
      } else if (inSequence) {
        out.append(' ');
        mapping(map, indent + 2);
      } else {
        out.append('\n');
        indent(indent + 2);
        mapping(map, indent + 2);
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(" []\n");
        return;
      }
      out.append('\n');
      // kubectl style: a sequence under a key sits at the key's own indentation.
      int itemIndent = inSequence ? indent + 2 : indent;
      for (Object item : list) {
        indent(itemIndent);
        out.append('-');
        value(item, itemIndent, true);
      }
    } else {
      out.append(' ');
      if (value instanceof String text) {
        scalar(text, indent);
      } else {
        out.append(value);
      }
      out.append('\n');
    }
  }

  private void scalar(String text, int indent) {
    if (isPlain(text)) {
      out.append(text);
    } else if (isLiteralBlock(text)) {
      literalBlock(text, indent);
    } else {
      quoted(text);
    }
  }

  static boolean isPlain(String text) {
    if (text.isEmpty() || RESERVED.contains(text)) {
      return false;
    }
    if (PLAIN.matcher(text).matches()) {
      return !text.endsWith(" ") && !text.endsWith(":") && !text.contains(": ") && !text.contains(" #");
    }
    return QUANTITY.matcher(text).matches();
  }

  private static boolean isLiteralBlock(String text) {
    if (text.indexOf('\n') < 0 || text.startsWith(" ") || text.startsWith("\n")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\t' || (c < 0x20 && c != '\n') || c == 0x7f) {
        return false;
      }
      if (c == ' ' && (i + 1 == text.length() || text.charAt(i + 1) == '\n')) {
        return false;
      }
    }
    return true;
  }

  private void literalBlock(String text, int indent) {
    int trailing = 0;
    while (trailing < text.length() && text.charAt(text.length() - 1 - trailing) == '\n') {
      trailing++;
    }
    out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
    String body = text.substring(0, text.length() - trailing);
    for (String line : body.split("\n", -1)) {
      out.append('\n');
      if (!line.isEmpty()) {
        indent(indent + 2);
        out.append(line);
      }
    }
    for (int i = 1; i < trailing; i++) {
      out.append('\n');
    }
  }

  private void quoted(String text) {
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
          if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
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
