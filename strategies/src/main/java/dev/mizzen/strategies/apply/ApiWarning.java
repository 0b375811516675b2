package dev.mizzen.strategies.apply;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A warning the API server gave while applying an object: a {@code Warning} response header, such
 * as a Pod Security {@code warn}-mode message or a deprecation. The object was applied all the
 * same; what {@code kubectl} prints as {@code Warning: ...}.
 *
 * @param object {@code Kind/namespace/name} of the applied object, as {@link ApplyException#object()} names it
 * @param text what the server said, e.g. {@code would violate PodSecurity "restricted:latest": privileged
 *     (container "web" must not set securityContext.privileged=true)}
 */
public record ApiWarning(String object, String text) {
  /** RFC 9111 {@code warn-code SP warn-agent SP quoted-string}: {@code 299 - "text"}, as the API server sends it. */
  private static final Pattern HEADER = Pattern.compile("\\d{3} \\S+ \"((?:[^\"\\\\]|\\\\.)*)\".*");
  private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

  public ApiWarning {
    requireNonNull(object, "object");
    requireNonNull(text, "text");
  }

  /**
   * The warning in one {@code Warning} header's value about {@code object}: the quoted text of
   * {@code 299 - "text"} unescaped, or a value of another form as it is.
   */
  public static ApiWarning fromHeader(String object, String header) {
    Matcher matcher = HEADER.matcher(header.strip());
    String text = matcher.matches() ? ESCAPE.matcher(matcher.group(1)).replaceAll("$1") : header.strip();
    return new ApiWarning(object, text);
  }

  /** {@code Deployment/shop/web: would violate PodSecurity ...}. */
  @Override
  public String toString() {
    return object + ": " + text;
  }
}
