package dev.mizzen.testkit.schema;

import dev.mizzen.quantity.Quantities;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Walks one object (or List envelope) against the model schema and reports what does not fit. */
final class SchemaChecker {
  private static final Set<String> ENVELOPE_FIELDS = Set.of("apiVersion", "kind", "metadata", "items");

  private final String source;
  private final String ref;
  private final int document;
  private final OptionalInt item;
  /** Whether values may appear in messages: not for Secrets. */
  private final boolean showValues;
  private final List<SchemaFinding> out;

  private SchemaChecker(String source, String ref, int document, OptionalInt item, boolean showValues,
      List<SchemaFinding> out) {
    this.source = source;
    this.ref = ref;
    this.document = document;
    this.item = item;
    this.showValues = showValues;
    this.out = out;
  }

  /** Checks {@code object}, adding findings to {@code out}. */
  static void check(ManifestObject object, List<SchemaFinding> out) {
    new SchemaChecker(object.source(), object.ref(), object.document(), object.item(),
        !object.kind().equals("Secret"), out).object(object);
  }

  /** Checks the envelope of a {@code List}: its own fields, not its items. */
  static void check(ManifestFile.ListEnvelope envelope, String source, List<SchemaFinding> out) {
    new SchemaChecker(source, envelope.kind(), envelope.document(), OptionalInt.empty(), true, out)
        .envelope(envelope.map());
  }

  // ---- the object as a whole --------------------------------------------------------------------

  private void object(ManifestObject object) {
    PositionedMap tree = object.positionedTree();
    boolean typed = object.isInherited() || (header(tree, "apiVersion") & header(tree, "kind"));
    if (!typed) {
      return;
    }
    String apiVersion = object.apiVersion();
    String kind = object.kind();
    Optional<ApiDeprecation> deprecation = ApiDeprecations.lookup(apiVersion, kind);
    if (deprecation.isPresent()) {
      SchemaRule rule = deprecation.get().isRemoved() ? SchemaRule.REMOVED_API : SchemaRule.DEPRECATED_API;
      report(rule, FieldPath.ROOT.field("apiVersion"), tree.valuePosition("apiVersion"),
          deprecation.get().message());
      if (deprecation.get().isRemoved()) {
        return;
      }
    }
    Optional<Class<? extends io.kubernetes.client.common.KubernetesObject>> model =
        ApiIndex.modelClass(apiVersion, kind);
    if (model.isEmpty()) {
      if (!unknownKind(tree, apiVersion, kind)) {
        // A custom resource: only its metadata has a known schema.
        requireName(tree, kind);
        if (tree.get("metadata") instanceof PositionedMap metadata) {
          model(ModelSchema.of(V1ObjectMeta.class), metadata, FieldPath.ROOT.field("metadata"),
              tree.keyPosition("metadata"), null);
        }
      }
      return;
    }
    requireName(tree, kind);
    model(ModelSchema.of(model.get()), tree, FieldPath.ROOT, tree.position(), null);
  }

  /** Checks that {@code field} (apiVersion or kind) is a non-empty string. */
  private boolean header(PositionedMap tree, String field) {
    Object value = tree.get(field);
    if (value == null || "".equals(value)) {
      report(SchemaRule.REQUIRED, FieldPath.ROOT.field(field), tree.position(),
          "missing required field \"" + field + "\" of every Kubernetes object");
      return false;
    }
    if (!(value instanceof String)) {
      report(SchemaRule.WRONG_TYPE, FieldPath.ROOT.field(field), tree.valuePosition(field),
          "must be a string, was " + FieldType.describe(value, true));
      return false;
    }
    return true;
  }

