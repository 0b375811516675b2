package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1CronJob;

/** {@code cronjob-deadline}: a CronJob sets {@code startingDeadlineSeconds}. */
final class CronJobDeadline extends Rule {

  CronJobDeadline() {
    super("cronjob-deadline", Severity.WARNING,
        "Without a starting deadline a run missed during an outage starts whenever the controller gets to it, however late.",
        "Set spec.startingDeadlineSeconds to how late a run may still start (for example a fraction of the schedule's period).");
  }

  @Override
  public void check(RuleContext context) {
    if (context.object() instanceof V1CronJob) {
      V1CronJob cronJob = (V1CronJob) context.object();
      if (cronJob.getSpec() != null && cronJob.getSpec().getStartingDeadlineSeconds() == null) {
        context.report("spec.startingDeadlineSeconds", "should be set, was unset");
      }
    }
  }
}
