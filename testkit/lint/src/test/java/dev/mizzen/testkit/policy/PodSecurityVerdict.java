package dev.mizzen.testkit.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What PodSecurity admission said about one pod at one level: allowed, or the ids of the
 * violated checks, read from the words of the API server's message
 * ({@code violates PodSecurity "restricted:latest": privileged (container "app" must not ...), ...}).
 */
final class PodSecurityVerdict {
  /** Upstream's forbidden reasons, and the check each belongs to; seccompProfile depends on the level. */
  private static final Map<String, String> REASONS = Map.ofEntries(
      Map.entry("allowPrivilegeEscalation != false", "allowPrivilegeEscalation"),
      Map.entry("forbidden AppArmor profiles", "appArmorProfile"),
      Map.entry("forbidden AppArmor profile", "appArmorProfile"),
      Map.entry("forbidden sysctls", "sysctls"),
      Map.entry("host namespaces", "hostNamespaces"),
      Map.entry("hostPath volumes", "hostPathVolumes"),
      Map.entry("hostPort", "hostPorts"),
      Map.entry("hostProcess", "windowsHostProcess"),
      Map.entry("non-default capabilities", "capabilities_baseline"),
      Map.entry("privileged", "privileged"),
      Map.entry("procMount", "procMount"),
      Map.entry("restricted volume types", "restrictedVolumes"),
      Map.entry("runAsNonRoot != true", "runAsNonRoot"),
      Map.entry("runAsUser=0", "runAsUser"),
      Map.entry("seLinuxOptions", "seLinuxOptions"),
      Map.entry("seccompProfile", "seccompProfile_"),
      Map.entry("unrestricted capabilities", "capabilities_restricted"));
  private static final List<String> LONGEST_FIRST = REASONS.keySet().stream()
      .sorted((a, b) -> b.length() - a.length()).toList();

  final Set<String> checks;

  private PodSecurityVerdict(Set<String> checks) {
    this.checks = checks;
  }

  static PodSecurityVerdict allowed() {
    return new PodSecurityVerdict(Set.of());
  }

  boolean isAllowed() {
    return checks.isEmpty();
  }

  /**
   * The checks named in {@code text}, the part of an admission message or warning after
   * {@code violates PodSecurity "<level>:latest": }.
   *
   * @throws IllegalArgumentException on text it cannot read completely
   */
  static PodSecurityVerdict parse(String message, String level) {
    String marker = "PodSecurity \"" + level + ":latest\": ";
    int start = message.indexOf(marker);
    if (start < 0) {
      throw new IllegalArgumentException("no \"" + marker + "\" in: " + message);
    }
    Set<String> checks = new TreeSet<>();
    int p = start + marker.length();
    while (p < message.length()) {
      String reason = null;
      for (String candidate : LONGEST_FIRST) {
        if (message.startsWith(candidate, p)) {
          reason = candidate;
          break;
        }
      }
      if (reason == null) {
        throw new IllegalArgumentException("unknown reason at " + p + " in: " + message);
      }
      String check = REASONS.get(reason);
      checks.add(check.endsWith("_") ? check + level : check);
      p += reason.length();
      if (message.startsWith(" (", p)) {
        p++;
        int depth = 0;
        do {
          char c = message.charAt(p++);
          depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        } while (depth > 0);
      }
      if (message.startsWith(", ", p)) {
        p += 2;
      } else if (p < message.length()) {
        throw new IllegalArgumentException("unexpected text at " + p + " in: " + message);
      }
    }
    return new PodSecurityVerdict(checks);
  }

  /** The checks of {@code findings} (the testkit's verdict). */
  static PodSecurityVerdict of(List<Finding> findings) {
    Set<String> checks = new TreeSet<>();
    findings.forEach(f -> checks.add(f.ruleId()));
    return new PodSecurityVerdict(checks);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PodSecurityVerdict && ((PodSecurityVerdict) other).checks.equals(checks);
  }

  @Override
  public int hashCode() {
    return checks.hashCode();
  }

  @Override
  public String toString() {
    return checks.isEmpty() ? "allowed" : "denied " + checks;
  }
}
