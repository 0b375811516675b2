package dev.mizzen.testkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guard against accidental quadratic behaviour: {@code Policies.all()} over 12,000 objects of
 * 1,000 applications. The bound is far below the measured rate (see docs/policies.md) so that a
 * busy machine does not make it flaky.
 */
class PolicyThroughputTest {

  static List<KubernetesObject> corpus(int apps) {
    List<KubernetesObject> objects = new ArrayList<>();
    for (int i = 0; i < apps; i++) {
      String ns = "team-" + (i % 20);
      String name = "app-" + i;
      V1PodSpec spec = TestPods.restrictedSpec();
      var container = spec.getContainers().get(0).image(i % 7 == 0 ? "ghcr.io/acme/" + name : "ghcr.io/acme/" + name + ":1." + i)
          .addEnvItem(new V1EnvVar().name("LOG_LEVEL").value("info"))
          .addEnvItem(new V1EnvVar().name(i % 11 == 0 ? "DB_PASSWORD" : "DB_HOST").value("db"))
          .readinessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/ready").port(new IntOrString(8080))));
      if (i % 3 != 0) {
        container.resources(new V1ResourceRequirements().putRequestsItem("cpu", Quantity.fromString("100m"))
            .putLimitsItem("memory", Quantity.fromString("128Mi")));
      }
      if (i % 13 == 0) {
        spec.hostNetwork(true);
      }
      V1Deployment deployment = TestPods.deployment(name, 1 + i % 4, spec);
      deployment.getMetadata().namespace(ns);
      objects.add(deployment);
      objects.add(new V1Service().apiVersion("v1").kind("Service").metadata(new V1ObjectMeta().name(name).namespace(ns))
          .spec(new V1ServiceSpec().putSelectorItem("app", i % 17 == 0 ? "typo" : name)
              .addPortsItem(new V1ServicePort().port(80).targetPort(new IntOrString(8080)))));
      objects.add(new V1PodDisruptionBudget().apiVersion("policy/v1").kind("PodDisruptionBudget")
          .metadata(new V1ObjectMeta().name(name).namespace(ns))
          .spec(new V1PodDisruptionBudgetSpec().maxUnavailable(new IntOrString(1))
              .selector(new V1LabelSelector().putMatchLabelsItem("app", name))));
      objects.add(new V1NetworkPolicy().apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
          .metadata(new V1ObjectMeta().name(name).namespace(ns))
          .spec(new V1NetworkPolicySpec().podSelector(new V1LabelSelector().putMatchLabelsItem("app", name))));
      if (i % 5 == 0) {
        objects.add(new V2HorizontalPodAutoscaler().apiVersion("autoscaling/v2").kind("HorizontalPodAutoscaler")
            .metadata(new V1ObjectMeta().name(name).namespace(ns))
            .spec(new V2HorizontalPodAutoscalerSpec().minReplicas(2).maxReplicas(6)
                .scaleTargetRef(new V2CrossVersionObjectReference().kind("Deployment").name(name))));
      }
      objects.add(TestPods.pod(name + "-debug"));
      while (objects.size() % 12 != 0 && i % 5 == 0) {
        objects.add(TestPods.pod(name + "-extra-" + objects.size()));
      }
    }
    return objects;
  }

  @Test
  void checksThousandsOfObjectsPerSecond() {
    List<KubernetesObject> objects = corpus(2_000);
    for (int i = 0; i < 3; i++) {
      Policies.all().check(objects);
    }
    long start = System.nanoTime();
    List<Finding> findings = Policies.all().check(objects);
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = objects.size() / seconds;
    System.out.printf("Policies.all(): %d objects, %d findings in %.3f s = %.0f objects/s%n",
        objects.size(), findings.size(), seconds, rate);
    assertThat(findings).isNotEmpty();
    assertThat(rate).isGreaterThan(2_000);
  }
}
