package dev.mizzen.testkit.assertions;

import static java.util.Objects.requireNonNull;

/**
 * Where an assertion looks: an object ({@code Deployment/shop/web}) and a field path inside it
 * ({@code spec.template.spec.containers[web]}), as failure messages print them.
 */
final class Location {
  private final String object;
  private final String path;

  private Location(String object, String path) {
    this.object = requireNonNull(object, "object");
    this.path = requireNonNull(path, "path");
  }

  /** The root of {@code object}: no field path yet. */
  static Location of(String object) {
    return new Location(object, "");
  }

  /** The object this location is in. */
  String object() {
    return object;
  }

  /** The field path, empty at the object's root. */
  String path() {
    return path;
  }

  /** The field {@code name} (or dotted path {@code a.b}) under this location. */
  Location field(String name) {
    return new Location(object, path.isEmpty() ? name : path + "." + name);
  }

  /** The list entry keyed by {@code key} (a name) under this location: {@code containers[web]}. */
  Location key(String key) {
    return new Location(object, path + "[" + key + "]");
  }

  /** The list entry at {@code index} under this location: {@code ingress[0]}. */
  Location index(int index) {
    return new Location(object, path + "[" + index + "]");
  }

  /** {@code object: path: text}, or {@code object: text} at the root. */
  String message(String text) {
    return path.isEmpty() ? object + ": " + text : object + ": " + path + ": " + text;
  }

  @Override
  public String toString() {
    return path.isEmpty() ? object : object + ": " + path;
  }
}
