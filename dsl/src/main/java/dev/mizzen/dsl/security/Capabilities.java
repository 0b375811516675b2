package dev.mizzen.dsl.security;

import dev.mizzen.validation.internal.Validation;
import java.util.regex.Pattern;

/** Linux capability names as the container runtime takes them ({@code NET_ADMIN}, without {@code CAP_}). */
final class Capabilities {
  /** The one capability Pod Security "restricted" lets a container add. */
  static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private Capabilities() {}

  /** Checks a capability name; {@code v} is positioned at the list entry. */
  static boolean check(Validation v, String name) {
    if (name.startsWith("CAP_")) {
      v.problem("must be a capability name without the CAP_ prefix, such as %s, was '%s'",
          name.substring(4), name);
      return false;
    }
    return v.check(NAME.matcher(name).matches(),
        "must be an upper-case capability name such as NET_ADMIN, was '%s'", name);
  }
}
