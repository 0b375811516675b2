package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1PodTemplate;
import java.util.List;

/**
 * A recommended rule on the pods of workloads. Objects a controller manages (an ownerReference
 * with {@code controller: true}, as in a dump of a live cluster) are checked through their
 * owner only, and bare PodTemplate objects not at all, so that one mistake gives one finding.
 */
abstract class PodRule extends Rule {

  PodRule(String id, Severity severity, String rationale, String fix) {
    super(id, severity, rationale, fix);
  }

  @Override
  public final void check(RuleContext context) {
    PodTemplate pod = context.pod().orElse(null);
    if (pod != null && !(context.object() instanceof V1PodTemplate) && !isControlled(context.object())) {
      check(pod, context);
    }
  }

  abstract void check(PodTemplate pod, RuleContext context);

  /** Whether a controller (ReplicaSet, Job, ...) manages {@code object}. */
  static boolean isControlled(KubernetesObject object) {
    if (object.getMetadata() == null) {
      return false;
    }
    List<V1OwnerReference> owners = object.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (V1OwnerReference owner : owners) {
        if (Boolean.TRUE.equals(owner.getController())) {
          return true;
        }
      }
    }
    return false;
  }
}
