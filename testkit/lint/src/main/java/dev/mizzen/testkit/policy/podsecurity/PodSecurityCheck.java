package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import java.util.Collection;
import java.util.Iterator;

/** A Pod Security check: an ERROR-level rule on the pod of pod-bearing objects. */
abstract class PodSecurityCheck extends Rule {

  PodSecurityCheck(String id, String rationale, String fix) {
    super(id, Severity.ERROR, rationale, fix);
  }

  @Override
  public final void check(RuleContext context) {
    PodTemplate pod = context.pod().orElse(null);
    if (pod != null) {
      check(pod, context);
    }
  }

  /** Checks the pod of a pod-bearing object. */
  abstract void check(PodTemplate pod, RuleContext context);

  /** {@code "a", "b"} (a null item as {@code ""}). */
  static String quote(Collection<String> values) {
    StringBuilder text = new StringBuilder();
    for (Iterator<String> i = values.iterator(); i.hasNext(); ) {
      text.append('"').append(orEmpty(i.next())).append('"');
      if (i.hasNext()) {
        text.append(", ");
      }
    }
    return text.toString();
  }

  static boolean isTrue(Boolean value) {
    return value != null && value;
  }

  /**
   * {@code value}, or {@code ""} for null: what the API server (and so PodSecurity) reads for a
   * null string, such as a {@code null} item of {@code capabilities.add}.
   */
  static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
