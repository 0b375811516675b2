package dev.mizzen.testkit.policy.recommended;

import java.util.HashMap;
import java.util.Map;

/**
 * When API versions of kinds were deprecated and removed, from the prerelease-lifecycle data of
 * {@code k8s.io/api} v0.33 (plus kinds deleted from it: PodSecurityPolicy, PodPreset, the
 * apiextensions and apiregistration betas), for Kubernetes 1.33. Review kinds (TokenReview, ...)
 * are left out: they are requests, not manifests.
 */
final class ApiLifecycle {
  /** Kubernetes minor version the table answers for. */
  static final int CURRENT_MINOR = 33;

  /** One kind at one API version. */
  static final class Entry {
    final String apiVersion;
    final String kind;
    final int deprecatedIn;
    final int removedIn;
    final String replacement;

    Entry(String apiVersion, String kind, int deprecatedIn, int removedIn, String replacement) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.deprecatedIn = deprecatedIn;
      this.removedIn = removedIn;
      this.replacement = replacement;
    }

    boolean isRemoved() {
      return removedIn <= CURRENT_MINOR;
    }

    boolean isDeprecated() {
      return deprecatedIn <= CURRENT_MINOR && !isRemoved();
    }
  }

  private static final Map<String, Map<String, Entry>> TABLE = new HashMap<>();

  static {
    for (String kind : new String[] {"DaemonSet", "Deployment", "ReplicaSet"}) {
      add("extensions/v1beta1", kind, 8, 16, "apps/v1");
    }
    add("extensions/v1beta1", "Ingress", 14, 22, "networking.k8s.io/v1");
    add("extensions/v1beta1", "NetworkPolicy", 9, 16, "networking.k8s.io/v1");
    add("extensions/v1beta1", "PodSecurityPolicy", 10, 16, "Pod Security admission (namespace labels)");
    for (String kind : new String[] {"ControllerRevision", "Deployment", "StatefulSet"}) {
      add("apps/v1beta1", kind, 8, 16, "apps/v1");
    }
    for (String kind : new String[] {"ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"}) {
      add("apps/v1beta2", kind, 9, 16, "apps/v1");
    }
    add("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1");
    add("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1");
    add("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy", 31, 34, "admissionregistration.k8s.io/v1");
    add("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicyBinding", 31, 34, "admissionregistration.k8s.io/v1");
    add("admissionregistration.k8s.io/v1alpha1", "ValidatingAdmissionPolicy", 29, 32, "admissionregistration.k8s.io/v1");
    add("admissionregistration.k8s.io/v1alpha1", "ValidatingAdmissionPolicyBinding", 29, 32, "admissionregistration.k8s.io/v1");
    add("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", 16, 22, "apiextensions.k8s.io/v1");
    add("apiregistration.k8s.io/v1beta1", "APIService", 19, 22, "apiregistration.k8s.io/v1");
    add("autoscaling/v2beta1", "HorizontalPodAutoscaler", 22, 25, "autoscaling/v2");
    add("autoscaling/v2beta2", "HorizontalPodAutoscaler", 23, 26, "autoscaling/v2");
    add("batch/v1beta1", "CronJob", 21, 25, "batch/v1");
    add("batch/v2alpha1", "CronJob", 8, 21, "batch/v1");
    add("certificates.k8s.io/v1beta1", "CertificateSigningRequest", 19, 22, "certificates.k8s.io/v1");
    add("coordination.k8s.io/v1beta1", "Lease", 19, 22, "coordination.k8s.io/v1");
    add("discovery.k8s.io/v1beta1", "EndpointSlice", 21, 25, "discovery.k8s.io/v1");
    add("events.k8s.io/v1beta1", "Event", 22, 25, "events.k8s.io/v1");
    int[][] flowControl = {{23, 26}, {26, 29}, {29, 32}};
    for (int i = 0; i < flowControl.length; i++) {
      for (String kind : new String[] {"FlowSchema", "PriorityLevelConfiguration"}) {
        add("flowcontrol.apiserver.k8s.io/v1beta" + (i + 1), kind, flowControl[i][0], flowControl[i][1],
            "flowcontrol.apiserver.k8s.io/v1");
      }
    }
    add("networking.k8s.io/v1beta1", "Ingress", 19, 22, "networking.k8s.io/v1");
    add("networking.k8s.io/v1beta1", "IngressClass", 19, 22, "networking.k8s.io/v1");
    add("networking.k8s.io/v1alpha1", "IPAddress", 30, 33, "networking.k8s.io/v1");
    add("networking.k8s.io/v1alpha1", "ServiceCIDR", 30, 33, "networking.k8s.io/v1");
    add("node.k8s.io/v1beta1", "RuntimeClass", 22, 25, "node.k8s.io/v1");
    add("policy/v1beta1", "PodDisruptionBudget", 21, 25, "policy/v1");
    add("policy/v1beta1", "PodSecurityPolicy", 21, 25, "Pod Security admission (namespace labels)");
    for (String version : new String[] {"v1alpha1", "v1beta1"}) {
      for (String kind : new String[] {"ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"}) {
        add("rbac.authorization.k8s.io/" + version, kind, 17, 22, "rbac.authorization.k8s.io/v1");
      }
      add("scheduling.k8s.io/" + version, "PriorityClass", 14, 22, "scheduling.k8s.io/v1");
    }
    add("settings.k8s.io/v1alpha1", "PodPreset", 19, 20, "a mutating admission webhook");
    add("storage.k8s.io/v1beta1", "CSIDriver", 19, 22, "storage.k8s.io/v1");
    add("storage.k8s.io/v1beta1", "CSINode", 17, 22, "storage.k8s.io/v1");
    add("storage.k8s.io/v1beta1", "StorageClass", 19, 22, "storage.k8s.io/v1");
    add("storage.k8s.io/v1beta1", "VolumeAttachment", 19, 22, "storage.k8s.io/v1");
    add("storage.k8s.io/v1beta1", "CSIStorageCapacity", 24, 27, "storage.k8s.io/v1");
    add("storage.k8s.io/v1alpha1", "CSIStorageCapacity", 21, 24, "storage.k8s.io/v1");
    add("storage.k8s.io/v1alpha1", "VolumeAttachment", 21, 24, "storage.k8s.io/v1");
    add("storage.k8s.io/v1alpha1", "VolumeAttributesClass", 32, 35, "storage.k8s.io/v1beta1");
    add("storagemigration.k8s.io/v1alpha1", "StorageVersionMigration", 33, 36, null);
  }

  private ApiLifecycle() {}

  private static void add(String apiVersion, String kind, int deprecatedIn, int removedIn, String replacement) {
    TABLE.computeIfAbsent(apiVersion, v -> new HashMap<>())
        .put(kind, new Entry(apiVersion, kind, deprecatedIn, removedIn, replacement));
  }

  /** The lifecycle of {@code kind} at {@code apiVersion}, or null for a current (or unknown) one. */
  static Entry of(String apiVersion, String kind) {
    if (apiVersion == null) {
      return null;
    }
    Map<String, Entry> kinds = TABLE.get(apiVersion);
    return kinds == null ? null : kinds.get(kind);
  }
}
