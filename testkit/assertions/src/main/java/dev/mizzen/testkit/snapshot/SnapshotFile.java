package dev.mizzen.testkit.snapshot;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.testkit.schema.ManifestFile;
import dev.mizzen.testkit.schema.ManifestObject;
import dev.mizzen.testkit.schema.SchemaCheck;
import dev.mizzen.testkit.schema.SchemaFinding;
import dev.mizzen.testkit.schema.SchemaRule;
import io.kubernetes.client.common.KubernetesObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * One snapshot file and the assertions against it; see {@link Snapshot} for where files live and
 * how update mode works.
 */
public final class SnapshotFile {
  /** Findings that mean a YAML snapshot input would lose something when normalised. */
  private static final Set<SchemaRule> LOSSY = EnumSet.of(SchemaRule.PARSE_ERROR, SchemaRule.DUPLICATE_KEY,
      SchemaRule.UNKNOWN_FIELD, SchemaRule.WRONG_TYPE, SchemaRule.INVALID_FORMAT);
  private static final int MAX_LISTED = 40;

  private final Path path;
  private final boolean update;

  SnapshotFile(Path path, boolean update) {
    this.path = path;
    this.update = update;
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The same file, in update mode or not, whatever the system property and environment say. */
  public SnapshotFile withUpdateMode(boolean update) {
    return new SnapshotFile(path, update);
  }

  /** Asserts that the YAML of {@code objects}, as {@code Manifests.yaml} writes it, matches the file. */
  public void assertMatches(List<? extends KubernetesObject> objects) {
    compare(Manifests.yaml(objects));
  }

  /** Asserts that the YAML of {@code object} matches the file. */
  public void assertMatches(KubernetesObject object) {
    compare(Manifests.yaml(object));
  }

  /**
   * Asserts that the manifests in {@code yaml} (YAML or JSON, several documents, Lists) match the
   * file. Built-in kinds are normalised through their client-java models and
   * {@code Manifests.yaml}, so key order and formatting do not matter; when any object is of a
   * kind client-java has no model of (a custom resource), the text is kept as given, and the
   * comparison is still by field path.
   *
   * @throws IllegalArgumentException when {@code yaml} is unreadable or has unknown fields or
   *     values of the wrong type, which normalising would lose
   */
  public void assertMatches(String yaml) {
    compare(normalise(yaml));
  }

  static String normalise(String yaml) {
    ManifestFile file = ManifestFile.parse(yaml, "<snapshot input>");
    List<SchemaFinding> lossy = SchemaCheck.check(file).stream()
        .filter(finding -> LOSSY.contains(finding.rule()))
        .toList();
    if (!lossy.isEmpty()) {
      StringBuilder message = new StringBuilder("cannot normalise the YAML for a snapshot:");
      lossy.forEach(finding -> message.append("\n  ").append(finding));
      throw new IllegalArgumentException(message.toString());
    }
    List<KubernetesObject> objects = new ArrayList<>(file.objects().size());
    for (ManifestObject object : file.objects()) {
      if (object.object().isEmpty()) {
        return text(yaml);
      }
      objects.add(object.object().get());
    }
    return Manifests.yaml(objects);
  }

  private void compare(String actual) {
    if (!Files.exists(path)) {
      if (update) {
        write(actual, "created");
        return;
      }
      throw new AssertionFailedError("No snapshot at " + shown(path) + ". To create it, run the test with -D"
          + Snapshot.UPDATE_PROPERTY + "=true (or " + Snapshot.UPDATE_ENVIRONMENT
          + "=1), then review and commit the file.", null, actual);
    }
    String expected = read();
    if (expected.equals(actual)) {
      return;
    }
    List<String> differences = SnapshotDiff.between(expected, actual);
    if (update) {
      write(actual, differences.isEmpty() ? "reformatted" : "updated");
      return;
    }
    if (differences.isEmpty()) {
      // Only formatting differs (hand-edited, or written by an older version): same content.
      return;
    }
    StringBuilder message = new StringBuilder("Snapshot ").append(shown(path)).append(" does not match (")
        .append(differences.size()).append(differences.size() == 1 ? " difference" : " differences")
        .append("):");
    differences.stream().limit(MAX_LISTED).forEach(line -> message.append("\n  ").append(line));
    if (differences.size() > MAX_LISTED) {
      message.append("\n  ... and ").append(differences.size() - MAX_LISTED).append(" more");
    }
    message.append("\nIf the new output is right, rerun with -D").append(Snapshot.UPDATE_PROPERTY)
        .append("=true (or ").append(Snapshot.UPDATE_ENVIRONMENT).append("=1) and review the change.");
    throw new AssertionFailedError(message.toString(), expected, actual);
  }

  private String read() {
    try {
      return text(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + path, e);
    }
  }

  private void write(String yaml, String what) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(path, yaml, StandardCharsets.UTF_8);
      System.err.println("mizzen: " + what + " snapshot " + shown(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write snapshot " + path, e);
    }
  }

  /** Unix line endings and one final newline, whatever the editor or checkout did. */
  private static String text(String yaml) {
    String unix = yaml.replace("\r\n", "\n");
    return unix.isEmpty() || unix.endsWith("\n") ? unix : unix + "\n";
  }

  /** {@code path} relative to the working directory when it is below it. */
  private static String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path working = Path.of("").toAbsolutePath();
    return absolute.startsWith(working) ? working.relativize(absolute).toString() : absolute.toString();
  }

  @Override
  public String toString() {
    return "snapshot " + shown(path) + (update ? " (update mode)" : "");
  }
}
