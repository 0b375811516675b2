package dev.mizzen.dsl.pod;

import dev.mizzen.validation.internal.Validation;
import java.util.List;

/** Checks of the file paths and modes that volumes project. */
final class Files {
  private Files() {}

  /** A projected file's path: non-empty, relative, no '..' component. */
  static void checkPath(Validation v, String path) {
    if (!v.check(!path.isEmpty(), "must not be empty")) {
      return;
    }
    v.check(!path.startsWith("/"), "must be a relative path, was '%s'", path);
    v.check(!List.of(path.split("/")).contains(".."), "must not contain '..', was '%s'", path);
  }

  /** A file mode: 0..0777, shown in octal. */
  static void checkMode(Validation v, int mode) {
    v.check(mode >= 0 && mode <= 0777, "must be 0..0777 (octal), was %s",
        mode < 0 ? Integer.toString(mode) : "0" + Integer.toOctalString(mode));
  }
}
