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

  /** The single object of {@code kind} named {@code name}; with a null kind, the single pod-running object named {@code name}. */
  static ObjectLookup find(List<? extends KubernetesObject> objects, String kind, String name) {
    List<KubernetesObject> candidates = objects.stream()
        .filter(o -> kind == null ? PodTemplates.runsPods(o) : kind.equals(KubernetesObjects.kind(o)))
        .map(KubernetesObject.class::cast)
        .toList();
    List<KubernetesObject> named = candidates.stream().filter(o -> Objects.equals(name, KubernetesObjects.name(o))).toList();
    String what = kind == null ? "workload" : kind;
    if (named.size() == 1) {
      return new ObjectLookup(named.get(0), null);
    }
    if (named.isEmpty()) {
      List<String> others = candidates.stream()
          .map(o -> kind == null ? KubernetesObjects.kind(o) + "/" + KubernetesObjects.name(o) : KubernetesObjects.name(o))
          .toList();
      return new ObjectLookup(null, "expected " + article(what) + " " + what + " named \"" + name + "\", but found "
          + (others.isEmpty() ? "none" : others.toString()));
    }
    return new ObjectLookup(null, "expected one " + what + " named \"" + name + "\", but found " + named.size() + ": "
        + named.stream().map(KubernetesObjects::ref).toList() + "; narrow it down with inNamespace(...) or Kind/name");
  }

  /**
   * The object a reference names: {@code Kind/name}, or a bare {@code name} of a pod-running object
   * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod).
   */
  static ObjectLookup workload(List<? extends KubernetesObject> objects, String reference) {
    int slash = reference.indexOf('/');
    return slash < 0 ? find(objects, null, reference)
        : find(objects, reference.substring(0, slash), reference.substring(slash + 1));
  }

  private static String article(String word) {
    return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
  }
}
