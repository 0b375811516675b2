package dev.mizzen.testkit.schema;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A manifest file read into Kubernetes objects: YAML (one or more documents separated by
 * {@code ---}) or JSON (an object or an array), where a {@code List} or any {@code *List} with
 * {@code items} stands for its items. Reading never throws for bad content: a syntax error
 * becomes {@link #parseError()} (the objects before it are kept), and problems found while
 * reading (duplicate keys, documents that are not objects) are in {@link #problems()}.
 *
 * <pre>{@code
 * ManifestFile file = ManifestFile.read(Path.of("deploy/web.yaml"));
 * for (ManifestObject object : file.objects()) {
 *   object.object(V1Deployment.class).ifPresent(deployment -> ...);
 * }
 * }</pre>
 */
public final class ManifestFile {
  private final String source;
  private final ImmutableList<ManifestObject> objects;
  private final ImmutableList<ListEnvelope> envelopes;
  private final ImmutableList<SchemaFinding> problems;
  private final SchemaFinding parseError;

  ManifestFile(String source, List<ManifestObject> objects, List<ListEnvelope> envelopes,
      List<SchemaFinding> problems, SchemaFinding parseError) {
    this.source = source;
    this.objects = ImmutableList.copyOf(objects);
    this.envelopes = ImmutableList.copyOf(envelopes);
    this.problems = ImmutableList.copyOf(problems);
    this.parseError = parseError;
  }

  /** Reads {@code text}, naming it {@code source} in locations (a file name, {@code <stdin>}, ...). */
  public static ManifestFile parse(String text, String source) {
    return ManifestReader.read(text, source);
  }

  /**
   * Reads {@code file} as UTF-8; its path is the source name.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ManifestFile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The source name. */
  public String source() {
    return source;
  }

  /** The objects, in source order, items of lists in place of the list. */
  public ImmutableList<ManifestObject> objects() {
    return objects;
  }

  /**
   * Problems found while reading, in source order: the syntax error if any, duplicate keys,
   * documents or list items that are not objects. The {@link SchemaCheck} reports them too.
   */
  public ImmutableList<SchemaFinding> problems() {
    return problems;
  }

  /** The syntax error that stopped reading, with its line, if the input is not readable. */
  public Optional<SchemaFinding> parseError() {
    return Optional.ofNullable(parseError);
  }

  /** Whether the whole input was readable YAML or JSON. */
  public boolean isReadable() {
    return parseError == null;
  }

  ImmutableList<ListEnvelope> envelopes() {
    return envelopes;
  }

  @Override
  public String toString() {
    return source + ": " + objects.size() + " objects" + (parseError == null ? "" : ", " + parseError);
  }

  /** A {@code List} or {@code *List} document, whose items are objects of their own. */
  record ListEnvelope(PositionedMap map, int document, String apiVersion, String kind) {}
}
