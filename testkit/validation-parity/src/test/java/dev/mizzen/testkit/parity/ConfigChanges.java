package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.map;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/** Changes to ConfigMaps and Secrets (base: one entry {@code base=value}). */
final class ConfigChanges {
  private static final int MIB = 1 << 20;

  private ConfigChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("config.entry", EnumSet.of(Kind.CONFIG_MAP, Kind.SECRET), r -> {
      String key = pick(r, "app.conf", "..data", ".", "..", "..a", "a..", ".a", "a_b-c.d", Edges.label(253),
          Edges.label(254), "a b", "a/b", "", "\u00e9");
      return Change.of("config.entry", "key '" + key + "'",
          d -> d.on(Object.class,
              b -> entry(b, key, "v")),
          raw -> map(raw.tree(), "data").put(key, raw.kind() == Kind.SECRET ? base64("v") : "v"));
    }));
    all.add(new ChangeSource("config.size", EnumSet.of(Kind.CONFIG_MAP, Kind.SECRET), r -> {
      int bytes = pick(r, MIB - 5, MIB - 6, MIB - 4);
      boolean multiByte = r.nextBoolean();
      // With the base entry's 5 bytes ("value"), the total is MIB-1, MIB or MIB+1 bytes.
      String value = multiByte ? "\u00e9".repeat(bytes / 2) + "x".repeat(bytes % 2) : "x".repeat(bytes);
      return Change.of("config.size", "entry of " + bytes + " bytes (UTF-8)" + (multiByte ? ", multi-byte" : "")
              + ": data of " + (bytes + 5) + " bytes",
          d -> d.on(Object.class,
              b -> entry(b, "big", value)),
          raw -> map(raw.tree(), "data").put("big", raw.kind() == Kind.SECRET ? base64(value) : value));
    }));
    return all;
  }

  private static void entry(Object builder, String key, String value) {
    if (builder instanceof Secret.Builder secret) {
      secret.data(key, value);
    } else {
      ((ConfigMap.Builder) builder).data(key, value);
    }
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
