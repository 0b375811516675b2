package dev.mizzen.testkit.assertions;

import io.kubernetes.client.common.KubernetesObject;
import java.util.List;
import java.util.Objects;

/**
 * Finds one object by kind and name in a list of objects, or says why it cannot: none, or
 * several (in different namespaces).
 *
 * @param found the object, or null
 * @param problem why there is no single object, or null when found
 */
record ObjectLookup(KubernetesObject found, String problem) {

  /**
   * The single object of {@code kind} named {@code name}; with a null kind, the single pod-running
   * object named {@code name}.
   */
  static ObjectLookup find(List<? extends KubernetesObject> objects, String kind, String name) {
    return find(objects, null, kind, name);
  }

  /** As {@link #find(List, String, String)}, in {@code namespace} unless it is null. */
  static ObjectLookup find(List<? extends KubernetesObject> objects, String namespace, String kind, String name) {
    List<KubernetesObject> candidates = objects.stream()
        .filter(o -> namespace == null || namespace.equals(ObjectFields.namespace(o)))
        .filter(o -> kind == null ? PodTemplates.runsPods(o) : kind.equals(ObjectFields.kind(o)))
        .map(KubernetesObject.class::cast)
        .toList();
    List<KubernetesObject> named = candidates.stream()
        .filter(o -> Objects.equals(name, ObjectFields.name(o)))
        .toList();
    String what = kind == null ? "workload" : kind;
    String where = namespace == null ? "" : " in namespace " + namespace;
    if (named.size() == 1) {
      return new ObjectLookup(named.get(0), null);
    }
    if (named.isEmpty()) {
      List<String> others = candidates.stream()
          .map(o -> kind == null
              ? ObjectFields.kind(o) + "/" + ObjectFields.name(o)
              : ObjectFields.name(o))
          .toList();
      return new ObjectLookup(null, "expected " + article(what) + " " + what + " named \"" + name + "\"" + where
          + ", but found "
          + (others.isEmpty() ? "none" : others.toString()));
    }
    return new ObjectLookup(null, "expected one " + what + " named \"" + name + "\", but found " + named.size() + ": "
        + named.stream().map(ObjectFields::ref).toList() + "; narrow it down with inNamespace(...) or Kind/name");
  }

  /**
   * The object a reference names: {@code name}, {@code namespace/name}, {@code Kind/name} or
   * {@code namespace/Kind/name} (a kind starts with a capital letter, a namespace cannot); without
   * a kind, only pod-running objects count (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
   * CronJob, Pod).
   */
  static ObjectLookup workload(List<? extends KubernetesObject> objects, String reference) {
    String[] parts = reference.split("/", -1);
    return switch (parts.length) {
      case 1 -> find(objects, null, null, reference);
      case 2 -> Character.isUpperCase(parts[0].charAt(0))
          ? find(objects, null, parts[0], parts[1])
          : find(objects, parts[0], null, parts[1]);
      case 3 -> find(objects, parts[0], parts[1], parts[2]);
      default -> new ObjectLookup(null, "expected a reference name, namespace/name, Kind/name or namespace/Kind/name,"
          + " but was \"" + reference + "\"");
    };
  }

  private static String article(String word) {
    return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
  }
}
