package dev.mizzen.testkit.assertions;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Assertions on a list of objects (an application's): finds one by kind and name and navigates
 * to its assert, keeping the soft/hard mode. Names must be unique per kind; when the list spans
 * namespaces, narrow it first with {@link #inNamespace(String)}.
 *
 * <pre>{@code
 * assertThat(app).deployment("web").container("web").readiness().isHttpGet("/ready");
 * assertThat(app).object("ConfigMap", "web-config").hasLabel("app.kubernetes.io/part-of", "shop");
 * assertThat(app).networkPolicies().allow("web", "api", 9090);
 * }</pre>
 */
public class ObjectsAssert extends AbstractMizzenAssert<ObjectsAssert, List<KubernetesObject>> {

  /** An assert on {@code actual}, named {@code objects} in messages. */
  public ObjectsAssert(List<KubernetesObject> actual) {
    super(actual, ObjectsAssert.class, "objects");
  }

  @SuppressWarnings("unchecked")
  static Class<List<KubernetesObject>> listType() {
    return (Class<List<KubernetesObject>>) (Class<?>) List.class;
  }

  /** Narrows to the objects in namespace {@code namespace}, and the cluster-scoped ones (without a namespace). */
  public ObjectsAssert inNamespace(String namespace) {
    List<KubernetesObject> narrowed = actual == null ? null : actual.stream()
        .filter(o -> ObjectFields.namespace(o) == null
            || Objects.equals(namespace, ObjectFields.namespace(o)))
        .toList();
    return navigate(ObjectsAssert.class, listType(), ObjectsAssert::new, narrowed, List::of, location(), () -> "");
  }

  /** Asserts the list holds an object of kind {@code kind} named {@code name}. */
  public ObjectsAssert containsObject(String kind, String name) {
    requireActual();
    ObjectLookup lookup = ObjectLookup.find(actual, kind, name);
    if (lookup.found() == null) {
      failAt(location(), lookup.problem());
    }
    return myself;
  }

  /** Asserts the list holds no object of kind {@code kind} named {@code name}. */
  public ObjectsAssert doesNotContainObject(String kind, String name) {
    requireActual();
    List<String> found = actual.stream()
        .filter(o -> kind.equals(ObjectFields.kind(o)) && Objects.equals(name, ObjectFields.name(o)))
        .map(ObjectFields::ref).toList();
    if (!found.isEmpty()) {
      failAt(location(), "expected no " + kind + " named " + quote(name) + ", but found " + found);
    }
    return myself;
  }

  /** Navigates to the object of kind {@code kind} named {@code name}, for its metadata. */
  public KubernetesObjectAssert object(String kind, String name) {
    return find(kind, name, KubernetesObjectAssert.class, KubernetesObject.class, KubernetesObjectAssert::new,
        () -> new V1ConfigMap().kind(kind).metadata(new V1ObjectMeta().name(name)));
  }

  /** Navigates to the NetworkPolicies among these objects, to ask what traffic they allow. */
  public NetworkPoliciesAssert networkPolicies() {
    return navigate(NetworkPoliciesAssert.class, listType(), NetworkPoliciesAssert::new, actual, List::of,
        location(), () -> "");
  }

  /** Navigates to the Deployment {@code name}. */
  public DeploymentAssert deployment(String name) {
    return find("Deployment", name, DeploymentAssert.class, V1Deployment.class, DeploymentAssert::new,
        V1Deployment::new);
  }

  /** Navigates to the StatefulSet {@code name}. */
  public StatefulSetAssert statefulSet(String name) {
    return find("StatefulSet", name, StatefulSetAssert.class, V1StatefulSet.class, StatefulSetAssert::new,
        V1StatefulSet::new);
  }

  /** Navigates to the DaemonSet {@code name}. */
  public DaemonSetAssert daemonSet(String name) {
    return find("DaemonSet", name, DaemonSetAssert.class, V1DaemonSet.class, DaemonSetAssert::new, V1DaemonSet::new);
  }

  /** Navigates to the Job {@code name}. */
  public JobAssert job(String name) {
    return find("Job", name, JobAssert.class, V1Job.class, JobAssert::new, V1Job::new);
  }

  /** Navigates to the CronJob {@code name}. */
  public CronJobAssert cronJob(String name) {
    return find("CronJob", name, CronJobAssert.class, V1CronJob.class, CronJobAssert::new, V1CronJob::new);
  }

  /** Navigates to the Service {@code name}. */
  public ServiceAssert service(String name) {
    return find("Service", name, ServiceAssert.class, V1Service.class, ServiceAssert::new, V1Service::new);
  }

  /** Navigates to the Ingress {@code name}. */
  public IngressAssert ingress(String name) {
    return find("Ingress", name, IngressAssert.class, V1Ingress.class, IngressAssert::new, V1Ingress::new);
  }

  /** Navigates to the NetworkPolicy {@code name}. */
  public NetworkPolicyAssert networkPolicy(String name) {
    return find("NetworkPolicy", name, NetworkPolicyAssert.class, V1NetworkPolicy.class, NetworkPolicyAssert::new,
        V1NetworkPolicy::new);
  }

  /** Navigates to the PodDisruptionBudget {@code name}. */
  public PodDisruptionBudgetAssert podDisruptionBudget(String name) {
    return find("PodDisruptionBudget", name, PodDisruptionBudgetAssert.class, V1PodDisruptionBudget.class,
        PodDisruptionBudgetAssert::new, V1PodDisruptionBudget::new);
  }

  /** Navigates to the HorizontalPodAutoscaler {@code name}. */
  public HorizontalPodAutoscalerAssert horizontalPodAutoscaler(String name) {
    return find("HorizontalPodAutoscaler", name, HorizontalPodAutoscalerAssert.class, V2HorizontalPodAutoscaler.class,
        HorizontalPodAutoscalerAssert::new, V2HorizontalPodAutoscaler::new);
  }

  /** Navigates to the ConfigMap {@code name}. */
  public ConfigMapAssert configMap(String name) {
    return find("ConfigMap", name, ConfigMapAssert.class, V1ConfigMap.class, ConfigMapAssert::new, V1ConfigMap::new);
  }

  /** Navigates to the Secret {@code name}. */
  public SecretAssert secret(String name) {
    return find("Secret", name, SecretAssert.class, V1Secret.class, SecretAssert::new, V1Secret::new);
  }

  /** Navigates to the ServiceAccount {@code name}. */
  public ServiceAccountAssert serviceAccount(String name) {
    return find("ServiceAccount", name, ServiceAccountAssert.class, V1ServiceAccount.class, ServiceAccountAssert::new,
        V1ServiceAccount::new);
  }

  /** Navigates to the Namespace {@code name}. */
  public NamespaceAssert namespace(String name) {
    return find("Namespace", name, NamespaceAssert.class, V1Namespace.class, NamespaceAssert::new, V1Namespace::new);
  }

  /** Navigates to the Role {@code name}. */
  public RoleAssert role(String name) {
    return find("Role", name, RoleAssert.class, V1Role.class, RoleAssert::new, V1Role::new);
  }

  /** Navigates to the RoleBinding {@code name}. */
  public RoleBindingAssert roleBinding(String name) {
    return find("RoleBinding", name, RoleBindingAssert.class, V1RoleBinding.class, RoleBindingAssert::new,
        V1RoleBinding::new);
  }

  /** Navigates to the ClusterRole {@code name}. */
  public ClusterRoleAssert clusterRole(String name) {
    return find("ClusterRole", name, ClusterRoleAssert.class, V1ClusterRole.class, ClusterRoleAssert::new,
        V1ClusterRole::new);
  }

  /** Navigates to the ClusterRoleBinding {@code name}. */
  public ClusterRoleBindingAssert clusterRoleBinding(String name) {
    return find("ClusterRoleBinding", name, ClusterRoleBindingAssert.class, V1ClusterRoleBinding.class,
        ClusterRoleBindingAssert::new, V1ClusterRoleBinding::new);
  }

  private <A extends AbstractMizzenAssert<A, T>, T extends KubernetesObject> A find(String kind, String name,
      Class<A> type, Class<T> actualType, Function<T, A> constructor, Supplier<T> empty) {
    ObjectLookup lookup = actual == null ? new ObjectLookup(null, "") : ObjectLookup.find(actual, kind, name);
    KubernetesObject found = lookup.found();
    String problem = lookup.problem();
    if (found != null && !actualType.isInstance(found)) {
      problem = "expected " + ObjectFields.ref(found) + " to be a " + actualType.getSimpleName()
          + ", but it is a " + found.getClass().getSimpleName();
      found = null;
    }
    String missing = problem;
    Location where = found == null ? location() : Location.of(ObjectFields.ref(found));
    return navigate(type, actualType, constructor, found == null ? null : actualType.cast(found),
        empty, where, () -> missing);
  }
}
