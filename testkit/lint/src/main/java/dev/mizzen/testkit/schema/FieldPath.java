package dev.mizzen.testkit.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A field path inside an object, built while walking and rendered only when a finding needs it:
 * {@code spec.template.spec.containers[0].ports[0].containerPort}, map keys in brackets
 * ({@code metadata.labels[app.kubernetes.io/name]}).
 */
final class FieldPath {
  static final FieldPath ROOT = new FieldPath(null, null, false);

  private final FieldPath parent;
  private final String segment;
  private final boolean bracketed;

  private FieldPath(FieldPath parent, String segment, boolean bracketed) {
    this.parent = parent;
    this.segment = segment;
    this.bracketed = bracketed;
  }

  FieldPath field(String name) {
    return new FieldPath(this, name, false);
  }

  FieldPath index(int index) {
    return new FieldPath(this, Integer.toString(index), true);
  }

  FieldPath key(String key) {
    return new FieldPath(this, key, true);
  }

  boolean isRoot() {
    return parent == null;
  }

  /** The last segment: a field name, or the index or key without brackets. */
  String last() {
    return segment;
  }

  FieldPath parent() {
    return parent;
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(64);
    append(out);
    return out.toString();
  }

  private void append(StringBuilder out) {
    if (parent == null) {
      return;
    }
    parent.append(out);
    if (bracketed) {
      out.append('[').append(segment).append(']');
    } else {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(segment);
    }
  }

  /** A parsed segment of a path string: a field name, or a bracketed index, key or element name. */
  record Segment(String text, boolean bracketed) {}

  /** Splits {@code a.b[0].c[key.with.dots]} into its segments. */
  static List<Segment> parse(String path) {
    List<Segment> segments = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[') {
        int close = path.indexOf(']', i + 1);
        if (close < 0) {
          close = n;
        }
        segments.add(new Segment(path.substring(i + 1, close), true));
        i = close + 1;
      } else {
        int end = i;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        segments.add(new Segment(path.substring(i, end), false));
        i = end;
      }
    }
    return segments;
  }
}
