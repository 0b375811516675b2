package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1Toleration;

/** Toleration matching with the semantics of Kubernetes' {@code Toleration.ToleratesTaint}. */
final class Tolerations {
  private Tolerations() {}

  /**
   * Whether {@code toleration} tolerates the taint {@code key=value:effect}: an empty effect
   * matches every effect; an empty key (only valid with {@code Exists}) matches every key;
   * {@code Exists} matches every value, {@code Equal} (also the empty operator) the same value.
   */
  static boolean tolerates(V1Toleration toleration, String key, String value, String effect) {
    if (!isEmpty(toleration.getEffect()) && !toleration.getEffect().equals(effect)) {
      return false;
    }
    if (!isEmpty(toleration.getKey()) && !toleration.getKey().equals(key)) {
      return false;
    }
    String operator = toleration.getOperator();
    if (isEmpty(operator) || operator.equals("Equal")) {
      return nullToEmpty(toleration.getValue()).equals(nullToEmpty(value));
    }
    return operator.equals("Exists");
  }

  /** {@code dedicated=web:NoSchedule}, {@code gpu exists:*}, {@code * exists:*} (every taint). */
  static String describe(V1Toleration toleration) {
    String key = isEmpty(toleration.getKey()) ? "*" : toleration.getKey();
    String match = "Exists".equals(toleration.getOperator())
        ? key + " exists"
        : key + "=" + nullToEmpty(toleration.getValue());
    return match + ":" + (isEmpty(toleration.getEffect()) ? "*" : toleration.getEffect());
  }

  /** {@code key=value:Effect}, or {@code key:Effect} with the empty value, as {@code kubectl taint} writes it. */
  static String describeTaint(String key, String value, String effect) {
    return key + (isEmpty(value) ? "" : "=" + value) + ":" + effect;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
