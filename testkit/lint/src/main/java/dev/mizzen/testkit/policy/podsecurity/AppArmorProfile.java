package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * Baseline {@code appArmorProfile}: AppArmor profile types only {@code RuntimeDefault} or
 * {@code Localhost} (pod and containers), and the deprecated per-container annotations only
 * {@code runtime/default}, {@code localhost/*} or empty. An {@code appArmorUnconfined} opt-out
 * exempts the profile field of the pod or container it belongs to (not the annotations).
 */
final class AppArmorProfile extends PodSecurityCheck {
  static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  AppArmorProfile() {
    super("appArmorProfile",
        "Overriding or disabling the runtime's default AppArmor profile removes a layer of confinement.",
        "Use appArmorProfile.type RuntimeDefault or Localhost (or leave it unset); drop \"unconfined\" annotations.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    V1PodSecurityContext podSecurity = pod.spec().getSecurityContext();
    if (podSecurity != null && podSecurity.getAppArmorProfile() != null && !allowed(podSecurity.getAppArmorProfile())) {
      report(context, pod, o -> o.pod(SecurityOptOuts.APPARMOR_UNCONFINED), pod.specPath("securityContext.appArmorProfile.type"),
          "pod must not set AppArmor profile type to \"" + type(podSecurity.getAppArmorProfile()) + "\" (allowed: RuntimeDefault, Localhost)");
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security != null && security.getAppArmorProfile() != null && !allowed(security.getAppArmorProfile())) {
        report(context, pod, o -> o.container(c, SecurityOptOuts.APPARMOR_UNCONFINED), c.path("securityContext.appArmorProfile.type"),
            c.describe()
            + " must not set AppArmor profile type to \"" + type(security.getAppArmorProfile()) + "\" (allowed: RuntimeDefault, Localhost)");
      }
    }
    Map<String, String> annotations = pod.annotations();
    if (annotations.isEmpty()) {
      return;
    }
    Map<String, String> forbidden = null;
    for (Map.Entry<String, String> annotation : annotations.entrySet()) {
      if (annotation.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(annotation.getValue())) {
        if (forbidden == null) {
          forbidden = new TreeMap<>();
        }
        forbidden.put(annotation.getKey(), annotation.getValue());
      }
    }
    if (forbidden != null) {
      forbidden.forEach((key, value) -> context.report(pod.metadataPath() + ".annotations[" + key + "]",
          "annotation must not set AppArmor profile to \"" + value + "\" (allowed: runtime/default, localhost/<profile>, or empty)"));
    }
  }

  private static boolean allowed(V1AppArmorProfile profile) {
    String type = profile.getType();
    return "RuntimeDefault".equals(type) || "Localhost".equals(type);
  }

  private static String type(V1AppArmorProfile profile) {
    return profile.getType() == null ? "" : profile.getType();
  }

  private static boolean allowedAnnotation(String value) {
    return value == null || value.isEmpty() || value.equals("runtime/default") || value.startsWith("localhost/");
  }
}
