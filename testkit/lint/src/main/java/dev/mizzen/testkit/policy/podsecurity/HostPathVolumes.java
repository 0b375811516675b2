package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;

/** Baseline {@code hostPathVolumes}: no {@code hostPath} volumes. The pod's {@code hostPath} opt-out exempts them. */
final class HostPathVolumes extends PodSecurityCheck {

  HostPathVolumes() {
    super("hostPathVolumes",
        "hostPath volumes expose the node's filesystem to the pod.",
        "Use an emptyDir, a configMap/secret or a persistentVolumeClaim instead of the hostPath volume.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    List<V1Volume> volumes = pod.spec().getVolumes();
    if (volumes == null) {
      return;
    }
    for (V1Volume volume : volumes) {
      if (volume.getHostPath() != null) {
        report(context, pod, o -> o.pod(SecurityOptOuts.HOST_PATH), pod.specPath("volumes[" + volume.getName() + "].hostPath"),
            "volume \"" + volume.getName() + "\" must not be a hostPath volume (path " + volume.getHostPath().getPath() + ")");
      }
    }
  }
}
