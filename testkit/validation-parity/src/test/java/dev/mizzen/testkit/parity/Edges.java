package dev.mizzen.testkit.parity;

import java.util.List;
import java.util.Random;

/** Values at the edges of the rules: lengths at a limit and one past, character classes, numbers around a bound. */
final class Edges {
  private Edges() {}

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** {@code n} characters: lower-case letters and digits, starting with a letter. */
  static String label(int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? 'a' : (char) ('a' + (i % 26)));
    }
    return s.toString();
  }

  /** A DNS-1123 subdomain of exactly {@code n} characters (labels of at most 63 joined by dots). */
  static String subdomain(int n) {
    StringBuilder s = new StringBuilder(n);
    while (s.length() < n) {
      if (s.length() > 0) {
        s.append('.');
      }
      int left = n - s.length();
      s.append(label(Math.min(63, left == 1 ? 1 : left)));
    }
    return s.substring(0, n).endsWith(".") ? s.substring(0, n - 1) + "a" : s.substring(0, n);
  }

  /** Names around the DNS-1123 label and subdomain rules. */
  static String name(Random random) {
    return pick(random, "a", "web", "web-1", label(52), label(53), label(63), label(64), subdomain(253),
        subdomain(254), "web.v1", "Web", "web_1", "-web", "web-", "1web", "", "web..v1", "w\u00e9b");
  }

  /** Label keys around the qualified-name rule. */
  static String labelKey(Random random) {
    return pick(random, "tier", "example.com/tier", "Example.com/tier", "example.com/" + label(63),
        "example.com/" + label(64), subdomain(253) + "/a", subdomain(254) + "/a", "/tier", "example.com/",
        "tier_x", "tier.x", "-tier", "tier-", "a/b/c", "", label(63), label(64), "kubernetes.io/tier");
  }

  /** Label values around the label-value rule. */
  static String labelValue(Random random) {
    return pick(random, "", "v", "v1.2_3-4", label(63), label(64), "-v", "v-", "V", "a b", "a/b", "\u00e9");
  }

  /** Integers around 0 and the 32-bit limits. */
  static int int32(Random random) {
    return pick(random, -1, 0, 1, 2, 100, Integer.MAX_VALUE, Integer.MIN_VALUE);
  }

  /** Port numbers around 1..65535. */
  static int port(Random random) {
    return pick(random, -1, 0, 1, 80, 8080, 65535, 65536);
  }

  /** IANA service names (port names) around their rule. */
  static String portName(Random random) {
    return pick(random, "http", "h", "a1", label(15), label(16), "HTTP", "1234", "a--b", "-ab", "ab-", "a_b", "");
  }
}
