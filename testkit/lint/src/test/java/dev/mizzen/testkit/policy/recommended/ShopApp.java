package dev.mizzen.testkit.policy.recommended;

import static dev.mizzen.testkit.policy.TestPods.restrictedSpec;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CronJobSpec;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1JobTemplateSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.List;

/** A small, well-configured application in namespace {@code shop}: every built-in policy passes it. */
final class ShopApp {
  final V1Deployment web = deployment("web", 3);
  final V1Service service = service("web", "web");
  final V1PodDisruptionBudget budget = budget("web", "web");
  final V1NetworkPolicy isolation = new V1NetworkPolicy().apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
      .metadata(meta("default-deny"))
      .spec(new V1NetworkPolicySpec().podSelector(new V1LabelSelector()).policyTypes(List.of("Ingress", "Egress")));
  final V1Ingress ingress = new V1Ingress().apiVersion("networking.k8s.io/v1").kind("Ingress")
      .metadata(meta("web"))
      .spec(new V1IngressSpec().addRulesItem(new V1IngressRule().host("shop.example.com")
          .http(new V1HTTPIngressRuleValue().addPathsItem(new V1HTTPIngressPath().path("/").pathType("Prefix")
              .backend(new V1IngressBackend().service(new V1IngressServiceBackend().name("web")
                  .port(new V1ServiceBackendPort().number(80))))))));
  final V1CronJob report = new V1CronJob().apiVersion("batch/v1").kind("CronJob")
      .metadata(meta("report"))
      .spec(new V1CronJobSpec().schedule("0 * * * *").startingDeadlineSeconds(300L)
          .jobTemplate(new V1JobTemplateSpec().spec(new V1JobSpec().template(template("report", false)))));
  final V1Job migrate = new V1Job().apiVersion("batch/v1").kind("Job")
      .metadata(meta("migrate"))
      .spec(new V1JobSpec().ttlSecondsAfterFinished(3600).template(template("migrate", false)));

  List<KubernetesObject> objects() {
    return List.of(web, service, budget, isolation, ingress, report, migrate);
  }

  static V1ObjectMeta meta(String name) {
    return new V1ObjectMeta().name(name).namespace("shop");
  }

  static V1Deployment deployment(String name, Integer replicas) {
    return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
        .metadata(meta(name))
        .spec(new V1DeploymentSpec().replicas(replicas)
            .selector(new V1LabelSelector().putMatchLabelsItem("app", name))
            .template(template(name, true)));
  }

  static V1PodTemplateSpec template(String name, boolean served) {
    V1PodSpec spec = restrictedSpec();
    V1Container app = spec.getContainers().get(0).image("ghcr.io/acme/" + name + ":1.4.2")
        .resources(new V1ResourceRequirements()
            .putRequestsItem("cpu", Quantity.fromString("250m")).putRequestsItem("memory", Quantity.fromString("256Mi"))
            .putLimitsItem("cpu", Quantity.fromString("500m")).putLimitsItem("memory", Quantity.fromString("512Mi")));
    app.getSecurityContext().readOnlyRootFilesystem(true);
    if (served) {
      app.addPortsItem(new V1ContainerPort().name("http").containerPort(8080))
          .readinessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/ready").port(new IntOrString("http"))))
          .livenessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/live").port(new IntOrString(8080))));
      spec.addTopologySpreadConstraintsItem(new V1TopologySpreadConstraint().maxSkew(1)
          .topologyKey("kubernetes.io/hostname").whenUnsatisfiable("ScheduleAnyway")
          .labelSelector(new V1LabelSelector().putMatchLabelsItem("app", name)));
    } else {
      spec.restartPolicy("OnFailure");
    }
    return new V1PodTemplateSpec().metadata(new V1ObjectMeta().putLabelsItem("app", name)).spec(spec);
  }

  static V1Service service(String name, String app) {
    return new V1Service().apiVersion("v1").kind("Service")
        .metadata(meta(name))
        .spec(new V1ServiceSpec().putSelectorItem("app", app)
            .addPortsItem(new V1ServicePort().name("http").port(80).targetPort(new IntOrString("http"))));
  }

  static V1PodDisruptionBudget budget(String name, String app) {
    return new V1PodDisruptionBudget().apiVersion("policy/v1").kind("PodDisruptionBudget")
        .metadata(meta(name))
        .spec(new V1PodDisruptionBudgetSpec().maxUnavailable(new IntOrString(1))
            .selector(new V1LabelSelector().putMatchLabelsItem("app", app)));
  }
}