  /** Reports an unknown kind or API version; false for a custom resource (not checked). */
  private boolean unknownKind(PositionedMap tree, String apiVersion, String kind) {
    String group = ApiIndex.group(apiVersion);
    List<String> elsewhere = ApiIndex.apiVersionsOf(kind);
    String where = elsewhere.isEmpty() ? "" : "; " + kind + " is in " + String.join(", ", elsewhere);
    if (ApiIndex.isKnownApiVersion(apiVersion)) {
      String message;
      if (!elsewhere.isEmpty()) {
        message = "kind \"" + kind + "\" is not in " + apiVersion + where;
      } else {
        Optional<String> suggestion = Suggestions.closest(kind, ApiIndex.kinds(apiVersion));
        message = "unknown kind \"" + kind + "\" in " + apiVersion + suggestion
            .map(s -> "; did you mean \"" + s + "\"?")
            .orElse(", which has " + String.join(", ", ApiIndex.kinds(apiVersion)));
      }
      report(SchemaRule.UNKNOWN_KIND, FieldPath.ROOT.field("kind"), tree.valuePosition("kind"), message);
      return true;
    }
    if (ApiIndex.isBuiltInGroup(group) || !group.contains(".")) {
      List<String> versions = ApiIndex.apiVersions(group);
      String hint = !where.isEmpty() ? where
          : versions.isEmpty() ? "" : "; " + (group.isEmpty() ? "the core group" : group) + " has "
              + String.join(", ", versions);
      report(SchemaRule.UNKNOWN_API_VERSION, FieldPath.ROOT.field("apiVersion"),
          tree.valuePosition("apiVersion"), "unknown API version \"" + apiVersion + "\"" + hint);
      return true;
    }
    return false;
  }

  private void requireName(PositionedMap tree, String kind) {
    if (!ApiIndex.isNamed(kind)) {
      return;
    }
    Object metadata = tree.get("metadata");
    if (metadata == null) {
      report(SchemaRule.REQUIRED, FieldPath.ROOT.field("metadata").field("name"), tree.position(),
          "missing required field \"metadata.name\": every " + kind + " needs a name");
    } else if (metadata instanceof PositionedMap map && map.get("name") == null
        && !(map.get("generateName") instanceof String)) {
      report(SchemaRule.REQUIRED, FieldPath.ROOT.field("metadata").field("name"), tree.keyPosition("metadata"),
          "missing required field \"name\" of ObjectMeta: every " + kind
              + " needs a name (or metadata.generateName with kubectl create)");
    }
  }

