package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code env-secret-literal}: no secret-looking environment variable has a literal value.
 *
 * <p>A name looks secret when it <em>ends</em> in a secret word: split into words at {@code _},
 * {@code -}, {@code .} and camelCase humps, case-insensitively, its last word is
 * {@code PASSWORD}, {@code PASSWD}, {@code PASSPHRASE}, {@code SECRET}, {@code TOKEN},
 * {@code CREDENTIALS} or {@code APIKEY}, or its last two are {@code API KEY}, {@code PRIVATE KEY},
 * {@code SECRET KEY} or {@code ACCESS KEY}. A {@code KEY} elsewhere ({@code CACHE_KEY_PREFIX},
 * {@code SORT_KEY}) and names that end in another word ({@code PASSWORD_FILE}, {@code TOKEN_TTL})
 * are not secret.
 *
 * <p>The finding is an ERROR when the value looks like a real secret ({@link SecretValues}: a PEM
 * block, a known token prefix, long hex or base64, high entropy) and a WARNING otherwise (it may
 * be a placeholder such as {@code changeme}). Values that are only a number, {@code true} or
 * {@code false}, a {@code $(VAR)} reference or an absolute file path are not secrets.
 */
final class EnvSecretLiteral extends PodRule {
  private static final Set<String> SECRET_LAST_WORDS = Set.of("PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN",
      "CREDENTIALS", "APIKEY");
  /** Words that make a last word {@code KEY} secret. */
  private static final Set<String> SECRET_KEY_QUALIFIERS = Set.of("API", "PRIVATE", "SECRET", "ACCESS");

  EnvSecretLiteral() {
    super("env-secret-literal", Severity.ERROR,
        "A secret written as a literal env value is stored in plain text in the manifest, in Git and in the API server.",
        "Put the value in a Secret and use env[].valueFrom.secretKeyRef (or mount the Secret as a file).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      List<V1EnvVar> env = c.container().getEnv();
      if (env == null) {
        continue;
      }
      for (V1EnvVar var : env) {
        String value = var.getValue();
        if (var.getValueFrom() != null || !isLiteralSecret(value) || !looksSecret(var.getName())) {
          continue;
        }
        String path = c.path("env[" + var.getName() + "].value");
        String sets = c.describe() + " sets \"" + var.getName() + "\" to a literal value";
        Optional<String> sign = SecretValues.realSecretSign(value);
        if (sign.isPresent()) {
          context.report(Severity.ERROR, path, sets + " that looks like a real secret (" + sign.get()
              + "); take it from valueFrom.secretKeyRef");
        } else if (!SecretValues.isFileReference(value)) {
          context.report(Severity.WARNING, path, sets
              + "; if it is a real secret (not a placeholder), take it from valueFrom.secretKeyRef");
        }
      }
    }
  }

  /** Whether {@code name} ends in a secret word (see the class comment). */
  static boolean looksSecret(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    List<String> words = words(name);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (SECRET_LAST_WORDS.contains(last)) {
      return true;
    }
    return last.equals("KEY") && words.size() >= 2 && SECRET_KEY_QUALIFIERS.contains(words.get(words.size() - 2));
  }

  /** The upper-cased words of {@code name}, split at {@code _}, {@code -}, {@code .} and before a camelCase hump. */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      boolean end = i == name.length();
      boolean separator = !end && isSeparator(name.charAt(i));
      boolean hump = !end && !separator && i > start && Character.isUpperCase(name.charAt(i))
          && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
      if (end || separator || hump) {
        if (i > start) {
          words.add(name.substring(start, i).toUpperCase(Locale.ROOT));
        }
        start = hump ? i : i + 1;
      }
    }
    return words;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.';
  }

  /** A non-empty value that is not a number, a boolean or only a {@code $(VAR)} reference. */
  static boolean isLiteralSecret(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.startsWith("$(") && value.endsWith(")") && value.indexOf(')') == value.length() - 1) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
