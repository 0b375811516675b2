package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.validation.ObjectRef;
import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;

/**
 * {@code readiness-probe} and {@code liveness-probe}: the containers of pods that a Service in
 * the checked objects sends traffic to have the probe. Jobs and CronJobs are not served.
 */
final class ServedProbe extends PodRule {
  private final boolean readiness;

  private ServedProbe(boolean readiness, String id, Severity severity, String rationale, String fix) {
    super(id, severity, rationale, fix);
    this.readiness = readiness;
  }

  static ServedProbe readiness() {
    return new ServedProbe(true, "readiness-probe", Severity.WARNING,
        "Without a readiness probe a Service sends traffic to pods that are not ready, and a rollout cannot tell a broken version.",
        "Add a readinessProbe (httpGet on a health endpoint, or tcpSocket) to every container of served pods.");
  }

  static ServedProbe liveness() {
    return new ServedProbe(false, "liveness-probe", Severity.INFO,
        "Without a liveness probe a deadlocked container keeps its place and its traffic until someone notices.",
        "Add a livenessProbe that fails only when the process is stuck (not the readiness check, not dependencies).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (context.object() instanceof V1Job || context.object() instanceof V1CronJob) {
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    List<V1Service> services = index.services(index.workload(context.object()));
    if (services.isEmpty()) {
      return;
    }
    String service = "Service \"" + ObjectRef.of(services.get(0)).name() + "\"";
    for (PodContainer c : pod.containers()) {
      if (c.type() != PodContainer.Type.REGULAR) {
        continue;
      }
      V1Container container = c.container();
      V1Probe probe = readiness ? container.getReadinessProbe() : container.getLivenessProbe();
      if (probe == null) {
        String field = readiness ? "readinessProbe" : "livenessProbe";
        context.report(c.path(field), c.describe() + " has no " + field + ", but " + service + " sends its pod traffic");
      }
    }
  }
}
