package dev.mizzen.testkit.snapshot;

import dev.mizzen.testkit.schema.ManifestFile;
import dev.mizzen.testkit.schema.ManifestObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The differences between two manifest streams, by object and field path, one line each:
 * {@code Deployment/shop/web: spec.replicas: expected 3, was 2}. Objects are matched by
 * {@code Kind/namespace/name}, list elements by {@code name} when every element has a distinct
 * one ({@code containers[web]}), otherwise by index.
 */
final class SnapshotDiff {
  private static final int MAX_VALUE = 80;

  private final List<String> lines = new ArrayList<>();
  /** The object being compared, whose schema tells map keys from fields. */
  private ManifestObject schema;

  private SnapshotDiff() {}

  /** The differences from {@code expected} to {@code actual}; empty when they hold the same objects. */
  static List<String> between(String expected, String actual) {
    SnapshotDiff diff = new SnapshotDiff();
    ManifestFile expectedFile = ManifestFile.parse(expected, "snapshot");
    if (!expectedFile.isReadable()) {
      diff.lines.add("the snapshot is not readable YAML: " + expectedFile.parseError().orElseThrow());
      return diff.lines;
    }
    diff.objects(byRef(expectedFile), byRef(ManifestFile.parse(actual, "actual")));
    return diff.lines;
  }

  private static Map<String, ManifestObject> byRef(ManifestFile file) {
    Map<String, ManifestObject> objects = new LinkedHashMap<>();
    for (ManifestObject object : file.objects()) {
      String ref = object.ref().isEmpty() ? "document " + object.document() : object.ref();
      String key = ref;
      for (int n = 2; objects.containsKey(key); n++) {
        key = ref + " #" + n;
      }
      objects.put(key, object);
    }
    return objects;
  }

  private void objects(Map<String, ManifestObject> expected, Map<String, ManifestObject> actual) {
    for (Map.Entry<String, ManifestObject> entry : expected.entrySet()) {
      ManifestObject other = actual.get(entry.getKey());
      if (other == null) {
        lines.add(entry.getKey() + ": removed (in the snapshot, not in the output)");
      } else {
        schema = other;
        value(entry.getKey(), "", entry.getValue().tree(), other.tree());
      }
    }
    for (String ref : actual.keySet()) {
      if (!expected.containsKey(ref)) {
        lines.add(ref + ": added (not in the snapshot)");
      }
    }
    List<String> expectedOrder = common(expected.keySet(), actual.keySet());
    List<String> actualOrder = common(actual.keySet(), expected.keySet());
    if (!expectedOrder.equals(actualOrder)) {
      lines.add("objects in another order: expected " + expectedOrder + ", was " + actualOrder);
    }
  }

  private void value(String object, String path, Object expected, Object actual) {
    if (Objects.equals(expected, actual)) {
      return;
    }
    if (expected instanceof Map<?, ?> expectedMap && actual instanceof Map<?, ?> actualMap) {
      map(object, path, expectedMap, actualMap);
    } else if (expected instanceof List<?> expectedList && actual instanceof List<?> actualList) {
      list(object, path, expectedList, actualList);
    } else if (expected instanceof String before && actual instanceof String after
        && (before.indexOf('\n') >= 0 || after.indexOf('\n') >= 0)) {
      lines(object, path, before, after);
    } else {
      lines.add(at(object, path) + "expected " + show(expected) + ", was " + show(actual));
    }
  }

  private void map(String object, String path, Map<?, ?> expected, Map<?, ?> actual) {
    boolean keyed = schema.isMapField(path);
    for (Map.Entry<?, ?> entry : expected.entrySet()) {
      String child = child(path, String.valueOf(entry.getKey()), keyed);
      if (!actual.containsKey(entry.getKey())) {
        lines.add(at(object, child) + "removed (expected " + show(entry.getValue()) + ")");
      } else {
        value(object, child, entry.getValue(), actual.get(entry.getKey()));
      }
    }
    for (Map.Entry<?, ?> entry : actual.entrySet()) {
      if (!expected.containsKey(entry.getKey())) {
        lines.add(at(object, child(path, String.valueOf(entry.getKey()), keyed)) + "added " + show(entry.getValue()));
      }
    }
  }

