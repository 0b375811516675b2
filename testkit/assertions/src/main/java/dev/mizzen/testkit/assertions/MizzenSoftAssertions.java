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
import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions for Mizzen: the same {@code assertThat(...)} overloads as
 * {@link MizzenAssertions}, but failures are collected, through every navigation step, and
 * reported together by {@link #assertAll()}.
 *
 * <pre>{@code
 * MizzenSoftAssertions.assertSoftly(softly -> {
 *   softly.assertThat(app).deployment("web").hasReplicas(3).container("web").hasPinnedImage();
 *   softly.assertThat(app).service("web").hasType("ClusterIP");
 * });
 * }</pre>
 *
 * It also works with AssertJ's JUnit 5 {@code SoftAssertionsExtension}
 * ({@code @InjectSoftAssertions MizzenSoftAssertions softly}). When navigation fails softly
 * ({@code .container("nope")}), the failure is recorded once and the assertions chained after it
 * are skipped.
 */
public class MizzenSoftAssertions extends AbstractSoftAssertions {
  private final Navigator softly = Navigator.soft(this);

  /** Empty soft assertions; call {@link #assertAll()} at the end (or use {@link #assertSoftly}). */
  public MizzenSoftAssertions() {}

  /** Runs {@code assertions} softly, then fails with every failure they collected, if any. */
  public static void assertSoftly(Consumer<MizzenSoftAssertions> assertions) {
    SoftAssertionsProvider.assertSoftly(MizzenSoftAssertions.class, assertions);
  }

  /** Assertions on a rendered Deployment. */
  public DeploymentAssert assertThat(V1Deployment actual) {
    return softly.open(DeploymentAssert.class, V1Deployment.class, DeploymentAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered StatefulSet. */
  public StatefulSetAssert assertThat(V1StatefulSet actual) {
    return softly.open(StatefulSetAssert.class, V1StatefulSet.class,
        StatefulSetAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered DaemonSet. */
  public DaemonSetAssert assertThat(V1DaemonSet actual) {
    return softly.open(DaemonSetAssert.class, V1DaemonSet.class, DaemonSetAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered Job. */
  public JobAssert assertThat(V1Job actual) {
    return softly.open(JobAssert.class, V1Job.class, JobAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered CronJob. */
  public CronJobAssert assertThat(V1CronJob actual) {
    return softly.open(CronJobAssert.class, V1CronJob.class, CronJobAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered container. */
  public ContainerAssert assertThat(V1Container actual) {
    return softly.open(ContainerAssert.class, V1Container.class, ContainerAssert::new, actual).navigatedBy(softly);
  }

  /** Soft assertions on where the placement explainer says a pod can go. */
  public ExplanationAssert assertThat(dev.mizzen.scheduling.explain.Explanation actual) {
    return softly.open(ExplanationAssert.class, dev.mizzen.scheduling.explain.Explanation.class, ExplanationAssert::new, actual)
        .navigatedBy(softly);
  }

  /** Soft assertions on how the placement explainer spreads a workload's replicas. */
  public ReplicaPlacementAssert assertThat(dev.mizzen.scheduling.explain.ReplicaPlacement actual) {
    return softly.open(ReplicaPlacementAssert.class, dev.mizzen.scheduling.explain.ReplicaPlacement.class,
        ReplicaPlacementAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered probe. */
  public ProbeAssert assertThat(V1Probe actual) {
    return softly.open(ProbeAssert.class, V1Probe.class, ProbeAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered Service. */
  public ServiceAssert assertThat(V1Service actual) {
    return softly.open(ServiceAssert.class, V1Service.class, ServiceAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered Ingress. */
  public IngressAssert assertThat(V1Ingress actual) {
    return softly.open(IngressAssert.class, V1Ingress.class, IngressAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered NetworkPolicy. */
  public NetworkPolicyAssert assertThat(V1NetworkPolicy actual) {
    return softly.open(NetworkPolicyAssert.class, V1NetworkPolicy.class,
        NetworkPolicyAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered PodDisruptionBudget. */
  public PodDisruptionBudgetAssert assertThat(V1PodDisruptionBudget actual) {
    return softly.open(PodDisruptionBudgetAssert.class, V1PodDisruptionBudget.class,
        PodDisruptionBudgetAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered autoscaling/v2 HorizontalPodAutoscaler. */
  public HorizontalPodAutoscalerAssert assertThat(V2HorizontalPodAutoscaler actual) {
    return softly.open(HorizontalPodAutoscalerAssert.class, V2HorizontalPodAutoscaler.class,
        HorizontalPodAutoscalerAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered ConfigMap. */
  public ConfigMapAssert assertThat(V1ConfigMap actual) {
    return softly.open(ConfigMapAssert.class, V1ConfigMap.class, ConfigMapAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered Secret. */
  public SecretAssert assertThat(V1Secret actual) {
    return softly.open(SecretAssert.class, V1Secret.class, SecretAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered ServiceAccount. */
  public ServiceAccountAssert assertThat(V1ServiceAccount actual) {
    return softly.open(ServiceAccountAssert.class, V1ServiceAccount.class,
        ServiceAccountAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered Namespace. */
  public NamespaceAssert assertThat(V1Namespace actual) {
    return softly.open(NamespaceAssert.class, V1Namespace.class, NamespaceAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered Role. */
  public RoleAssert assertThat(V1Role actual) {
    return softly.open(RoleAssert.class, V1Role.class, RoleAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered RoleBinding. */
  public RoleBindingAssert assertThat(V1RoleBinding actual) {
    return softly.open(RoleBindingAssert.class, V1RoleBinding.class,
        RoleBindingAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered ClusterRole. */
  public ClusterRoleAssert assertThat(V1ClusterRole actual) {
    return softly.open(ClusterRoleAssert.class, V1ClusterRole.class,
        ClusterRoleAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered ClusterRoleBinding. */
  public ClusterRoleBindingAssert assertThat(V1ClusterRoleBinding actual) {
    return softly.open(ClusterRoleBindingAssert.class, V1ClusterRoleBinding.class,
        ClusterRoleBindingAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on any object, for its metadata. */
  public KubernetesObjectAssert assertThat(KubernetesObject actual) {
    return softly.open(KubernetesObjectAssert.class, KubernetesObject.class,
        KubernetesObjectAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a rendered pod template; messages name it {@code PodTemplate}, fields from {@code spec}. */
  public PodAssert assertThat(V1PodTemplateSpec actual) {
    return softly.open(PodAssert.class, V1PodTemplateSpec.class, PodAssert::new, actual).navigatedBy(softly);
  }

  /** Assertions on a bare pod spec; messages name it {@code PodSpec}, fields from its root. */
  public PodAssert assertThat(V1PodSpec actual) {
    return softly.open(PodAssert.class, V1PodTemplateSpec.class, PodAssert::new, new V1PodTemplateSpec().spec(actual))
        .placed(Location.of("PodSpec"), softly, false).specAtRoot();
  }

  /** Assertions on a list of objects (an application's, a parsed manifest's): find one by kind and name. */
  public ObjectsAssert assertThat(List<? extends KubernetesObject> actual) {
    List<KubernetesObject> objects = actual == null ? null : Collections.unmodifiableList(new ArrayList<>(actual));
    return softly.open(ObjectsAssert.class, ObjectsAssert.listType(), ObjectsAssert::new, objects).navigatedBy(softly);
  }

  /** Assertions on an application's rendered objects; messages name it {@code App/<name>}. */
  public ObjectsAssert assertThat(App actual) {
    return assertThat(actual.objects()).placed(Location.of("App/" + actual.name()), softly, false);
  }

  /** Assertions on a Deployment value, rendered on its own (no namespace, not part of an application). */
  public DeploymentAssert assertThat(Deployment actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a StatefulSet value, rendered on its own (no namespace, not part of an application). */
  public StatefulSetAssert assertThat(StatefulSet actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a DaemonSet value, rendered on its own (no namespace, not part of an application). */
  public DaemonSetAssert assertThat(DaemonSet actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Job value, rendered on its own (no namespace, not part of an application). */
  public JobAssert assertThat(Job actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a CronJob value, rendered on its own (no namespace, not part of an application). */
  public CronJobAssert assertThat(CronJob actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a PodTemplate value, rendered on its own (no namespace, not part of an application). */
  public PodAssert assertThat(PodTemplate actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Container value, rendered on its own (no namespace, not part of an application). */
  public ContainerAssert assertThat(Container actual) {
    return assertThat(actual.toV1Container());
  }

  /** Assertions on a Probe value, rendered on its own (no namespace, not part of an application). */
  public ProbeAssert assertThat(Probe actual) {
    return assertThat(actual.toV1Probe());
  }

  /** Assertions on a Service value, rendered on its own (no namespace, not part of an application). */
  public ServiceAssert assertThat(Service actual) {
    return assertThat(actual.render());
  }

  /** Assertions on an Ingress value, rendered on its own (no namespace, not part of an application). */
  public IngressAssert assertThat(Ingress actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a NetworkPolicy value, rendered on its own (no namespace, not part of an application). */
  public NetworkPolicyAssert assertThat(NetworkPolicy actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a PodDisruptionBudget value, rendered on its own (no namespace, not part of an application). */
  public PodDisruptionBudgetAssert assertThat(PodDisruptionBudget actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a HorizontalPodAutoscaler value, rendered on its own (no namespace, not part of an application). */
  public HorizontalPodAutoscalerAssert assertThat(HorizontalPodAutoscaler actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ConfigMap value, rendered on its own (no namespace, not part of an application). */
  public ConfigMapAssert assertThat(ConfigMap actual) {
    return assertThat(actual.render(RenderContext.standalone()));
  }

  /** Assertions on a Secret value, rendered on its own (no namespace, not part of an application). */
  public SecretAssert assertThat(Secret actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ServiceAccount value, rendered on its own (no namespace, not part of an application). */
  public ServiceAccountAssert assertThat(ServiceAccount actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Namespace value, rendered on its own (no namespace, not part of an application). */
  public NamespaceAssert assertThat(Namespace actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a Role value, rendered on its own (no namespace, not part of an application). */
  public RoleAssert assertThat(Role actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a RoleBinding value, rendered on its own (no namespace, not part of an application). */
  public RoleBindingAssert assertThat(RoleBinding actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ClusterRole value, rendered on its own (no namespace, not part of an application). */
  public ClusterRoleAssert assertThat(ClusterRole actual) {
    return assertThat(actual.render());
  }

  /** Assertions on a ClusterRoleBinding value, rendered on its own (no namespace, not part of an application). */
  public ClusterRoleBindingAssert assertThat(ClusterRoleBinding actual) {
    return assertThat(actual.render());
  }
}
