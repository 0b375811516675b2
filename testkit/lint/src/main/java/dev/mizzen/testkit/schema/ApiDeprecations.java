package dev.mizzen.testkit.schema;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in API versions that Kubernetes 1.33 no longer serves, or serves but has deprecated,
 * after the upstream Deprecated API Migration Guide
 * (kubernetes.io/docs/reference/using-api/deprecation-guide) and the API server's deprecation
 * warnings.
 */
public final class ApiDeprecations {
  private static final String PSA =
      "enforce Pod Security Standards with Pod Security Admission: pod-security.kubernetes.io namespace labels";

  private static final ImmutableList<ApiDeprecation> ALL = ImmutableList.<ApiDeprecation>builder()
      // Removed in 1.16.
      .add(removed("extensions/v1beta1", "DaemonSet Deployment ReplicaSet", "1.16", "apps/v1"))
      .add(removed("extensions/v1beta1", "NetworkPolicy", "1.16", "networking.k8s.io/v1"))
      .add(removed("extensions/v1beta1", "PodSecurityPolicy", "1.16", null, PSA))
      .add(removed("apps/v1beta1", "ControllerRevision Deployment ReplicaSet StatefulSet", "1.16", "apps/v1"))
      .add(removed("apps/v1beta2", "ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet", "1.16",
          "apps/v1"))
      // Removed in 1.22.
      .add(removed("admissionregistration.k8s.io/v1beta1",
          "MutatingWebhookConfiguration ValidatingWebhookConfiguration", "1.22",
          "admissionregistration.k8s.io/v1"))
      .add(removed("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "1.22", "apiextensions.k8s.io/v1"))
      .add(removed("apiregistration.k8s.io/v1beta1", "APIService", "1.22", "apiregistration.k8s.io/v1"))
      .add(removed("authentication.k8s.io/v1beta1", "TokenReview", "1.22", "authentication.k8s.io/v1"))
      .add(removed("authorization.k8s.io/v1beta1",
          "LocalSubjectAccessReview SelfSubjectAccessReview SubjectAccessReview", "1.22",
          "authorization.k8s.io/v1"))
      .add(removed("certificates.k8s.io/v1beta1", "CertificateSigningRequest", "1.22", "certificates.k8s.io/v1"))
      .add(removed("coordination.k8s.io/v1beta1", "Lease", "1.22", "coordination.k8s.io/v1"))
      .add(removed("extensions/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1"))
      .add(removed("networking.k8s.io/v1beta1", "Ingress IngressClass", "1.22", "networking.k8s.io/v1"))
      .add(removed("rbac.authorization.k8s.io/v1beta1", "ClusterRole ClusterRoleBinding Role RoleBinding",
          "1.22", "rbac.authorization.k8s.io/v1"))
      .add(removed("scheduling.k8s.io/v1beta1", "PriorityClass", "1.22", "scheduling.k8s.io/v1"))
      .add(removed("storage.k8s.io/v1beta1", "CSIDriver CSINode StorageClass VolumeAttachment", "1.22",
          "storage.k8s.io/v1"))
      // Removed in 1.25.
      .add(removed("batch/v1beta1", "CronJob", "1.25", "batch/v1"))
      .add(removed("discovery.k8s.io/v1beta1", "EndpointSlice", "1.25", "discovery.k8s.io/v1"))
      .add(removed("events.k8s.io/v1beta1", "Event", "1.25", "events.k8s.io/v1"))
      .add(removed("autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.25", "autoscaling/v2"))
      .add(removed("policy/v1beta1", "PodDisruptionBudget", "1.25", "policy/v1"))
      .add(removed("policy/v1beta1", "PodSecurityPolicy", "1.25", null, PSA))
      .add(removed("node.k8s.io/v1beta1", "RuntimeClass", "1.25", "node.k8s.io/v1"))
      // Removed in 1.26.
      .add(removed("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema PriorityLevelConfiguration", "1.26",
          "flowcontrol.apiserver.k8s.io/v1"))
      .add(removed("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26", "autoscaling/v2"))
      // Removed in 1.27.
      .add(removed("storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27", "storage.k8s.io/v1"))
      // Removed in 1.29.
      .add(removed("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema PriorityLevelConfiguration", "1.29",
          "flowcontrol.apiserver.k8s.io/v1"))
      // Removed in 1.32.
      .add(removed("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema PriorityLevelConfiguration", "1.32",
          "flowcontrol.apiserver.k8s.io/v1"))
      // Deprecated, still served by 1.33.
      .add(ApiDeprecation.of("v1", "ComponentStatus").deprecatedIn("1.19")
          .note("query the health endpoints of the control-plane components instead").build())
      .add(ApiDeprecation.of("v1", "Endpoints").deprecatedIn("1.33")
          .replacement("discovery.k8s.io/v1 EndpointSlice").build())
      .build();

  private static final ImmutableMap<String, ApiDeprecation> BY_VERSION_AND_KIND = byVersionAndKind();

  private ApiDeprecations() {}

  /** The removal or deprecation of {@code kind} in {@code apiVersion}, if there is one. */
  public static Optional<ApiDeprecation> lookup(String apiVersion, String kind) {
    return Optional.ofNullable(BY_VERSION_AND_KIND.get(apiVersion + " " + kind));
  }

  /** Every removed or deprecated API version and kind, oldest removal first. */
  public static ImmutableList<ApiDeprecation> all() {
    return ALL;
  }

  private static ApiDeprecation[] removed(String apiVersion, String kinds, String removedIn, String replacement) {
    return removed(apiVersion, kinds, removedIn, replacement, null);
  }

  private static ApiDeprecation[] removed(
      String apiVersion, String kinds, String removedIn, String replacement, String note) {
    String[] names = kinds.split(" ");
    ApiDeprecation[] removed = new ApiDeprecation[names.length];
    for (int i = 0; i < names.length; i++) {
      ApiDeprecation.Builder entry = ApiDeprecation.of(apiVersion, names[i]).removedIn(removedIn);
      if (replacement != null) {
        entry.replacement(replacement);
      }
      if (note != null) {
        entry.note(note);
      }
      removed[i] = entry.build();
    }
    return removed;
  }

  private static ImmutableMap<String, ApiDeprecation> byVersionAndKind() {
    Map<String, ApiDeprecation> map = new LinkedHashMap<>();
    for (ApiDeprecation deprecation : ALL) {
      map.put(deprecation.apiVersion() + " " + deprecation.kind(), deprecation);
    }
    return ImmutableMap.copyOf(map);
  }
}
