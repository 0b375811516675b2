package dev.mizzen.strategies.rollout.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The differences between two JSON trees, one line per changed leaf, by field path:
 * {@code spec.template.spec.containers[0].image: web:1 → web:2}. Lists of different lengths are
 * shown whole. Pure.
 */
public final class JsonDiff {
  private JsonDiff() {}

  public static List<String> between(JsonElement before, JsonElement after, String path) {
    List<String> lines = new ArrayList<>();
    diff(before == null ? JsonNull.INSTANCE : before, after == null ? JsonNull.INSTANCE : after, path, lines);
    return lines;
  }

  private static void diff(JsonElement before, JsonElement after, String path, List<String> lines) {
    if (before.equals(after)) {
      return;
    }
    if (before.isJsonObject() && after.isJsonObject()) {
      JsonObject a = before.getAsJsonObject();
      JsonObject b = after.getAsJsonObject();
      TreeSet<String> keys = new TreeSet<>(a.keySet());
      keys.addAll(b.keySet());
      for (String key : keys) {
        diff(orNull(a.get(key)), orNull(b.get(key)), path.isEmpty() ? key : path + "." + key, lines);
      }
    } else if (before.isJsonArray() && after.isJsonArray()
        && before.getAsJsonArray().size() == after.getAsJsonArray().size()) {
      JsonArray a = before.getAsJsonArray();
      JsonArray b = after.getAsJsonArray();
      for (int i = 0; i < a.size(); i++) {
        diff(a.get(i), b.get(i), path + "[" + i + "]", lines);
      }
    } else {
      lines.add(path + ": " + show(before) + " → " + show(after));
    }
  }

  private static JsonElement orNull(JsonElement element) {
    return element == null ? JsonNull.INSTANCE : element;
  }

  private static String show(JsonElement element) {
    if (element.isJsonNull()) {
      return "(unset)";
    }
    return element.isJsonPrimitive() ? element.getAsJsonPrimitive().getAsString() : element.toString();
  }
}
