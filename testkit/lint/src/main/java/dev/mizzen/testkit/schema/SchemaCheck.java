package dev.mizzen.testkit.schema;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The strict schema check: reads YAML or JSON manifests and reports, without a cluster, what
 * the Kubernetes API server would refuse or warn about, each finding with its object, field path
 * and line.
 *
 * <ul>
 *   <li>{@code schema/parse-error}: the input is not readable YAML or JSON;
 *   <li>{@code schema/duplicate-key}: a key twice in one mapping;
 *   <li>{@code schema/unknown-field}: a field the type does not have, with a "did you mean";
 *   <li>{@code schema/wrong-type}: a string for an integer, a map for a list, ...;
 *   <li>{@code schema/invalid-format}: a quantity, date-time or base64 value that does not parse;
 *   <li>{@code schema/required}: apiVersion, kind, metadata.name, and the fields the API marks
 *       required (a container's name, a Deployment's selector and template, ...);
 *   <li>{@code schema/unknown-kind}, {@code schema/unknown-api-version}: kinds and versions
 *       Kubernetes does not have;
 *   <li>{@code schema/removed-api} (error) and {@code schema/deprecated-api} (warning), with the
 *       replacement.
 * </ul>
 *
 * <p>Custom resources (API groups with a dot that are not built in) are not checked beyond their
 * {@code metadata}. The schema is that of the client-java 25.0.0 models.
 *
 * <pre>{@code
 * List<SchemaFinding> findings = SchemaCheck.check(Path.of("deploy/web.yaml"));
 * findings.forEach(System.out::println);
 * }</pre>
 */
public final class SchemaCheck {
  /** By line (findings without one last), then column. */
  private static final Comparator<SchemaFinding> SOURCE_ORDER = (a, b) -> {
    int byLine = Integer.compare(sortLine(a), sortLine(b));
    return byLine != 0 ? byLine : Integer.compare(a.location().column(), b.location().column());
  };

  private SchemaCheck() {}

  private static int sortLine(SchemaFinding finding) {
    return finding.location().line() == 0 ? Integer.MAX_VALUE : finding.location().line();
  }

  /** Reads and checks {@code text}; {@code sourceName} names it in locations. */
  public static ImmutableList<SchemaFinding> check(String text, String sourceName) {
    return check(ManifestFile.parse(text, sourceName));
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static ImmutableList<SchemaFinding> check(Path file) {
    return check(ManifestFile.read(file));
  }

  /**
   * Checks an already read file: the problems found while reading, then each List envelope and
   * each object; findings in source order.
   */
  public static ImmutableList<SchemaFinding> check(ManifestFile file) {
    List<SchemaFinding> findings = new ArrayList<>(file.problems());
    for (ManifestFile.ListEnvelope envelope : file.envelopes()) {
      SchemaChecker.check(envelope, file.source(), findings);
    }
    for (ManifestObject object : file.objects()) {
      SchemaChecker.check(object, findings);
    }
    findings.sort(SOURCE_ORDER);
    return ImmutableList.copyOf(findings);
  }

  /** Checks one object. */
  public static ImmutableList<SchemaFinding> check(ManifestObject object) {
    List<SchemaFinding> findings = new ArrayList<>();
    SchemaChecker.check(object, findings);
    findings.sort(SOURCE_ORDER);
    return ImmutableList.copyOf(findings);
  }
}
