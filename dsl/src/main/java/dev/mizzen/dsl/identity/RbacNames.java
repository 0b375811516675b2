package dev.mizzen.dsl.identity;

import dev.mizzen.validation.internal.Validation;

/** The API server's rule for names RBAC refers to ({@code ValidateRBACName}: a path segment). */
final class RbacNames {
  private RbacNames() {}

  /** Not empty, not {@code .} or {@code ..}, no {@code /} or {@code %}. */
  static boolean checkPathSegment(Validation v, String name) {
    if (!v.check(name != null && !name.isEmpty(), "must not be empty")) {
      return false;
    }
    return v.check(!name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("%"),
        "must not be '.' or '..' or contain '/' or '%%', was '%s'", name);
  }
}