  private void envelope(PositionedMap map) {
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      String key = entry.getKey();
      if (!ENVELOPE_FIELDS.contains(key)) {
        report(SchemaRule.UNKNOWN_FIELD, FieldPath.ROOT.field(key), map.keyPosition(key),
            "unknown field \"" + key + "\" in a List" + Suggestions.closest(key, ENVELOPE_FIELDS)
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse("; a List has apiVersion, kind, metadata and items"));
      }
    }
    header(map, "apiVersion");
    Object metadata = map.get("metadata");
    if (metadata != null) {
      value(FieldType.model(V1ListMeta.class), metadata, FieldPath.ROOT.field("metadata"),
          map.valuePosition("metadata"), map.keyPosition("metadata"), null);
    }
    Object items = map.get("items");
    if (items != null && !(items instanceof List)) {
      report(SchemaRule.WRONG_TYPE, FieldPath.ROOT.field("items"), map.valuePosition("items"),
          "must be a list of Kubernetes objects, was " + FieldType.describe(items, showValues));
    }
  }

  // ---- the walk ---------------------------------------------------------------------------------

  /** A model being walked, for hints about fields that belong to an enclosing model. */
  private record Scope(Scope parent, ModelSchema schema, FieldPath path) {}

  private void model(ModelSchema schema, PositionedMap map, FieldPath path, long owner, Scope parent) {
    Scope scope = new Scope(parent, schema, path);
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      String key = entry.getKey();
      ModelSchema.Property property = schema.property(key);
      if (property == null) {
        unknownField(scope, key, map.keyPosition(key));
      } else if (entry.getValue() != null) {
        value(property.type(), entry.getValue(), path.field(key), map.valuePosition(key),
            map.keyPosition(key), scope);
      }
    }
    for (String required : schema.required()) {
      if (map.get(required) == null) {
        report(SchemaRule.REQUIRED, path.field(required), owner,
            "missing required field \"" + required + "\" of " + schema.name);
      }
    }
  }

  private void value(FieldType type, Object value, FieldPath path, long position, long owner, Scope scope) {
    switch (type.kind) {
      case STRING -> expect(value instanceof String, type, value, path, position);
      case INTEGER -> integer(value, path, position, true);
      case LONG -> integer(value, path, position, false);
      case NUMBER -> expect(value instanceof Number, type, value, path, position);
      case BOOLEAN -> expect(value instanceof Boolean, type, value, path, position);
      case INT_OR_STRING -> {
        if (isIntegral(value)) {
          integer(value, path, position, true);
        } else {
          expect(value instanceof String, type, value, path, position);
        }
      }
      case QUANTITY -> quantity(value, path, position);
      case DATE_TIME -> dateTime(value, path, position);
      case BYTES -> bytes(value, path, position);
      case ANY -> { }
      case LIST -> {
        if (value instanceof PositionedList list) {
          for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element != null) {
              value(type.element, element, path.index(i), list.position(i), list.position(i), scope);
            }
          }
        } else {
          wrongType(type, value, path, position);
        }
      }
      case MAP -> {
        if (value instanceof PositionedMap map) {
          for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (entry.getValue() != null) {
              String key = entry.getKey();
              value(type.element, entry.getValue(), path.key(key), map.valuePosition(key),
                  map.keyPosition(key), scope);
            }
          }
        } else {
          wrongType(type, value, path, position);
        }
      }
      case MODEL -> {
        if (value instanceof PositionedMap map) {
          model(type.schema(), map, path, owner, scope);
        } else {
          wrongType(type, value, path, position);
        }
      }
    }
  }

  private void expect(boolean fits, FieldType type, Object value, FieldPath path, long position) {
    if (!fits) {
      wrongType(type, value, path, position);
    }
  }

  private void integer(Object value, FieldPath path, long position, boolean int32) {
    if (!isIntegral(value)) {
      wrongType(int32 ? FieldType.INTEGER : FieldType.LONG, value, path, position);
      return;
    }
    boolean fits = int32
        ? value instanceof Integer
        : !(value instanceof BigInteger big && big.bitLength() > 63);
    if (!fits) {
      report(SchemaRule.WRONG_TYPE, path, position, int32
          ? "must be a 32-bit integer (-2147483648..2147483647), was " + value
          : "must be a 64-bit integer, was " + value);
    }
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  private void quantity(Object value, FieldPath path, long position) {
    if (value instanceof Number) {
      return;
    }
    if (!(value instanceof String text)) {
      wrongType(FieldType.QUANTITY, value, path, position);
      return;
    }
    Quantities.problem(text).ifPresent(problem -> report(SchemaRule.INVALID_FORMAT, path, position,
        "must be a quantity such as 500m, 2, 1.5Gi or 1e3, but " + FieldType.quote(text) + " " + problem));
  }

  private void dateTime(Object value, FieldPath path, long position) {
    if (!(value instanceof String text)) {
      wrongType(FieldType.DATE_TIME, value, path, position);
      return;
    }
    try {
      OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      report(SchemaRule.INVALID_FORMAT, path, position,
          "must be an RFC 3339 date-time such as 2025-05-01T12:00:00Z, was " + FieldType.quote(text));
    }
  }

  private void bytes(Object value, FieldPath path, long position) {
    if (!(value instanceof String text)) {
      wrongType(FieldType.BYTES, value, path, position);
      return;
    }
    String compact = text.replace("\n", "").replace("\r", "");
    boolean valid = compact.length() % 4 == 0;
    if (valid) {
      try {
        Base64.getDecoder().decode(compact);
      } catch (IllegalArgumentException e) {
        valid = false;
      }
    }
    if (!valid) {
      // Never show the value: it is usually a secret.
      report(SchemaRule.INVALID_FORMAT, path, position, "must be base64-encoded (padded), was not"
          + (ref.startsWith("Secret/") ? "; put plain text under stringData instead" : ""));
    }
  }

  private void wrongType(FieldType type, Object value, FieldPath path, long position) {
    report(SchemaRule.WRONG_TYPE, path, position,
        "must be " + type.expected() + ", was " + FieldType.describe(value, showValues) + hint(type, value));
  }

  private static String hint(FieldType type, Object value) {
    switch (type.kind) {
      case STRING, INT_OR_STRING, QUANTITY, DATE_TIME, BYTES:
        return value instanceof Number || value instanceof Boolean
            ? "; quote it, or YAML reads it as " + (value instanceof Boolean ? "a boolean" : "a number")
            : "";
      case INTEGER, LONG, NUMBER:
        if (value instanceof String text && text.trim().matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
          return "; remove the quotes";
        }
        return value instanceof Double number && number == Math.rint(number) && type.kind != FieldType.Kind.NUMBER
            ? "; write it without a decimal point"
            : "";
      case BOOLEAN:
        return value instanceof String text && (text.equals("true") || text.equals("false"))
            ? "; remove the quotes"
            : "";
      case LIST:
        return value instanceof Map ? "; write each element on its own line starting with \"- \"" : "";
      case MAP, MODEL:
        return value instanceof List ? "; remove the \"- \" in front of its fields" : "";
      default:
        return "";
    }
  }

  private void unknownField(Scope scope, String key, long position) {
    ModelSchema schema = scope.schema();
    StringBuilder message = new StringBuilder("unknown field \"").append(key).append("\" in ").append(schema.name);
    String hint = elsewhere(scope, key);
    if (hint == null) {
      hint = Suggestions.closest(key, schema.names()).map(s -> "; did you mean \"" + s + "\"?").orElse(null);
    }
    if (hint == null) {
      hint = below(schema, key);
    }
    if (hint == null && schema.names().size() <= 10) {
      hint = "; " + schema.name + " has " + String.join(", ", schema.names());
    }
    report(SchemaRule.UNKNOWN_FIELD, scope.path().field(key), position,
        message.append(hint == null ? "" : hint).toString());
  }

  /** A hint when {@code key} is a field of an enclosing model: a likely indentation mistake. */
  private static String elsewhere(Scope scope, String key) {
    for (Scope outer = scope.parent(); outer != null; outer = outer.parent()) {
      if (outer.schema().property(key) != null) {
        String at = outer.path().field(key).toString();
        return "; " + key + " belongs to " + outer.schema().name + " at " + at + ": check the indentation";
      }
    }
    return null;
  }

  /** A hint when {@code key} is a field of a model one level below: a missing level. */
  private static String below(ModelSchema schema, String key) {
    for (String name : schema.names()) {
      FieldType type = schema.property(name).type();
      FieldType nested = type.kind == FieldType.Kind.LIST ? type.element : type;
      if (nested.kind == FieldType.Kind.MODEL && nested.schema().property(key) != null) {
        String where = type.kind == FieldType.Kind.LIST ? name + "[]" : name;
        return "; " + key + " is a field of " + nested.schema().name + ", under " + where;
      }
    }
    return null;
  }

  private void report(SchemaRule rule, FieldPath path, long position, String message) {
    SchemaFinding.Builder finding = SchemaFinding.of(rule)
        .object(ref)
        .path(path.toString())
        .message(message)
        .location(SourceLocation.of(source, ManifestReader.line(position), ManifestReader.column(position)))
        .document(document);
    if (item.isPresent()) {
      finding.item(item.getAsInt());
    }
    out.add(finding.build());
  }
}
