package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicationController;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.Map;

/**
 * {@code selector-matches-template}: the selector of a Deployment, StatefulSet, DaemonSet or
 * ReplicaSet is set, not empty, and selects its own pod template; so is that of a
 * ReplicationController, and of a Job with {@code manualSelector: true}.
 */
final class SelectorMatchesTemplate extends Rule {

  SelectorMatchesTemplate() {
    super("selector-matches-template", Severity.ERROR,
        "The API server rejects a workload whose selector does not select its own pod template.",
        "Make spec.selector.matchLabels a subset of spec.template.metadata.labels.");
  }

  @Override
  public void check(RuleContext context) {
    KubernetesObject object = context.object();
    PodTemplate pod = context.pod().orElse(null);
    if (pod == null) {
      return;
    }
    if (object instanceof V1ReplicationController) {
      V1ReplicationController rc = (V1ReplicationController) object;
      Map<String, String> selector = rc.getSpec() == null ? null : rc.getSpec().getSelector();
      if (selector != null && !selector.isEmpty() && !LabelSelector.matches(selector, pod.labels())) {
        report(context, LabelSelectors.describe(selector), pod);
      }
      return;
    }
    V1LabelSelector selector;
    if (object instanceof V1Deployment) {
      selector = ((V1Deployment) object).getSpec().getSelector();
    } else if (object instanceof V1StatefulSet) {
      selector = ((V1StatefulSet) object).getSpec().getSelector();
    } else if (object instanceof V1DaemonSet) {
      selector = ((V1DaemonSet) object).getSpec().getSelector();
    } else if (object instanceof V1ReplicaSet) {
      selector = ((V1ReplicaSet) object).getSpec().getSelector();
    } else if (object instanceof V1Job && Boolean.TRUE.equals(((V1Job) object).getSpec().getManualSelector())) {
      selector = ((V1Job) object).getSpec().getSelector();
    } else {
      return;
    }
    if (selector == null) {
      context.report("spec.selector", "must be set, was unset (it should select the pod template labels "
          + LabelSelectors.describe(pod.labels()) + ")");
    } else if (LabelSelector.fromV1LabelSelector(selector).map(LabelSelector::isEverything).orElse(false)) {
      context.report("spec.selector", "must not be empty (it should select the pod template labels "
          + LabelSelectors.describe(pod.labels()) + ")");
    } else if (!LabelSelector.matches(selector, pod.labels())) {
      report(context, LabelSelectors.describe(selector), pod);
    }
  }

  private static void report(RuleContext context, String selector, PodTemplate pod) {
    context.report("spec.selector", "selects " + selector + ", which does not match the pod template labels ("
        + LabelSelectors.describe(pod.labels()) + ")");
  }
}
