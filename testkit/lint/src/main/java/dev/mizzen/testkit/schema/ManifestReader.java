package dev.mizzen.testkit.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML or JSON stream into {@link PositionedMap}/{@link PositionedList} trees straight
 * from SnakeYAML's parser events (which carry line and column; skipping its node graph halves
 * the cost), and splits it into objects: one per
 * document, one per item of a {@code List} or {@code *List}, one per element of a top-level
 * array.
 *
 * <p>Scalars resolve as kubectl's YAML decoding (go-yaml v2, YAML 1.1) resolves them:
 * {@code yes}, {@code on} and a plain {@code y} are booleans, {@code 010} is octal, timestamps
 * stay strings.
 */
final class ManifestReader {
  /** Deeper than any real manifest, shallow enough to stop recursive aliases. */
  private static final int MAX_DEPTH = 500;
  /** As SnakeYAML's default, against "billion laughs" documents. */
  private static final int MAX_COLLECTION_ALIASES = 50;

  private final String source;
  private final List<ManifestObject> objects = new ArrayList<>();
  private final List<ManifestFile.ListEnvelope> envelopes = new ArrayList<>();
  private final List<SchemaFinding> problems = new ArrayList<>();
  private final List<Duplicate> duplicates = new ArrayList<>();
  private final Map<String, Object> anchors = new HashMap<>();
  private int collectionAliases;
  private SchemaFinding parseError;

  private ManifestReader(String source) {
    this.source = source;
  }

  static ManifestFile read(String text, String source) {
    ManifestReader reader = new ManifestReader(source);
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    reader.readAll(isJson(content) ? content.replace('\t', ' ') : content);
    return new ManifestFile(source, reader.objects, reader.envelopes, reader.problems, reader.parseError);
  }