  private void list(String object, String path, List<?> expected, List<?> actual) {
    Map<String, Object> expectedByName = byName(expected);
    Map<String, Object> actualByName = byName(actual);
    if (expectedByName != null && actualByName != null) {
      for (Map.Entry<String, Object> entry : expectedByName.entrySet()) {
        String element = path + "[" + entry.getKey() + "]";
        if (!actualByName.containsKey(entry.getKey())) {
          lines.add(at(object, element) + "removed (expected " + show(entry.getValue()) + ")");
        } else {
          value(object, element, entry.getValue(), actualByName.get(entry.getKey()));
        }
      }
      for (Map.Entry<String, Object> entry : actualByName.entrySet()) {
        if (!expectedByName.containsKey(entry.getKey())) {
          lines.add(at(object, path + "[" + entry.getKey() + "]") + "added " + show(entry.getValue()));
        }
      }
      List<String> expectedOrder = common(expectedByName.keySet(), actualByName.keySet());
      List<String> actualOrder = common(actualByName.keySet(), expectedByName.keySet());
      if (!expectedOrder.equals(actualOrder)) {
        lines.add(at(object, path) + "order changed: expected " + expectedOrder + ", was " + actualOrder);
      }
      return;
    }
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      value(object, path + "[" + i + "]", expected.get(i), actual.get(i));
    }
    for (int i = common; i < expected.size(); i++) {
      lines.add(at(object, path + "[" + i + "]") + "removed (expected " + show(expected.get(i)) + ")");
    }
    for (int i = common; i < actual.size(); i++) {
      lines.add(at(object, path + "[" + i + "]") + "added " + show(actual.get(i)));
    }
  }

  /** The first line that differs between two multi-line strings. */
  private void lines(String object, String path, String expected, String actual) {
    String[] before = expected.split("\n", -1);
    String[] after = actual.split("\n", -1);
    int line = 0;
    while (line < before.length && line < after.length && before[line].equals(after[line])) {
      line++;
    }
    String was = line < after.length ? show(after[line]) : "the end of the text";
    String wanted = line < before.length ? show(before[line]) : "the end of the text";
    lines.add(at(object, path) + "line " + (line + 1) + ": expected " + wanted + ", was " + was);
  }

  /** The elements by name, when every element is a map with a distinct string name; else null. */
  private static Map<String, Object> byName(List<?> list) {
    if (list.isEmpty()) {
      return null;
    }
    Map<String, Object> byName = new LinkedHashMap<>();
    for (Object element : list) {
      if (!(element instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)
          || byName.put(name, element) != null) {
        return null;
      }
    }
    return byName;
  }

  private static List<String> common(Set<String> order, Set<String> other) {
    Set<String> keep = new HashSet<>(other);
    return order.stream().filter(keep::contains).toList();
  }

  /** {@code path.field}, or {@code path[key]} for a key of a map or one that is not a plain name. */
  private static String child(String path, String key, boolean keyed) {
    boolean field = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '$');
    if (keyed || !field) {
      return path + "[" + key + "]";
    }
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String at(String object, String path) {
    return path.isEmpty() ? object + ": " : object + ": " + path + ": ";
  }

  /** A value as it reads in YAML flow style, shortened. */
  static String show(Object value) {
    StringBuilder out = new StringBuilder();
    flow(value, out);
    return out.length() > MAX_VALUE ? out.substring(0, MAX_VALUE - 3) + "..." : out.toString();
  }

  private static void flow(Object value, StringBuilder out) {
    if (out.length() > MAX_VALUE) {
      return;
    }
    if (value instanceof String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\t' -> out.append("\\t");
          default -> out.append(c);
        }
      }
      out.append('"');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ", ").append(entry.getKey()).append(": ");
        flow(entry.getValue(), out);
        first = false;
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        flow(list.get(i), out);
      }
      out.append(']');
    } else {
      out.append(value);
    }
  }
}
