package dev.mizzen.testkit.schema;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.kubernetes.client.common.KubernetesObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in API versions and kinds that client-java 25.0.0 has models for, each mapped to its
 * model class ({@code apps/v1 Deployment} to {@code V1Deployment}).
 *
 * <p>An explicit table rather than client-java's {@code ModelMapper}: that one loads every model
 * class on first use (about half a second) and ignores the API group when it looks a kind up
 * ({@code networking.k8s.io/v1 Deployment} finds {@code V1Deployment}). Classes here are loaded
 * only when a kind is first looked up.
 */
public final class ApiIndex {
  private static final String MODELS = "io.kubernetes.client.openapi.models.";

  /**
   * apiVersion to its kinds; a kind is {@code Name} (class {@code <Version>Name}) or
   * {@code Name=Class} where the class name differs.
   */
  private static final String[][] TABLE = {
    {"v1", "Binding ComponentStatus ConfigMap Endpoints Event=CoreV1Event LimitRange Namespace Node"
        + " PersistentVolume PersistentVolumeClaim Pod PodTemplate ReplicationController ResourceQuota"
        + " Secret Service ServiceAccount"},
    {"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration ValidatingWebhookConfiguration"
        + " ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding"},
    {"admissionregistration.k8s.io/v1beta1", "MutatingAdmissionPolicy MutatingAdmissionPolicyBinding"},
    {"admissionregistration.k8s.io/v1alpha1", "MutatingAdmissionPolicy MutatingAdmissionPolicyBinding"},
    {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
    {"apiregistration.k8s.io/v1", "APIService"},
    {"apps/v1", "ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet"},
    {"authentication.k8s.io/v1", "SelfSubjectReview TokenReview TokenRequest=AuthenticationV1TokenRequest"},
    {"authorization.k8s.io/v1", "LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview"
        + " SubjectAccessReview"},
    {"autoscaling/v1", "HorizontalPodAutoscaler Scale"},
    {"autoscaling/v2", "HorizontalPodAutoscaler"},
    {"batch/v1", "CronJob Job"},
    {"certificates.k8s.io/v1", "CertificateSigningRequest"},
    {"certificates.k8s.io/v1beta1", "ClusterTrustBundle"},
    {"certificates.k8s.io/v1alpha1", "ClusterTrustBundle PodCertificateRequest"},
    {"coordination.k8s.io/v1", "Lease"},
    {"coordination.k8s.io/v1beta1", "LeaseCandidate"},
    {"coordination.k8s.io/v1alpha2", "LeaseCandidate"},
    {"discovery.k8s.io/v1", "EndpointSlice"},
    {"events.k8s.io/v1", "Event=EventsV1Event"},
    {"flowcontrol.apiserver.k8s.io/v1", "FlowSchema PriorityLevelConfiguration"},
    {"internal.apiserver.k8s.io/v1alpha1", "StorageVersion"},
    {"networking.k8s.io/v1", "Ingress IngressClass IPAddress NetworkPolicy ServiceCIDR"},
    {"networking.k8s.io/v1beta1", "IPAddress ServiceCIDR"},
    {"node.k8s.io/v1", "RuntimeClass"},
    {"policy/v1", "Eviction PodDisruptionBudget"},
    {"rbac.authorization.k8s.io/v1", "ClusterRole ClusterRoleBinding Role RoleBinding"},
    {"resource.k8s.io/v1", "DeviceClass ResourceClaim=ResourceV1ResourceClaim ResourceClaimTemplate"
        + " ResourceSlice"},
    {"resource.k8s.io/v1beta2", "DeviceClass ResourceClaim ResourceClaimTemplate ResourceSlice"},
    {"resource.k8s.io/v1beta1", "DeviceClass ResourceClaim ResourceClaimTemplate ResourceSlice"},
    {"resource.k8s.io/v1alpha3", "DeviceTaintRule"},
    {"scheduling.k8s.io/v1", "PriorityClass"},
    {"storage.k8s.io/v1", "CSIDriver CSINode CSIStorageCapacity StorageClass VolumeAttachment"
        + " VolumeAttributesClass"},
    {"storage.k8s.io/v1beta1", "VolumeAttributesClass"},
    {"storage.k8s.io/v1alpha1", "VolumeAttributesClass"},
    {"storagemigration.k8s.io/v1alpha1", "StorageVersionMigration"},
  };

  /** Kinds that are requests to the API rather than stored objects: no metadata.name needed. */
  private static final ImmutableSet<String> UNNAMED_KINDS = ImmutableSet.of(
      "TokenReview", "SelfSubjectReview", "SubjectAccessReview", "SelfSubjectAccessReview",
      "SelfSubjectRulesReview", "LocalSubjectAccessReview", "TokenRequest");

  /** apiVersion to (kind to class name), in table order. */
  private static final ImmutableMap<String, ImmutableMap<String, String>> INDEX = index();
  private static final ImmutableSet<String> GROUPS = groups();
  private static final Map<String, Class<? extends KubernetesObject>> CLASSES = new ConcurrentHashMap<>();

  private ApiIndex() {}

  /**
   * The model class of {@code kind} in {@code apiVersion} ({@code apps/v1}, {@code v1}), or empty
   * when client-java has no such built-in kind (custom resources, typos, removed versions).
   */
  public static Optional<Class<? extends KubernetesObject>> modelClass(String apiVersion, String kind) {
    ImmutableMap<String, String> kinds = INDEX.get(apiVersion);
    String className = kinds == null ? null : kinds.get(kind);
    if (className == null) {
      return Optional.empty();
    }
    return Optional.of(CLASSES.computeIfAbsent(className, ApiIndex::load));
  }

  /** Whether {@code apiVersion} is a built-in API version that client-java has models for. */
  public static boolean isKnownApiVersion(String apiVersion) {
    return INDEX.containsKey(apiVersion);
  }

  /**
   * Whether {@code group} ({@code apps}, {@code networking.k8s.io}, {@code ""} for core) is a
   * built-in API group. Groups of custom resources always contain a dot; a group without a dot
   * that is not built in cannot exist.
   */
  public static boolean isBuiltInGroup(String group) {
    return GROUPS.contains(group);
  }

  /** The kinds of {@code apiVersion}, in a stable order; empty when it is not known. */
  public static ImmutableSet<String> kinds(String apiVersion) {
    ImmutableMap<String, String> kinds = INDEX.get(apiVersion);
    return kinds == null ? ImmutableSet.of() : kinds.keySet();
  }

  /** The built-in API versions of {@code group}, newest stable first as in the table. */
  public static ImmutableList<String> apiVersions(String group) {
    ImmutableList.Builder<String> versions = ImmutableList.builder();
    for (String apiVersion : INDEX.keySet()) {
      if (group(apiVersion).equals(group)) {
        versions.add(apiVersion);
      }
    }
    return versions.build();
  }

  /** Every apiVersion that has {@code kind}, for example {@code [apps/v1]} for Deployment. */
  public static ImmutableList<String> apiVersionsOf(String kind) {
    ImmutableList.Builder<String> versions = ImmutableList.builder();
    INDEX.forEach((apiVersion, kinds) -> {
      if (kinds.containsKey(kind)) {
        versions.add(apiVersion);
      }
    });
    return versions.build();
  }

  /** Every built-in apiVersion, in table order. */
  public static ImmutableSet<String> apiVersions() {
    return INDEX.keySet();
  }

  /** Whether objects of {@code kind} need a {@code metadata.name} (all but review requests). */
  public static boolean isNamed(String kind) {
    return !UNNAMED_KINDS.contains(kind);
  }

  /** The group of {@code apiVersion}: {@code apps} for {@code apps/v1}, {@code ""} for {@code v1}. */
  public static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The version of {@code apiVersion}: {@code v1} for {@code apps/v1}. */
  public static String version(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  private static ImmutableMap<String, ImmutableMap<String, String>> index() {
    Map<String, ImmutableMap<String, String>> index = new LinkedHashMap<>();
    for (String[] row : TABLE) {
      String version = version(row[0]);
      String prefix = Character.toUpperCase(version.charAt(0)) + version.substring(1);
      Map<String, String> kinds = new LinkedHashMap<>();
      for (String entry : row[1].split(" ")) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
          kinds.put(entry, MODELS + prefix + entry);
        } else {
          kinds.put(entry.substring(0, equals), MODELS + entry.substring(equals + 1));
        }
      }
      index.put(row[0], ImmutableMap.copyOf(kinds));
    }
    return ImmutableMap.copyOf(index);
  }

  private static ImmutableSet<String> groups() {
    Set<String> groups = new LinkedHashSet<>();
    for (String[] row : TABLE) {
      groups.add(group(row[0]));
    }
    // Groups whose every version was removed; their removed versions are in ApiDeprecations.
    groups.add("extensions");
    return ImmutableSet.copyOf(groups);
  }

  private static Class<? extends KubernetesObject> load(String className) {
    try {
      return Class.forName(className).asSubclass(KubernetesObject.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("client-java has no model class " + className, e);
    }
  }

  static List<String> classNames() {
    return INDEX.values().stream().flatMap(kinds -> kinds.values().stream()).toList();
  }
}
