package dev.mizzen.dsl.security;

import dev.mizzen.validation.internal.Validation;
import java.util.Set;

/** Checks shared by {@link ContainerOptOut}s and {@link PodOptOut}s. */
final class OptOuts {
  private OptOuts() {}

  /**
   * Checks that the reason is one non-blank line and that this kind of opt-out ({@code what})
   * was not given before ({@code firstOfItsKind}); {@code at} is the field it relaxes.
   */
  static void check(Validation at, String what, String reason, boolean firstOfItsKind) {
    at.check(!reason.isBlank(), "the %s opt-out needs a reason (say what requires it), was blank", what);
    at.check(!reason.contains("\n") && !reason.contains("\r"),
        "the %s opt-out reason must be one line (it is recorded in an annotation)", what);
    at.check(firstOfItsKind, "the %s opt-out is given more than once", what);
  }

  /** Checks a localhost profile path (seccomp or AppArmor): non-empty, relative, no '..'. */
  static void checkLocalhostProfile(Validation at, String profile) {
    if (!at.check(!profile.isBlank(), "must not be empty")) {
      return;
    }
    at.check(!profile.startsWith("/"), "must be a path relative to the kubelet's profile root, was '%s'", profile);
    at.check(!Set.of(profile.split("/")).contains(".."), "must not contain '..', was '%s'", profile);
  }
}
