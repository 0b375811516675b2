package dev.mizzen.examples.presets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every preset together passes the objects' validation (the App builds), Pod Security
 * "restricted", and the recommended policies but for two findings that are not the presets'.
 */
class PresetsAppTest {
  private final App app = PresetsApp.app();

  @Test
  void buildsAndPassesPodSecurityRestricted() {
    assertThat(app.objects()).hasSize(17);
    assertThat(Policies.restricted().check(app.objects())).isEmpty();
  }

  @Test
  void passesTheRecommendedPoliciesButForNetworkPoliciesAndTheSingleGpuReplica() {
    List<String> findings = Policies.all().check(app.objects()).stream()
        .map(finding -> finding.ruleId() + " " + finding.object()).toList();

    assertThat(findings).containsExactlyInAnyOrder(
        // Which traffic each component needs is the application's to say, not a preset's.
        "network-policy CronJob/lab/db-backup",
        "network-policy Deployment/lab/api",
        "network-policy Deployment/lab/hello",
        "network-policy Deployment/lab/llm",
        "network-policy StatefulSet/lab/db",
        // One model server on one GPU, by choice: gpus(1).deployment("llm", 2) for two.
        "deployment-replicas Deployment/lab/llm");
    assertThat(Policies.all().check(app.objects())).extracting(Finding::severity)
        .allSatisfy(severity -> assertThat(severity.label()).isEqualTo("warning"));
  }
}
