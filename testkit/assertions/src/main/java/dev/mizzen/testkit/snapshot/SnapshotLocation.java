package dev.mizzen.testkit.snapshot;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.regex.Pattern;

/** Where a test's snapshots live: {@code src/test/resources/<package>/__snapshots__/<Class>/<name>.yaml}. */
final class SnapshotLocation {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
  /** The classes between a test and the stack walk, skipped to find the test. */
  private static final java.util.Set<Class<?>> OWN = java.util.Set.of(
      Snapshot.class, SnapshotFile.class, SnapshotLocation.class);

  private SnapshotLocation() {}

  /** The snapshot of the calling test: its method's name unless {@code name} is given. */
  static Path ofCaller(String name) {
    StackWalker.StackFrame caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames
            .filter(frame -> !OWN.contains(frame.getDeclaringClass()))
            .findFirst())
        .orElseThrow(() -> new IllegalStateException("no caller of Snapshot on the stack"));
    return of(caller.getDeclaringClass(), name != null ? name : methodName(caller.getMethodName()));
  }

  static Path of(Class<?> testClass, String name) {
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException(
          "snapshot name must be letters, digits, '.', '_' and '-' (not \"..\"), was " + name);
    }
    Class<?> owner = testClass;
    while (owner.isAnonymousClass() || owner.isLocalClass() || owner.isSynthetic()) {
      owner = owner.getEnclosingClass();
    }
    String packageName = owner.getPackageName();
    String className = packageName.isEmpty() ? owner.getName() : owner.getName().substring(packageName.length() + 1);
    Path directory = root(owner);
    if (!packageName.isEmpty()) {
      directory = directory.resolve(packageName.replace('.', '/'));
    }
    return directory.resolve("__snapshots__").resolve(className.replace('$', '.')).resolve(name + ".yaml");
  }

  /** {@code lambda$rendersShop$0} is {@code rendersShop}. */
  private static String methodName(String method) {
    if (method.startsWith("lambda$")) {
      int end = method.indexOf('$', "lambda$".length());
      return end > 0 ? method.substring("lambda$".length(), end) : method;
    }
    return method;
  }

  /**
   * {@code src/test/resources} of the module that holds {@code testClass}: found by walking up
   * from its compiled classes ({@code target/test-classes}, {@code build/classes/java/test}) to a
   * directory with {@code src/test}; else under the working directory.
   */
  private static Path root(Class<?> testClass) {
    String configured = System.getProperty(Snapshot.DIRECTORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path module = moduleOf(testClass);
    return (module != null ? module : Path.of("")).resolve("src/test/resources");
  }

  private static Path moduleOf(Class<?> testClass) {
    CodeSource source = testClass.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      for (Path directory = location; directory != null; directory = directory.getParent()) {
        if (Files.isDirectory(directory.resolve("src/test"))) {
          return directory;
        }
      }
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      // Not a file location (a jar in a remote repository, ...): fall back to the working directory.
    }
    return null;
  }
}
