package dev.mizzen.testkit.policy.recommended;

import static dev.mizzen.testkit.policy.TestPods.pathsAndMessages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import dev.mizzen.testkit.policy.Policy;
import dev.mizzen.testkit.policy.Severity;
import dev.mizzen.testkit.policy.TestPods;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1ReplicationController;
import io.kubernetes.client.openapi.models.V1ReplicationControllerSpec;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadRulesTest {
  private final ShopApp app = new ShopApp();

  private List<Finding> check(String ruleId, KubernetesObject... extra) {
    List<KubernetesObject> objects = new ArrayList<>(app.objects());
    objects.addAll(List.of(extra));
    return TestPods.of(Policies.recommended().check(objects), ruleId);
  }

  @Test
  void deploymentReplicas() {
    app.web.getSpec().replicas(null);
    assertThat(check("deployment-replicas")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("spec.replicas");
      assertThat(f.message()).isEqualTo("should be at least 2, was unset (1)");
    });
    app.web.getSpec().replicas(1);
    assertThat(check("deployment-replicas")).extracting(Finding::message).containsExactly("should be at least 2, was 1");
    app.web.getSpec().replicas(0);
    assertThat(check("deployment-replicas")).isEmpty();
  }

  @Test
  void podSpreadAcceptsAMatchingSpreadConstraintOrAntiAffinity() {
    var spec = app.web.getSpec().getTemplate().getSpec();
    spec.getTopologySpreadConstraints().get(0).labelSelector(new V1LabelSelector().putMatchLabelsItem("app", "wbe"));
    assertThat(pathsAndMessages(check("pod-spread"))).containsExactly(
        "spec.template.spec.topologySpreadConstraints: should spread its 3 replicas over nodes or zones: no"
            + " topologySpreadConstraint or podAntiAffinity term selects its pods (app=web)");
    spec.affinity(new V1Affinity().podAntiAffinity(new V1PodAntiAffinity()
        .addPreferredDuringSchedulingIgnoredDuringExecutionItem(new V1WeightedPodAffinityTerm().weight(100)
            .podAffinityTerm(new V1PodAffinityTerm().topologyKey("kubernetes.io/hostname")
                .labelSelector(new V1LabelSelector().addMatchExpressionsItem(new V1LabelSelectorRequirement()
                    .key("app").operator("In").values(List.of("web", "api"))))))));
    assertThat(check("pod-spread")).isEmpty();
    spec.affinity(null);
    app.web.getSpec().replicas(1);
    assertThat(check("pod-spread")).isEmpty();
  }

  @Test
  void podSpreadRequiresAHostnameOrZoneKey() {
    var spec = app.web.getSpec().getTemplate().getSpec();
    spec.getTopologySpreadConstraints().get(0).topologyKey("example.com/rack");
    assertThat(pathsAndMessages(check("pod-spread"))).containsExactly(
        "spec.template.spec.topologySpreadConstraints[0].topologyKey: should spread its 3 replicas over"
            + " kubernetes.io/hostname or topology.kubernetes.io/zone, was \"example.com/rack\"");
    spec.getTopologySpreadConstraints().get(0).topologyKey("topology.kubernetes.io/zone");
    assertThat(check("pod-spread")).isEmpty();

    spec.topologySpreadConstraints(null).affinity(new V1Affinity().podAntiAffinity(new V1PodAntiAffinity()
        .addRequiredDuringSchedulingIgnoredDuringExecutionItem(new V1PodAffinityTerm().topologyKey("example.com/rack")
            .labelSelector(new V1LabelSelector().putMatchLabelsItem("app", "web")))));
    assertThat(pathsAndMessages(check("pod-spread"))).containsExactly(
        "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey:"
            + " should spread its 3 replicas over kubernetes.io/hostname or topology.kubernetes.io/zone,"
            + " was \"example.com/rack\"");

    Policy racks = Policies.recommended().with(Recommended.podSpread("example.com/rack"));
    assertThat(racks.ruleIds()).isEqualTo(Policies.recommended().ruleIds());
    assertThat(racks.check(app.objects())).isEmpty();
    spec.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0)
        .topologyKey("kubernetes.io/hostname");
    assertThat(racks.check(app.objects())).extracting(Finding::message).containsExactly(
        "should spread its 3 replicas over example.com/rack, was \"kubernetes.io/hostname\"");
  }

  @Test
  void pdbPresentForReplicatedWorkloads() {
    app.budget.getSpec().getSelector().putMatchLabelsItem("app", "api");
    assertThat(pathsAndMessages(check("pdb-present"))).containsExactly(
        "spec.selector: no PodDisruptionBudget covers its 3 replicas (pods labelled app=web)");
    app.web.getSpec().replicas(1);
    assertThat(check("pdb-present")).isEmpty();
  }

  @Test
  void selectorMatchesTemplate() {
    app.web.getSpec().getSelector().putMatchLabelsItem("tier", "front");
    assertThat(check("selector-matches-template")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("spec.selector");
      assertThat(f.message()).isEqualTo("selects app=web, tier=front, which does not match the pod template labels (app=web)");
    });
    app.web.getSpec().selector(new V1LabelSelector());
    assertThat(check("selector-matches-template")).extracting(Finding::message)
        .containsExactly("must not be empty (it should select the pod template labels app=web)");
    app.web.getSpec().selector(null);
    assertThat(check("selector-matches-template")).extracting(Finding::message)
        .containsExactly("must be set, was unset (it should select the pod template labels app=web)");

    V1ReplicationController rc = new V1ReplicationController().metadata(ShopApp.meta("legacy"))
        .spec(new V1ReplicationControllerSpec().putSelectorItem("app", "legacy").template(ShopApp.template("old", false)));
    assertThat(check("selector-matches-template", rc)).extracting(Finding::object)
        .containsExactly("Deployment/shop/web", "ReplicationController/shop/legacy");
  }

  @Test
  void cronJobDeadline() {
    app.report.getSpec().startingDeadlineSeconds(null);
    assertThat(pathsAndMessages(check("cronjob-deadline"))).containsExactly(
        "spec.startingDeadlineSeconds: should be set, was unset");
  }

  @Test
  void jobTtlForStandaloneJobsOnly() {
    app.migrate.getSpec().ttlSecondsAfterFinished(null);
    assertThat(check("job-ttl")).extracting(f -> f.object() + " " + f.path())
        .containsExactly("Job/shop/migrate spec.ttlSecondsAfterFinished");
    app.migrate.getMetadata().addOwnerReferencesItem(new V1OwnerReference().kind("CronJob").name("x").controller(true));
    assertThat(check("job-ttl")).isEmpty();
  }

  @Test
  void apiVersions() {
    V1Deployment old = ShopApp.deployment("old", 2).apiVersion("extensions/v1beta1");
    V1CronJob beta = new V1CronJob().apiVersion("batch/v1beta1").kind("CronJob").metadata(ShopApp.meta("b"));
    V1Job current = new V1Job().apiVersion("batch/v1").kind("Job").metadata(ShopApp.meta("c"));
    var vap = new io.kubernetes.client.openapi.models.V1ValidatingAdmissionPolicy()
        .apiVersion("admissionregistration.k8s.io/v1beta1").kind("ValidatingAdmissionPolicy")
        .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("vap"));
    List<Finding> findings = Policies.recommended().check(old, beta, current, vap);
    assertThat(TestPods.of(findings, "removed-api")).extracting(f -> f.object() + " " + f.path() + ": " + f.message())
        .containsExactly(
            "CronJob/shop/b apiVersion: batch/v1beta1 CronJob was removed in Kubernetes 1.25 (deprecated since 1.21); use batch/v1",
            "Deployment/shop/old apiVersion: extensions/v1beta1 Deployment was removed in Kubernetes 1.16 (deprecated since 1.8);"
                + " use apps/v1");
    assertThat(TestPods.of(findings, "deprecated-api")).extracting(f -> f.object() + ": " + f.message()).containsExactly(
        "ValidatingAdmissionPolicy/vap: admissionregistration.k8s.io/v1beta1 ValidatingAdmissionPolicy is deprecated since"
            + " Kubernetes 1.31 and will be removed in 1.34; use admissionregistration.k8s.io/v1");
  }
}
