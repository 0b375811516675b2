package dev.mizzen.validation.internal;

import java.util.regex.Pattern;

/**
 * The API server's rules for names, label keys and values, port names and config keys
 * (k8s.io/apimachinery/pkg/util/validation), as checks that report to a {@link Validation}.
 */
public final class Names {
  private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL_PATTERN = Pattern.compile(DNS1123_LABEL);
  private static final Pattern DNS1123_SUBDOMAIN_PATTERN =
      Pattern.compile(DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*");
  private static final Pattern DNS1035_LABEL_PATTERN = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_NAME_PART =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  public static final int DNS1123_LABEL_MAX = 63;
  public static final int DNS1123_SUBDOMAIN_MAX = 253;
  public static final int LABEL_VALUE_MAX = 63;
  public static final int PORT_NAME_MAX = 15;

  private Names() {}

  /** Object names of most kinds (Deployment, ConfigMap, ...): DNS-1123 subdomain, at most 253. */
  public static boolean checkDns1123Subdomain(Validation v, String value) {
    if (!v.check(value != null && !value.isEmpty(), "must not be empty")) {
      return false;
    }
    return v.check(value.length() <= DNS1123_SUBDOMAIN_MAX,
            "must be at most %d characters, was %d", DNS1123_SUBDOMAIN_MAX, value.length())
        & v.check(DNS1123_SUBDOMAIN_PATTERN.matcher(value).matches(),
            "must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-' and '.',"
                + " starting and ending with a letter or digit), was '%s'", value);
  }

  /** Namespace, container and volume names: DNS-1123 label, at most 63. */
  public static boolean checkDns1123Label(Validation v, String value) {
    if (!v.check(value != null && !value.isEmpty(), "must not be empty")) {
      return false;
    }
    return v.check(value.length() <= DNS1123_LABEL_MAX,
            "must be at most %d characters, was %d", DNS1123_LABEL_MAX, value.length())
        & v.check(DNS1123_LABEL_PATTERN.matcher(value).matches(),
            "must be a lowercase RFC 1123 label (lowercase letters, digits and '-',"
                + " starting and ending with a letter or digit), was '%s'", value);
  }

  /** Service names: DNS-1035 label, at most 63, starting with a letter. */
  public static boolean checkDns1035Label(Validation v, String value) {
    if (!v.check(value != null && !value.isEmpty(), "must not be empty")) {
      return false;
    }
    return v.check(value.length() <= DNS1123_LABEL_MAX,
            "must be at most %d characters, was %d", DNS1123_LABEL_MAX, value.length())
        & v.check(DNS1035_LABEL_PATTERN.matcher(value).matches(),
            "must be a lowercase RFC 1035 label (lowercase letters, digits and '-',"
                + " starting with a letter and ending with a letter or digit), was '%s'", value);
  }

  /** Label keys and the like: optional DNS-1123 subdomain prefix and '/', then a name of at most 63. */
  public static boolean checkQualifiedName(Validation v, String key) {
    return checkQualifiedName(v, key, false);
  }

  /**
   * Annotation keys ({@code ValidateAnnotations}): qualified names once lower-cased, so the
   * prefix may have upper-case letters ({@code Example.com/key}).
   */
  public static boolean checkAnnotationKey(Validation v, String key) {
    return checkQualifiedName(v, key, true);
  }

  private static boolean checkQualifiedName(Validation v, String key, boolean anyCase) {
    if (!v.check(key != null && !key.isEmpty(), "key must not be empty")) {
      return false;
    }
    String checked = anyCase ? toLowerCase(key) : key;
    String name = checked;
    int slash = checked.indexOf('/');
    boolean ok = true;
    if (slash >= 0) {
      String prefix = checked.substring(0, slash);
      name = checked.substring(slash + 1);
      ok &= v.check(!prefix.isEmpty() && prefix.length() <= DNS1123_SUBDOMAIN_MAX
              && DNS1123_SUBDOMAIN_PATTERN.matcher(prefix).matches(),
          anyCase
              ? "key '%s' must have a DNS subdomain prefix (at most 253 characters, any case) before '/'"
              : "key '%s' must have a lowercase DNS subdomain prefix (at most 253 characters) before '/'", key);
    }
    ok &= v.check(!name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME_PART.matcher(name).matches(),
        "key '%s' must have a name part of at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric", key);
    return ok;
  }

  /** Lower-cases code point by code point, as Go's {@code strings.ToLower} (no special casing). */
  private static String toLowerCase(String s) {
    StringBuilder lower = new StringBuilder(s.length());
    s.codePoints().forEach(c -> lower.appendCodePoint(Character.toLowerCase(c)));
    return lower.toString();
  }

  /** Label values: empty, or at most 63 alphanumerics, '-', '_' or '.', alphanumeric at both ends. */
  public static boolean checkLabelValue(Validation v, String value) {
    return v.check(value != null && value.length() <= LABEL_VALUE_MAX
            && LABEL_VALUE.matcher(value).matches(),
        "label value '%s' must be at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric", value);
  }

  /** Port names (IANA_SVC_NAME): at most 15 lowercase alphanumerics or '-', a letter, no '--', no '-' at the ends. */
  public static boolean checkPortName(Validation v, String name) {
    boolean ok = name != null
        && !name.isEmpty()
        && name.length() <= PORT_NAME_MAX
        && PORT_NAME_CHARS.matcher(name).matches()
        && HAS_LETTER.matcher(name).matches()
        && !name.contains("--")
        && !name.startsWith("-")
        && !name.endsWith("-");
    return v.check(ok, "port name must be at most 15 lowercase letters, digits or '-', contain a letter,"
        + " and not start, end or repeat '-', was '%s'", name);
  }

  /** Environment variable names, as every 1.33 API server accepts them (C identifier plus '-' and '.'). */
  public static boolean checkEnvVarName(Validation v, String name) {
    return v.check(name != null && ENV_VAR_NAME.matcher(name).matches(),
        "must consist of letters, digits, '_', '-' or '.', and not start with a digit, was '%s'", name);
  }

  /** Prefixes of envFrom: a C identifier or empty. */
  public static boolean isCIdentifier(String name) {
    return C_IDENTIFIER.matcher(name).matches();
  }

  /**
   * ConfigMap and Secret keys ({@code IsConfigMapKey}): at most 253 alphanumerics, '-', '_' or
   * '.', not '.' and not starting with '..' (the kubelet's atomic writer keeps its own files,
   * such as {@code ..data}, there).
   */
  public static boolean checkConfigKey(Validation v, String key) {
    if (!v.check(key != null && key.length() <= DNS1123_SUBDOMAIN_MAX && CONFIG_MAP_KEY.matcher(key).matches(),
        "key '%s' must be at most 253 alphanumerics, '-', '_' or '.'", key)) {
      return false;
    }
    return v.check(!key.equals(".") && !key.startsWith(".."),
        "key '%s' must not be '.' or start with '..'", key);
  }

  public static boolean isLabelValue(String value) {
    return value != null && value.length() <= LABEL_VALUE_MAX && LABEL_VALUE.matcher(value).matches();
  }

  public static boolean isDns1123Label(String value) {
    return value != null && value.length() <= DNS1123_LABEL_MAX && DNS1123_LABEL_PATTERN.matcher(value).matches();
  }

  public static boolean isDns1123Subdomain(String value) {
    return value != null && value.length() <= DNS1123_SUBDOMAIN_MAX
        && DNS1123_SUBDOMAIN_PATTERN.matcher(value).matches();
  }
}