  /**
   * Whether {@code text} looks like JSON (starts with {@code {} or {@code [}). YAML refuses tabs
   * where JSON allows them as whitespace; valid JSON has no literal tab inside strings, so they can
   * become spaces without moving a column.
   */
  private static boolean isJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private void readAll(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setProcessComments(false);
    Parser parser = new ParserImpl(new StreamReader(text), options);
    int document = 0;
    try {
      parser.getEvent(); // stream start
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        parser.getEvent(); // document start
        anchors.clear();
        duplicates.clear();
        collectionAliases = 0;
        long position = position(parser.peekEvent());
        Object value = node(parser, FieldPath.ROOT, 0);
        parser.getEvent(); // document end
        classify(value, position, document);
        document++;
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      boolean indentation = problem.contains("<block end>") || problem.contains("mapping values are not allowed")
          || problem.contains("could not find expected ':'");
      parseError(document, mark, "cannot read YAML: " + problem
          + (e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark
              ? " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")"
              : "")
          + (indentation ? "; check the indentation and quote values that contain \": \"" : ""));
    } catch (Unreadable e) {
      parseError(document, e.mark, "cannot read YAML: " + e.getMessage());
    } catch (YAMLException e) {
      parseError(document, null, "cannot read YAML: " + e.getMessage());
    }
  }

  private void parseError(int document, Mark mark, String message) {
    parseError = SchemaFinding.of(SchemaRule.PARSE_ERROR)
        .object("")
        .path("")
        .message(message)
        .location(mark == null
            ? SourceLocation.of(source)
            : SourceLocation.of(source, mark.getLine() + 1, mark.getColumn() + 1))
        .document(document)
        .build();
    problems.add(parseError);
  }

  // ---- classification into objects -------------------------------------------------------------

  private void classify(Object value, long position, int document) {
    if (value == null) {
      reportDuplicates(document, null, null);
      return;
    }
    if (value instanceof PositionedMap map) {
      if (isList(map)) {
        list(map, document);
      } else {
        ManifestObject object = new ManifestObject(source, document, OptionalInt.empty(), map,
            string(map.get("apiVersion")), string(map.get("kind")), false);
        objects.add(object);
        reportDuplicates(document, object, null);
      }
    } else if (value instanceof PositionedList list) {
      List<ManifestObject> items = items(list, document, FieldPath.ROOT, null, null);
      reportDuplicates(document, null, items);
    } else {
      problems.add(SchemaFinding.of(SchemaRule.WRONG_TYPE)
          .object("")
          .path("")
          .message("a manifest document must be a map (a Kubernetes object with apiVersion and kind), was "
              + FieldType.describe(value, true))
          .location(location(position))
          .document(document)
          .build());
      reportDuplicates(document, null, null);
    }
  }

  /** A {@code List} or {@code *List} with {@code items}. */
  private static boolean isList(PositionedMap map) {
    return map.get("kind") instanceof String kind && kind.endsWith("List") && map.containsKey("items");
  }

  private void list(PositionedMap map, int document) {
    String apiVersion = string(map.get("apiVersion"));
    String kind = string(map.get("kind"));
    envelopes.add(new ManifestFile.ListEnvelope(map, document, apiVersion, kind));
    // Items of a typed list (DeploymentList) may leave out their own apiVersion and kind.
    String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
    String itemApiVersion = itemKind == null ? null : apiVersion;
    Object items = map.get("items");
    List<ManifestObject> objectsOfList = items instanceof PositionedList list
        ? items(list, document, FieldPath.ROOT.field("items"), itemApiVersion, itemKind)
        : List.of();
    // A wrong type of items is reported by the schema check of the envelope.
    reportDuplicates(document, null, objectsOfList);
  }

  private List<ManifestObject> items(
      PositionedList list, int document, FieldPath path, String apiVersion, String kind) {
    List<ManifestObject> items = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item instanceof PositionedMap map) {
        String itemApiVersion = string(map.get("apiVersion"));
        String itemKind = string(map.get("kind"));
        boolean inherited = false;
        if (apiVersion != null && !map.containsKey("apiVersion") && !map.containsKey("kind")) {
          itemApiVersion = apiVersion;
          itemKind = kind;
          inherited = true;
        }
        ManifestObject object = new ManifestObject(
            source, document, OptionalInt.of(i), map, itemApiVersion, itemKind, inherited);
        objects.add(object);
        items.add(object);
      } else {
        items.add(null);
        if (item != null) {
          problems.add(SchemaFinding.of(SchemaRule.WRONG_TYPE)
              .object("")
              .path(path.index(i).toString())
              .message("a list item must be a map (a Kubernetes object), was " + FieldType.describe(item, true))
              .location(location(list.position(i)))
              .document(document)
              .item(i)
              .build());
        }
      }
    }
    return items;
  }

  private void reportDuplicates(int document, ManifestObject single, List<ManifestObject> items) {
    for (Duplicate duplicate : duplicates) {
      String path = duplicate.path;
      ManifestObject owner = single;
      if (items != null) {
        int open = path.startsWith("items[") ? 5 : path.startsWith("[") ? 0 : -1;
        int close = open < 0 ? -1 : path.indexOf(']', open);
        if (close > open) {
          int index = Integer.parseInt(path.substring(open + 1, close));
          owner = index < items.size() ? items.get(index) : null;
          if (owner != null) {
            path = path.substring(close + 1);
            path = path.startsWith(".") ? path.substring(1) : path;
          }
        }
      }
      SchemaFinding.Builder finding = SchemaFinding.of(SchemaRule.DUPLICATE_KEY)
          .object(owner == null ? "" : owner.ref())
          .path(path)
          .message("duplicate key \"" + duplicate.key + "\" (first at line " + line(duplicate.previous)
              + "); the API server refuses duplicate keys")
          .location(location(duplicate.position))
          .document(document);
      if (owner != null) {
        finding.item(owner.item());
      }
      problems.add(finding.build());
    }
  }

  // ---- event conversion -----------------------------------------------------------------------

  /** Reads the next node (scalar, sequence, mapping or alias) from {@code parser}. */
  private Object node(Parser parser, FieldPath path, int depth) {
    Event event = parser.getEvent();
    if (depth > MAX_DEPTH) {
      throw new Unreadable(event.getStartMark(), "nested more than " + MAX_DEPTH + " levels deep");
    }
    Object value;
    String anchor;
    switch (event.getEventId()) {
      case Alias -> {
        String name = ((AliasEvent) event).getAnchor();
        if (!anchors.containsKey(name)) {
          throw new Unreadable(event.getStartMark(), "unknown (or recursive) alias *" + name);
        }
        value = anchors.get(name);
        if ((value instanceof PositionedMap || value instanceof PositionedList)
            && ++collectionAliases > MAX_COLLECTION_ALIASES) {
          throw new Unreadable(event.getStartMark(), "more than " + MAX_COLLECTION_ALIASES
              + " aliases to collections in one document");
        }
        return value;
      }
      case Scalar -> {
        ScalarEvent scalar = (ScalarEvent) event;
        value = YamlScalars.value(scalar);
        anchor = scalar.getAnchor();
      }
      case SequenceStart -> {
        PositionedList list = new PositionedList(position(event));
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
          long position = position(parser.peekEvent());
          list.append(node(parser, path.index(list.size()), depth + 1), position);
        }
        parser.getEvent();
        value = list;
        anchor = ((NodeEvent) event).getAnchor();
      }
      case MappingStart -> {
        value = mapping(parser, event, path, depth);
        anchor = ((NodeEvent) event).getAnchor();
      }
      default -> throw new Unreadable(event.getStartMark(), "unexpected " + event.getEventId());
    }
    if (anchor != null) {
      // Registered when complete, so that an alias inside its own anchor is refused.
      anchors.put(anchor, value);
    }
    return value;
  }

  private PositionedMap mapping(Parser parser, Event start, FieldPath path, int depth) {
    PositionedMap map = new PositionedMap(position(start));
    List<Object> merges = null;
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.peekEvent();
      long keyPosition = position(keyEvent);
      boolean merge = keyEvent instanceof ScalarEvent scalarKey && scalarKey.getTag() == null
          && scalarKey.getImplicit().canOmitTagInPlainScalar() && "<<".equals(scalarKey.getValue());
      Object keyValue = node(parser, FieldPath.ROOT, depth + 1);
      String key = keyValue == null ? "null" : keyValue.toString();
      long valuePosition = position(parser.peekEvent());
      Object value = node(parser, path.field(key), depth + 1);
      if (merge) {
        merges = merges == null ? new ArrayList<>() : merges;
        merges.add(value);
        continue;
      }
      long previous = map.append(key, value, keyPosition, valuePosition);
      if (previous >= 0) {
        duplicates.add(new Duplicate(path.toString(), key, keyPosition, previous));
      }
    }
    parser.getEvent();
    if (merges != null) {
      merge(map, merges);
    }
    return map;
  }

  /** YAML merge keys ({@code <<: *defaults}): entries of the merged maps that the map does not set. */
  private static void merge(PositionedMap map, List<Object> merges) {
    for (Object merged : merges) {
      List<?> sources = merged instanceof List<?> list ? list : List.of(merged);
      for (Object source : sources) {
        if (source instanceof PositionedMap from) {
          for (Map.Entry<String, Object> entry : from.entrySet()) {
            if (!map.containsKey(entry.getKey())) {
              map.append(entry.getKey(), entry.getValue(), from.keyPosition(entry.getKey()),
                  from.valuePosition(entry.getKey()));
            }
          }
        }
      }
    }
  }

  private static String string(Object value) {
    return value instanceof String text ? text : "";
  }

  private static long position(Event event) {
    Mark mark = event.getStartMark();
    return mark == null ? 0 : pack(mark.getLine() + 1, mark.getColumn() + 1);
  }

  static long pack(int line, int column) {
    return ((long) line << 32) | column;
  }

  static int line(long position) {
    return (int) (position >>> 32);
  }

  static int column(long position) {
    return (int) position;
  }

  private SourceLocation location(long position) {
    return SourceLocation.of(source, line(position), column(position));
  }

  private record Duplicate(String path, String key, long position, long previous) {}

  /** Input that parses but cannot be read into a tree (too deep, bad aliases). */
  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Mark mark;

    Unreadable(Mark mark, String message) {
      super(message, null, false, false);
      this.mark = mark;
    }
  }
}
