package dev.mizzen.testkit.schema;

import io.kubernetes.client.common.KubernetesObject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Kubernetes object read from a manifest file: a YAML or JSON document, or an item of a
 * {@code List}. It keeps the plain tree as read ({@code Map}, {@code List}, {@code String},
 * {@code Integer}/{@code Long}, {@code Double}, {@code Boolean}), where every field is in the
 * source ({@link #location(String)}), and converts to the typed client-java object on demand.
 */
public final class ManifestObject {
  private final String source;
  private final int document;
  private final OptionalInt item;
  private final PositionedMap tree;
  private final String apiVersion;
  private final String kind;
  private final boolean inherited;
  private final String ref;
  private volatile Optional<KubernetesObject> typed;

  ManifestObject(String source, int document, OptionalInt item, PositionedMap tree,
      String apiVersion, String kind, boolean inherited) {
    this.source = source;
    this.document = document;
    this.item = item;
    this.tree = tree;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.inherited = inherited;
    this.ref = ref(kind, namespace(), name());
  }

  /** The source name given to the reader, usually the file path. */
  public String source() {
    return source;
  }

  /** The 0-based index of the YAML document in the file. */
  public int document() {
    return document;
  }

  /** The 0-based index in the {@code items} of a List (or a top-level JSON array), if it is an item. */
  public OptionalInt item() {
    return item;
  }

  /**
   * The apiVersion, or {@code ""} when missing or not a string. Items of a typed list
   * ({@code DeploymentList}) without their own apiVersion and kind take the list's.
   */
  public String apiVersion() {
    return apiVersion;
  }

  /** The kind, or {@code ""} when missing or not a string. */
  public String kind() {
    return kind;
  }

  /** {@code metadata.name}, or {@code ""} when missing. */
  public String name() {
    return metadataString("name");
  }

  /** {@code metadata.namespace}, or {@code ""} when missing. */
  public String namespace() {
    return metadataString("namespace");
  }

  /**
   * {@code Kind/namespace/name}; {@code Kind/name} without a namespace, {@code Kind} without a
   * name, {@code ?} for a missing kind, empty with neither kind nor name.
   */
  public String ref() {
    return ref;
  }

  /** Whether the apiVersion and kind come from the enclosing typed list rather than the item. */
  boolean isInherited() {
    return inherited;
  }

  /**
   * The object as read: an insertion-ordered map of maps, lists and scalars. Read-only: do not
   * change it.
   */
  public Map<String, Object> tree() {
    return Collections.unmodifiableMap(tree);
  }

  PositionedMap positionedTree() {
    return tree;
  }

  /** Where the object starts in the source. */
  public SourceLocation location() {
    return location(tree.position());
  }

  /**
   * Where the field at {@code path} is ({@code spec.template.spec.containers[0].image}): the start
   * of its key, or of the element for a list index. A bracketed name on a list finds the element
   * with that {@code name} ({@code containers[web]}), so paths from validation and policy findings
   * work too. When the path does not exist completely, the location of its deepest existing part.
   */
  public SourceLocation location(String path) {
    Object current = tree;
    long position = tree.position();
    for (FieldPath.Segment segment : FieldPath.parse(path)) {
      if (current instanceof PositionedMap map && map.containsKey(segment.text())) {
        position = map.keyPosition(segment.text());
        current = map.get(segment.text());
      } else if (current instanceof PositionedList list && segment.bracketed()) {
        int index = indexOf(list, segment.text());
        if (index < 0) {
          break;
        }
        position = list.position(index);
        current = list.get(index);
      } else {
        break;
      }
    }
    return location(position);
  }

  private static int indexOf(PositionedList list, String segment) {
    if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
      int index = Integer.parseInt(segment);
      return index < list.size() ? index : -1;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> element && segment.equals(element.get("name"))) {
        return i;
      }
    }
    return -1;
  }

  SourceLocation location(long position) {
    return SourceLocation.of(source, ManifestReader.line(position), ManifestReader.column(position));
  }

  /**
   * Whether the field at {@code path} is a map with keys of the user's choosing (labels, data,
   * resource limits, a Service's selector) rather than an object with fixed fields, by the kind's
   * schema; false for paths the schema does not know. Field paths write such keys in brackets
   * ({@code metadata.labels[app]}).
   */
  public boolean isMapField(String path) {
    Optional<Class<? extends KubernetesObject>> model = modelClass();
    if (model.isEmpty()) {
      return false;
    }
    FieldType type = FieldType.model(model.get());
    for (FieldPath.Segment segment : FieldPath.parse(path)) {
      if (segment.bracketed() && (type.kind == FieldType.Kind.LIST || type.kind == FieldType.Kind.MAP)) {
        type = type.element;
      } else if (!segment.bracketed() && type.kind == FieldType.Kind.MODEL) {
        ModelSchema.Property property = type.schema().property(segment.text());
        if (property == null) {
          return false;
        }
        type = property.type();
      } else {
        return false;
      }
    }
    return type.kind == FieldType.Kind.MAP;
  }

  /** The client-java model class of this kind, empty for kinds it has no model of. */
  public Optional<Class<? extends KubernetesObject>> modelClass() {
    return ApiIndex.modelClass(apiVersion, kind);
  }

  /**
   * The typed client-java object ({@code V1Deployment}, ...), converted on first use; empty for
   * kinds client-java has no model of (custom resources, removed API versions). Fields the model
   * does not have and values of the wrong type are left out: run the {@link SchemaCheck} to see
   * them.
   */
  public Optional<KubernetesObject> object() {
    Optional<KubernetesObject> result = typed;
    if (result == null) {
      result = modelClass().map(type -> {
        KubernetesObject object = type.cast(ModelBinder.bind(ModelSchema.of(type), tree));
        if (inherited) {
          ModelBinder.setApiVersionAndKind(object, apiVersion, kind);
        }
        return object;
      });
      typed = result;
    }
    return result;
  }

  /** The typed object as {@code type}, empty when it is of another kind. */
  public <T extends KubernetesObject> Optional<T> object(Class<T> type) {
    return object().filter(type::isInstance).map(type::cast);
  }

  private String metadataString(String field) {
    return tree.get("metadata") instanceof Map<?, ?> metadata && metadata.get(field) instanceof String value
        ? value
        : "";
  }

  /** {@code Kind/namespace/name}, leaving out what is empty. */
  static String ref(String kind, String namespace, String name) {
    if (kind.isEmpty() && name.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(kind.isEmpty() ? "?" : kind);
    if (!name.isEmpty()) {
      if (!namespace.isEmpty()) {
        out.append('/').append(namespace);
      }
      out.append('/').append(name);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return ref + " (" + location() + ")";
  }
}
