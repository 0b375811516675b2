package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.Exemption;
import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A Pod Security check: an ERROR-level rule on the pod of pod-bearing objects. A finding about
 * a setting a security opt-out of the pod relaxes ({@link SecurityOptOuts}) is reported as
 * exempted, with the opt-out's reason.
 */
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

  /**
   * Reports a finding at {@code path}, exempted by the opt-out {@code optOut} picks from the pod's
   * opt-outs when there is one. The opt-outs are read only here, when there is something to report.
   */
  static void report(RuleContext context, PodTemplate pod, Function<SecurityOptOuts, Optional<Exemption>> optOut,
      String path, String message) {
    Optional<Exemption> exemption = optOut.apply(SecurityOptOuts.of(pod));
    if (exemption.isPresent()) {
      context.reportExempted(exemption.get(), path, message);
    } else {
      context.report(path, message);
    }
  }

  /**
   * Reports the {@code forbidden} capabilities container {@code c} adds, at its
   * {@code capabilities.add}: those its {@code capabilities} opt-out names as one exempted
   * finding, the others as one finding in force; {@code message} words a finding about a set.
   */
  static void reportCapabilities(RuleContext context, PodTemplate pod, PodContainer c, Set<String> forbidden,
      Function<Set<String>, String> message) {
    String path = c.path("securityContext.capabilities.add");
    SecurityOptOuts optOuts = SecurityOptOuts.of(pod);
    Set<String> inForce = new TreeSet<>();
    Set<String> exempted = new TreeSet<>();
    Exemption exemption = null;
    for (String capability : forbidden) {
      Optional<Exemption> covering = optOuts.capability(c, capability);
      if (covering.isPresent()) {
        exempted.add(capability);
        exemption = exemption == null ? covering.get() : exemption;
      } else {
        inForce.add(capability);
      }
    }
    if (!inForce.isEmpty()) {
      context.report(path, message.apply(inForce));
    }
    if (exemption != null) {
      context.reportExempted(exemption, path, message.apply(exempted));
    }
  }

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
