package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code duplicate-env}: no container defines the same environment variable twice. */
final class DuplicateEnv extends PodRule {

  DuplicateEnv() {
    super("duplicate-env", Severity.WARNING,
        "When a variable is defined twice the last definition silently wins, so the first one is dead and misleading.",
        "Keep one definition of the variable.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      List<V1EnvVar> env = c.container().getEnv();
      if (env == null || env.size() < 2) {
        continue;
      }
      Map<String, List<Integer>> positions = null;
      for (int i = 0; i < env.size(); i++) {
        String name = env.get(i).getName();
        for (int j = 0; j < i; j++) {
          if (name != null && name.equals(env.get(j).getName())) {
            if (positions == null) {
              positions = new LinkedHashMap<>();
            }
            List<Integer> at = positions.computeIfAbsent(name, n -> new ArrayList<>());
            if (at.isEmpty()) {
              at.add(j);
            }
            at.add(i);
            break;
          }
        }
      }
      if (positions != null) {
        positions.forEach((name, at) -> context.report(c.path("env[" + name + "]"), c.describe() + " defines \"" + name
            + "\" " + at.size() + " times (entries " + at + "); the last one wins"));
      }
    }
  }
}
