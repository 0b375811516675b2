package dev.mizzen.testkit.policy.recommended;

import static dev.mizzen.testkit.policy.TestPods.pathsAndMessages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import dev.mizzen.testkit.policy.Severity;
import dev.mizzen.testkit.policy.TestPods;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossObjectRulesTest {
  private final ShopApp app = new ShopApp();

  private List<Finding> check(String ruleId, KubernetesObject... extra) {
    List<KubernetesObject> objects = new ArrayList<>(app.objects());
    objects.addAll(List.of(extra));
    return TestPods.of(Policies.recommended().check(objects), ruleId);
  }

  private static V2HorizontalPodAutoscaler hpa(Integer min, Integer max, String target) {
    return new V2HorizontalPodAutoscaler().apiVersion("autoscaling/v2").kind("HorizontalPodAutoscaler")
        .metadata(ShopApp.meta("web"))
        .spec(new V2HorizontalPodAutoscalerSpec().minReplicas(min).maxReplicas(max)
            .scaleTargetRef(new V2CrossVersionObjectReference().apiVersion("apps/v1").kind("Deployment").name(target)));
  }

  @Test
  void serviceSelectsPods() {
    app.service.getSpec().putSelectorItem("app", "wbe");
    assertThat(check("service-selects-pods")).singleElement().satisfies(f -> {
      assertThat(f.object()).isEqualTo("Service/shop/web");
      assertThat(f.path()).isEqualTo("spec.selector");
      assertThat(f.message()).isEqualTo("selects no pods: no workload in namespace \"shop\" has pods labelled app=wbe");
    });
  }

  @Test
  void serviceSelectsOnlyPodsOfItsNamespace() {
    app.service.getMetadata().namespace("other");
    assertThat(check("service-selects-pods")).hasSize(1);
  }

  @Test
  void serviceTargetPortMustBeDeclaredBySelectedPods() {
    app.service.getSpec().getPorts().get(0).targetPort(new IntOrString("web"));
    assertThat(pathsAndMessages(check("service-target-port"))).containsExactly(
        "spec.ports[0].targetPort: names port \"web\", which no container of the selected pods declares (Deployment/shop/web)");
    app.service.getSpec().getPorts().get(0).targetPort(new IntOrString(9999));
    assertThat(check("service-target-port")).isEmpty();
  }

  @Test
  void ingressBackendNeedsAnExistingServiceAndPort() {
    var backend = app.ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
    backend.port(new V1ServiceBackendPort().number(8080));
    assertThat(pathsAndMessages(check("ingress-backend"))).containsExactly(
        "spec.rules[0].http.paths[0].backend.service.port.number: Service \"web\" has no port 8080");
    backend.port(new V1ServiceBackendPort().name("http"));
    assertThat(check("ingress-backend")).isEmpty();
    backend.name("api");
    assertThat(pathsAndMessages(check("ingress-backend"))).containsExactly(
        "spec.rules[0].http.paths[0].backend.service.name: Service \"api\" is not among the objects in namespace \"shop\"");
  }

  @Test
  void networkPolicyCoverageNeedsIngressAndEgress() {
    app.isolation.getSpec().policyTypes(null);
    assertThat(check("network-policy")).extracting(f -> f.object() + " " + f.path() + ": " + f.message()).containsExactly(
        "CronJob/shop/report spec.jobTemplate.spec.template.metadata.labels: no NetworkPolicy isolates the egress of its pods"
            + " (app=report), so all egress traffic is allowed",
        "Deployment/shop/web spec.template.metadata.labels: no NetworkPolicy isolates the egress of its pods (app=web), so"
            + " all egress traffic is allowed",
        "Job/shop/migrate spec.template.metadata.labels: no NetworkPolicy isolates the egress of its pods (app=migrate), so"
            + " all egress traffic is allowed");
    app.isolation.getSpec().addEgressItem(new V1NetworkPolicyEgressRule());
    assertThat(check("network-policy")).isEmpty();
    app.isolation.getSpec().podSelector(new V1LabelSelector().putMatchLabelsItem("app", "web"));
    assertThat(check("network-policy")).extracting(Finding::message)
        .allSatisfy(m -> assertThat(m).contains("isolates the ingress or egress of its pods"))
        .hasSize(2);
  }

  @Test
  void networkPolicySelectsPods() {
    V1NetworkPolicy typo = new V1NetworkPolicy().metadata(ShopApp.meta("typo"))
        .spec(new V1NetworkPolicySpec().podSelector(new V1LabelSelector().putMatchLabelsItem("app", "wbe")));
    assertThat(pathsAndMessages(check("network-policy-selects-pods", typo))).containsExactly(
        "spec.podSelector: selects no pods: no workload in namespace \"shop\" has pods matching app=wbe");
  }

  @Test
  void pdbPolicyAndSelection() {
    app.budget.spec(new V1PodDisruptionBudgetSpec().selector(new V1LabelSelector().putMatchLabelsItem("app", "wbe")));
    assertThat(pathsAndMessages(check("pdb-policy"))).containsExactly(
        "spec: sets neither minAvailable nor maxUnavailable, so it protects no pod");
    assertThat(pathsAndMessages(check("pdb-selects-pods"))).containsExactly(
        "spec.selector: selects no pods: no workload in namespace \"shop\" has pods matching app=wbe");
    app.budget.getSpec().selector(null);
    assertThat(pathsAndMessages(check("pdb-selects-pods"))).containsExactly(
        "spec.selector: is unset, and a null selector selects no pods");
  }

  @Test
  void pdbMustAllowADisruption() {
    app.budget.getSpec().maxUnavailable(new IntOrString("0%"));
    assertThat(pathsAndMessages(check("pdb-allows-disruption"))).containsExactly(
        "spec.maxUnavailable: is 0%: no pod may ever be evicted, so node drains block");
    app.budget.getSpec().maxUnavailable(null).minAvailable(new IntOrString(3));
    assertThat(pathsAndMessages(check("pdb-allows-disruption"))).containsExactly(
        "spec.minAvailable: is 3 (3 pods) but Deployment/shop/web runs 3: no pod may be evicted then, so node drains block");
    app.budget.getSpec().minAvailable(new IntOrString("67%"));
    assertThat(check("pdb-allows-disruption")).extracting(Finding::message).containsExactly(
        "is 67% (3 pods) but Deployment/shop/web runs 3: no pod may be evicted then, so node drains block");
    app.budget.getSpec().minAvailable(new IntOrString("66%"));
    assertThat(check("pdb-allows-disruption")).isEmpty();
    app.budget.getSpec().minAvailable(new IntOrString(2));
    assertThat(check("pdb-allows-disruption")).isEmpty();
    assertThat(pathsAndMessages(check("pdb-allows-disruption", hpa(2, 6, "web")))).containsExactly(
        "spec.minAvailable: is 2 (2 pods) but Deployment/shop/web may run only 2 (HorizontalPodAutoscaler/shop/web"
            + " minReplicas): no pod may be evicted then, so node drains block");
  }

  @Test
  void hpaRules() {
    app.web.getSpec().replicas(null);
    assertThat(Policies.recommended().check(withExtra(hpa(3, 10, "web")))).isEmpty();

    List<Finding> findings = Policies.recommended().check(withExtra(hpa(1, 1, "wbe")));
    assertThat(TestPods.of(findings, "hpa-replicas")).extracting(f -> f.path() + ": " + f.message()).containsExactly(
        "spec.maxReplicas: should be above minReplicas, was equal (1): the autoscaler never scales",
        "spec.minReplicas: should be at least 2, was 1");
    assertThat(pathsAndMessages(TestPods.of(findings, "hpa-target"))).containsExactly(
        "spec.scaleTargetRef.name: targets Deployment \"wbe\", which is not among the objects in namespace \"shop\"");

    assertThat(TestPods.of(Policies.recommended().check(withExtra(hpa(5, 3, "web"))), "hpa-range")).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.ERROR);
          assertThat(f.path()).isEqualTo("spec.minReplicas");
          assertThat(f.message()).isEqualTo("must be <= maxReplicas 3, was 5");
        });
  }

  @Test
  void aWorkloadScaledByAnHpaLeavesReplicasToIt() {
    assertThat(pathsAndMessages(check("hpa-static-replicas", hpa(3, 10, "web")))).containsExactly(
        "spec.replicas: should be unset, since HorizontalPodAutoscaler/shop/web scales it; was 3");
    app.web.getSpec().replicas(1);
    assertThat(check("deployment-replicas", hpa(3, 10, "web"))).isEmpty();
  }

  private List<KubernetesObject> withExtra(KubernetesObject extra) {
    List<KubernetesObject> objects = new ArrayList<>(app.objects());
    objects.add(extra);
    return objects;
  }
}
