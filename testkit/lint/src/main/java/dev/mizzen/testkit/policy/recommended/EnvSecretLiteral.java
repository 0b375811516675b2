package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1EnvVar;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code env-secret-literal}: no secret-looking environment variable has a literal value.
 *
 * <p>A name looks secret when it contains {@code PASSWORD}, {@code PASSWD} or {@code SECRET}, or
 * has a segment (between {@code _}, {@code -}, {@code .}) {@code TOKEN}, {@code KEY} or
 * {@code APIKEY}, case-insensitively, unless its last segment says it holds a reference
 * ({@code FILE}, {@code PATH}, {@code DIR}, {@code NAME}, {@code REF}, {@code URL}, {@code URI},
 * {@code HOST}, {@code PORT}, {@code ENDPOINT}). Values that are only a number,
 * {@code true}/{@code false}, or a {@code $(VAR)} reference are not secrets.
 */
final class EnvSecretLiteral extends PodRule {
  private static final Set<String> SECRET_SEGMENTS = Set.of("TOKEN", "KEY", "APIKEY");
  private static final Set<String> REFERENCE_SUFFIXES = Set.of("FILE", "PATH", "DIR", "NAME", "REF", "URL", "URI",
      "HOST", "PORT", "ENDPOINT");

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
        if (var.getValueFrom() == null && isLiteralSecret(var.getValue()) && looksSecret(var.getName())) {
          context.report(c.path("env[" + var.getName() + "].value"), c.describe() + " sets \"" + var.getName()
              + "\" to a literal value; a secret must come from valueFrom.secretKeyRef");
        }
      }
    }
  }

  static boolean looksSecret(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    int lastStart = 0;
    boolean secretSegment = false;
    int start = 0;
    for (int i = 0; i <= upper.length(); i++) {
      if (i == upper.length() || isSeparator(upper.charAt(i))) {
        if (i > start && SECRET_SEGMENTS.contains(upper.substring(start, i))) {
          secretSegment = true;
        }
        lastStart = start;
        start = i + 1;
      }
    }
    if (REFERENCE_SUFFIXES.contains(upper.substring(Math.min(lastStart, upper.length())))) {
      return false;
    }
    return secretSegment || upper.contains("PASSWORD") || upper.contains("PASSWD") || upper.contains("SECRET");
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
