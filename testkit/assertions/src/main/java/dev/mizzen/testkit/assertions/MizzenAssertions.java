package dev.mizzen.testkit.assertions;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.identity.ClusterRole;
import dev.mizzen.dsl.identity.ClusterRoleBinding;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.identity.Role;
import dev.mizzen.dsl.identity.RoleBinding;
import dev.mizzen.dsl.identity.ServiceAccount;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.Job;
import dev.mizzen.dsl.workload.StatefulSet;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entry point of Mizzen's assertions: {@code assertThat(...)} for DSL values and for the
 * client-java objects they render to. A DSL value is rendered first ({@code render()},
 * {@code toV1Container()}, ...), so both kinds share one implementation and every assertion runs
 * on what the API server would receive.
 *
 * <pre>{@code
 * import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
 *
 * assertThat(ShopApp.app()).deployment("web").container("web").readiness().isHttpGet("/ready");
 * assertThat(web).runsAsNonRoot().hasResources().isSpreadOver("topology.kubernetes.io/zone");
 * assertThat(app).networkPolicies().allow("web", "api", 9090).deny("web", "db", 5432);
 * }</pre>
 *
 * Failures name the object and field path: {@code Deployment/shop/web:
 * spec.template.spec.containers[web].readinessProbe: expected an httpGet probe on path "/ready",
 * but was a tcpSocket probe on port http}. To collect several failures, use
 * {@link MizzenSoftAssertions}.
 */
public final class MizzenAssertions {
  private static final Navigator HARD = Navigator.HARD;

  private MizzenAssertions() {}

  /** Assertions on where the placement explainer says a pod can go, and why not elsewhere. */
  public static ExplanationAssert assertThat(dev.mizzen.scheduling.explain.Explanation actual) {
    return HARD.open(ExplanationAssert.class, dev.mizzen.scheduling.explain.Explanation.class, ExplanationAssert::new, actual)
        .navigatedBy(HARD);
  }

