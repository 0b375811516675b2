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
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractListAssert;

/**
 * Assertions on a list of objects (an application's): finds one by kind and name and navigates
 * to its assert, keeping the soft/hard mode. Names must be unique per kind; when the list spans
 * namespaces, narrow it first with {@link #inNamespace(String)}.
 *
 * <p>It is an AssertJ list assert too: {@code filteredOn}, {@code extracting}, {@code hasSize},
 * {@code allSatisfy} and the rest work as on any list, and what {@code filteredOn} returns still
 * navigates, soft or hard, with messages naming the App.
 *
 * <pre>{@code
 * assertThat(app).deployment("web").container("web").readiness().isHttpGet("/ready");
 * assertThat(app).object("ConfigMap", "web-config").hasLabel("app.kubernetes.io/part-of", "shop");
 * assertThat(app).networkPolicies().allow("web", "api", 9090);
 * assertThat(app).filteredOn(o -> o.getKind().equals("Service")).hasSize(3).service("web").hasType("ClusterIP");
 * }</pre>
 */
public class ObjectsAssert
    extends AbstractListAssert<ObjectsAssert, List<KubernetesObject>, KubernetesObject, KubernetesObjectAssert> {

  private Location location = Location.of("objects");
  private Navigator navigator = Navigator.HARD;
  private boolean muted;

  /** An assert on {@code actual}, named {@code objects} in messages. */
  public ObjectsAssert(List<KubernetesObject> actual) {
    super(actual, ObjectsAssert.class);
    if (actual instanceof PlacedObjects placed) {
      placed(placed.location, placed.navigator, placed.muted);
    }
  }

  @SuppressWarnings("unchecked")
  static Class<List<KubernetesObject>> listType() {
    return (Class<List<KubernetesObject>>) (Class<?>) List.class;
  }

  /** Places this assert (after construction, which soft proxies do reflectively). */
  final ObjectsAssert placed(Location where, Navigator how, boolean mute) {
    this.location = where;
    this.navigator = how;
    this.muted = mute;
    return myself;
  }

  /** Sets how this assert navigates (an entry point's assert stays at its own root). */
  final ObjectsAssert navigatedBy(Navigator how) {
    this.navigator = how;
    return myself;
  }

  /** Where this list sits: {@code App/<name>}, or {@code objects}. */
  final Location location() {
    return location;
  }

  /**
   * The assert on the objects a list operation kept ({@code filteredOn}, ...), where this one is
   * and navigating as this one does. AssertJ's soft proxies make it again from its value alone,
   * so the value carries the place.
   */
  @Override
  protected ObjectsAssert newAbstractIterableAssert(Iterable<? extends KubernetesObject> iterable) {
    List<KubernetesObject> objects = new ArrayList<>();
    iterable.forEach(objects::add);
    return new ObjectsAssert(new PlacedObjects(objects, location, navigator, muted));
  }

  /** The assert on one element ({@code first()}, {@code element(i)}, ...), at the element's own place. */
  @Override
  protected KubernetesObjectAssert toAssert(KubernetesObject value, String description) {
    Location where = value == null ? location : Location.of(ObjectFields.ref(value));
    KubernetesObjectAssert element = new KubernetesObjectAssert(value).placed(where, Navigator.HARD, muted);
    return description == null ? element : element.as(description);
  }

  /** Narrows to the objects in namespace {@code namespace}, and the cluster-scoped ones (without a namespace). */
  public ObjectsAssert inNamespace(String namespace) {
    requireActual();
    if (actual == null) {
      return myself;
    }
    List<KubernetesObject> narrowed = actual.stream()
        .filter(o -> ObjectFields.namespace(o) == null
            || Objects.equals(namespace, ObjectFields.namespace(o)))
        .toList();
    return new ObjectsAssert(new PlacedObjects(narrowed, location, navigator, muted));
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
      failAt(location(), "expected no " + kind + " named " + AbstractMizzenAssert.quote(name) + ", but found " + found);
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
        location, () -> "");
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
    Location where = found == null ? location : Location.of(ObjectFields.ref(found));
    return navigate(type, actualType, constructor, found == null ? null : actualType.cast(found),
        empty, where, () -> missing);
  }

  /** As {@link AbstractMizzenAssert}'s navigation, from this list's place. */
  private <A extends AbstractMizzenAssert<A, T>, T> A navigate(Class<A> type, Class<T> actualType,
      Function<T, A> constructor, T found, Supplier<T> empty, Location where, Supplier<String> missing) {
    return AbstractMizzenAssert.navigate(navigator, muted, type, actualType, constructor, found, empty, where,
        () -> actual == null ? error(location.message("expected a value, but was null"))
            : error(where.message(missing.get())));
  }

  /** Fails (unless muted) with {@code text} at {@code where}: {@code object: path: text}. */
  private void failAt(Location where, String text) {
    if (!muted) {
      throw error(where.message(text));
    }
  }

  /** Fails unless the list under test is present. */
  private void requireActual() {
    if (actual == null && !muted) {
      throw error(location.message("expected a value, but was null"));
    }
  }

  private AssertionError error(String message) {
    return AbstractMizzenAssert.withCallersStack(failure("%s", message));
  }

  /**
   * A list of objects that knows where its assert is and how it navigates: what a list operation
   * passes on, since AssertJ's soft proxies rebuild the next assert from its value alone.
   */
  private static final class PlacedObjects extends AbstractList<KubernetesObject> {
    private final List<KubernetesObject> objects;
    private final Location location;
    private final Navigator navigator;
    private final boolean muted;

    PlacedObjects(List<KubernetesObject> objects, Location location, Navigator navigator, boolean muted) {
      this.objects = Collections.unmodifiableList(objects);
      this.location = location;
      this.navigator = navigator;
      this.muted = muted;
    }

    @Override
    public KubernetesObject get(int index) {
      return objects.get(index);
    }

    @Override
    public int size() {
      return objects.size();
    }
  }
}
