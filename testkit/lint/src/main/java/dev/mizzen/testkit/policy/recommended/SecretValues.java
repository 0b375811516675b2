package dev.mizzen.testkit.policy.recommended;

import java.util.List;
import java.util.Optional;

/**
 * What a literal environment value looks like: a real secret (an error to write down), a file
 * reference (fine), or anything else, such as a placeholder ({@code changeme}) or a short word.
 *
 * <p>A value looks like a real secret, in this order, when it
 * <ol>
 *   <li>holds a PEM block ({@code -----BEGIN });
 *   <li>starts with a known token prefix ({@link #TOKEN_PREFIXES}) followed by at least 8 more characters;
 *   <li>is 32 or more hex digits;
 *   <li>is 40 or more characters of the base64 alphabet with at least one digit, {@code +} or {@code /};
 *   <li>has high entropy: 16 or more characters without whitespace, mixing letters and digits,
 *       with a Shannon entropy of at least 3.5 bits per character (random passwords and keys have
 *       about 4; {@code Password1234!!!!} has 3.4, {@code changeme} 2.8).
 * </ol>
 */
final class SecretValues {
  /**
   * Prefixes of well-known credentials: GitHub ({@code ghp_}, {@code gho_}, {@code ghu_},
   * {@code ghs_}, {@code ghr_}, {@code github_pat_}), GitLab ({@code glpat-}), Slack
   * ({@code xoxa-}, {@code xoxb-}, {@code xoxp-}, {@code xoxr-}, {@code xoxs-}), AWS access keys
   * ({@code AKIA}, {@code ASIA}), Google API keys ({@code AIza}), Stripe ({@code sk_live_},
   * {@code rk_live_}) and npm ({@code npm_}).
   */
  static final List<String> TOKEN_PREFIXES = List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-",
      "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "AKIA", "ASIA", "AIza", "sk_live_", "rk_live_", "npm_");
  private static final int MIN_TOKEN_TAIL = 8;
  private static final int MIN_HEX = 32;
  private static final int MIN_BASE64 = 40;
  private static final int MIN_HIGH_ENTROPY = 16;
  private static final double HIGH_ENTROPY_BITS = 3.5;

  private SecretValues() {}

  /**
   * Why {@code value} looks like a real secret, in words for a message ({@code high entropy},
   * {@code token prefix "ghp_"}, never the value itself), or empty if it does not.
   */
  static Optional<String> realSecretSign(String value) {
    if (value.contains("-----BEGIN ")) {
      return Optional.of("PEM block");
    }
    if (hasWhitespace(value)) {
      return Optional.empty();
    }
    for (String prefix : TOKEN_PREFIXES) {
      if (value.startsWith(prefix) && value.length() >= prefix.length() + MIN_TOKEN_TAIL) {
        return Optional.of("token prefix \"" + prefix + "\"");
      }
    }
    if (value.length() >= MIN_HEX && all(value, SecretValues::isHex)) {
      return Optional.of("long hex");
    }
    if (value.length() >= MIN_BASE64 && all(value, SecretValues::isBase64)
        && value.chars().anyMatch(c -> Character.isDigit(c) || c == '+' || c == '/')) {
      return Optional.of("long base64");
    }
    if (value.length() >= MIN_HIGH_ENTROPY && value.chars().anyMatch(Character::isLetter)
        && value.chars().anyMatch(Character::isDigit) && entropy(value) >= HIGH_ENTROPY_BITS) {
      return Optional.of("high entropy");
    }
    return Optional.empty();
  }

  /** An absolute file path such as {@code /var/secrets/google/key.json}: where a secret is, not the secret. */
  static boolean isFileReference(String value) {
    return value.startsWith("/") && !hasWhitespace(value) && value.indexOf(':') < 0;
  }

  /** The Shannon entropy of {@code value}'s characters, in bits per character. */
  static double entropy(String value) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double bits = 0;
    double length = value.length();
    for (int count : counts) {
      if (count > 0) {
        bits -= count / length * (Math.log(count / length) / Math.log(2));
      }
    }
    if (other > 0) {
      bits -= other / length * (Math.log(other / length) / Math.log(2));
    }
    return bits;
  }

  private static boolean hasWhitespace(String value) {
    return value.chars().anyMatch(Character::isWhitespace);
  }

  private static boolean all(String value, java.util.function.IntPredicate test) {
    return value.chars().allMatch(test);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isBase64(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
  }
}