  /** Assertions on how the placement explainer spreads a workload's replicas. */
  public static ReplicaPlacementAssert assertThat(dev.mizzen.scheduling.explain.ReplicaPlacement actual) {
    return HARD.open(ReplicaPlacementAssert.class, dev.mizzen.scheduling.explain.ReplicaPlacement.class,
        ReplicaPlacementAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered Deployment. */
  public static DeploymentAssert assertThat(V1Deployment actual) {
    return HARD.open(DeploymentAssert.class, V1Deployment.class, DeploymentAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered StatefulSet. */
  public static StatefulSetAssert assertThat(V1StatefulSet actual) {
    return HARD.open(StatefulSetAssert.class, V1StatefulSet.class, StatefulSetAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered DaemonSet. */
  public static DaemonSetAssert assertThat(V1DaemonSet actual) {
    return HARD.open(DaemonSetAssert.class, V1DaemonSet.class, DaemonSetAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered Job. */
  public static JobAssert assertThat(V1Job actual) {
    return HARD.open(JobAssert.class, V1Job.class, JobAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered CronJob. */
  public static CronJobAssert assertThat(V1CronJob actual) {
    return HARD.open(CronJobAssert.class, V1CronJob.class, CronJobAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered container. */
  public static ContainerAssert assertThat(V1Container actual) {
    return HARD.open(ContainerAssert.class, V1Container.class, ContainerAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered probe. */
  public static ProbeAssert assertThat(V1Probe actual) {
    return HARD.open(ProbeAssert.class, V1Probe.class, ProbeAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered Service. */
  public static ServiceAssert assertThat(V1Service actual) {
    return HARD.open(ServiceAssert.class, V1Service.class, ServiceAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered Ingress. */
  public static IngressAssert assertThat(V1Ingress actual) {
    return HARD.open(IngressAssert.class, V1Ingress.class, IngressAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered NetworkPolicy. */
  public static NetworkPolicyAssert assertThat(V1NetworkPolicy actual) {
    return HARD.open(NetworkPolicyAssert.class, V1NetworkPolicy.class,
        NetworkPolicyAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered PodDisruptionBudget. */
  public static PodDisruptionBudgetAssert assertThat(V1PodDisruptionBudget actual) {
    return HARD.open(PodDisruptionBudgetAssert.class, V1PodDisruptionBudget.class,
        PodDisruptionBudgetAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered autoscaling/v2 HorizontalPodAutoscaler. */
  public static HorizontalPodAutoscalerAssert assertThat(V2HorizontalPodAutoscaler actual) {
    return HARD.open(HorizontalPodAutoscalerAssert.class, V2HorizontalPodAutoscaler.class,
        HorizontalPodAutoscalerAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered ConfigMap. */
  public static ConfigMapAssert assertThat(V1ConfigMap actual) {
    return HARD.open(ConfigMapAssert.class, V1ConfigMap.class, ConfigMapAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered Secret. */
  public static SecretAssert assertThat(V1Secret actual) {
    return HARD.open(SecretAssert.class, V1Secret.class, SecretAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered ServiceAccount. */
  public static ServiceAccountAssert assertThat(V1ServiceAccount actual) {
    return HARD.open(ServiceAccountAssert.class, V1ServiceAccount.class,
        ServiceAccountAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered Namespace. */
  public static NamespaceAssert assertThat(V1Namespace actual) {
    return HARD.open(NamespaceAssert.class, V1Namespace.class, NamespaceAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered Role. */
  public static RoleAssert assertThat(V1Role actual) {
    return HARD.open(RoleAssert.class, V1Role.class, RoleAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered RoleBinding. */
  public static RoleBindingAssert assertThat(V1RoleBinding actual) {
    return HARD.open(RoleBindingAssert.class, V1RoleBinding.class, RoleBindingAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered ClusterRole. */
  public static ClusterRoleAssert assertThat(V1ClusterRole actual) {
    return HARD.open(ClusterRoleAssert.class, V1ClusterRole.class, ClusterRoleAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered ClusterRoleBinding. */
  public static ClusterRoleBindingAssert assertThat(V1ClusterRoleBinding actual) {
    return HARD.open(ClusterRoleBindingAssert.class, V1ClusterRoleBinding.class,
        ClusterRoleBindingAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on any object, for its metadata. */
  public static KubernetesObjectAssert assertThat(KubernetesObject actual) {
    return HARD.open(KubernetesObjectAssert.class, KubernetesObject.class,
        KubernetesObjectAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a rendered pod template; messages name it {@code PodTemplate}, fields from {@code spec}. */
  public static PodAssert assertThat(V1PodTemplateSpec actual) {
    return HARD.open(PodAssert.class, V1PodTemplateSpec.class, PodAssert::new, actual).navigatedBy(HARD);
  }

  /** Assertions on a bare pod spec; messages name it {@code PodSpec}, fields from its root. */
  public static PodAssert assertThat(V1PodSpec actual) {
    return HARD.open(PodAssert.class, V1PodTemplateSpec.class, PodAssert::new, new V1PodTemplateSpec().spec(actual))
        .placed(Location.of("PodSpec"), HARD, false).specAtRoot();
  }

  /** Assertions on a list of objects (an application's, a parsed manifest's): find one by kind and name. */
  public static ObjectsAssert assertThat(List<? extends KubernetesObject> actual) {
    List<KubernetesObject> objects = actual == null ? null : Collections.unmodifiableList(new ArrayList<>(actual));
    return HARD.open(ObjectsAssert.class, ObjectsAssert.listType(), ObjectsAssert::new, objects).navigatedBy(HARD);
  }

  /** Assertions on an application's rendered objects; messages name it {@code App/<name>}. */
  public static ObjectsAssert assertThat(App actual) {
    return assertThat(actual.objects()).placed(Location.of("App/" + actual.name()), HARD, false);
  }

  /** Assertions on a Deployment value, rendered on its own (no namespace, not part of an application). */
  public static DeploymentAssert assertThat(Deployment actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a StatefulSet value, rendered on its own (no namespace, not part of an application). */
  public static StatefulSetAssert assertThat(StatefulSet actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a DaemonSet value, rendered on its own (no namespace, not part of an application). */
  public static DaemonSetAssert assertThat(DaemonSet actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Job value, rendered on its own (no namespace, not part of an application). */
  public static JobAssert assertThat(Job actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a CronJob value, rendered on its own (no namespace, not part of an application). */
  public static CronJobAssert assertThat(CronJob actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a PodTemplate value, rendered on its own (no namespace, not part of an application). */
  public static PodAssert assertThat(PodTemplate actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Container value, rendered on its own (no namespace, not part of an application). */
  public static ContainerAssert assertThat(Container actual) {
    return assertThat(actual.toV1Container());
  }

  /** Assertions on a Probe value, rendered on its own (no namespace, not part of an application). */
  public static ProbeAssert assertThat(Probe actual) {
    return assertThat(actual.toV1Probe());
  }

  /** Assertions on a Service value, rendered on its own (no namespace, not part of an application). */
  public static ServiceAssert assertThat(Service actual) {
    return assertThat(actual.render());
  }

  /** Assertions on an Ingress value, rendered on its own (no namespace, not part of an application). */
  public static IngressAssert assertThat(Ingress actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a NetworkPolicy value, rendered on its own (no namespace, not part of an application). */
  public static NetworkPolicyAssert assertThat(NetworkPolicy actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a PodDisruptionBudget value, rendered on its own (no namespace, not part of an application). */
  public static PodDisruptionBudgetAssert assertThat(PodDisruptionBudget actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a HorizontalPodAutoscaler value, rendered on its own (no namespace, not part of an application). */
  public static HorizontalPodAutoscalerAssert assertThat(HorizontalPodAutoscaler actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ConfigMap value, rendered on its own (no namespace, not part of an application). */
  public static ConfigMapAssert assertThat(ConfigMap actual) {
    return assertThat(actual.render(RenderContext.standalone()));
  }

  /** Assertions on a Secret value, rendered on its own (no namespace, not part of an application). */
  public static SecretAssert assertThat(Secret actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ServiceAccount value, rendered on its own (no namespace, not part of an application). */
  public static ServiceAccountAssert assertThat(ServiceAccount actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Namespace value, rendered on its own (no namespace, not part of an application). */
  public static NamespaceAssert assertThat(Namespace actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Role value, rendered on its own (no namespace, not part of an application). */
  public static RoleAssert assertThat(Role actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a RoleBinding value, rendered on its own (no namespace, not part of an application). */
  public static RoleBindingAssert assertThat(RoleBinding actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ClusterRole value, rendered on its own (no namespace, not part of an application). */
  public static ClusterRoleAssert assertThat(ClusterRole actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ClusterRoleBinding value, rendered on its own (no namespace, not part of an application). */
  public static ClusterRoleBindingAssert assertThat(ClusterRoleBinding actual) {
    return assertThat(actual.render());
  }
}
