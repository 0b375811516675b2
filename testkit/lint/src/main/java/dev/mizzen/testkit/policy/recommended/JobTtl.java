package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Job;

/**
 * {@code job-ttl}: a Job not managed by a controller (a CronJob keeps its own history limits)
 * sets {@code ttlSecondsAfterFinished}.
 */
final class JobTtl extends Rule {

  JobTtl() {
    super("job-ttl", Severity.WARNING,
        "Finished Jobs and their pods stay in the cluster until someone deletes them.",
        "Set spec.ttlSecondsAfterFinished (for example 86400) so that finished Jobs are cleaned up.");
  }

  @Override
  public void check(RuleContext context) {
    if (context.object() instanceof V1Job && !PodRule.isControlled(context.object())) {
      V1Job job = (V1Job) context.object();
      if (job.getSpec() != null && job.getSpec().getTtlSecondsAfterFinished() == null) {
        context.report("spec.ttlSecondsAfterFinished", "should be set, was unset");
      }
    }
  }
}
