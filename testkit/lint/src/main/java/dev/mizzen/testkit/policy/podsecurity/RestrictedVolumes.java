package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Restricted {@code restrictedVolumes}: only configMap, csi, downwardAPI, emptyDir, ephemeral,
 * image, persistentVolumeClaim, projected and secret volumes. Replaces {@code hostPathVolumes}.
 *
 * <p>A volume without any source is allowed: the API server defaults it to an emptyDir (in Pods
 * and pod templates alike) before admission, so PodSecurity never sees it without one. (The
 * upstream check function on its own would call it type "unknown".) The pod's {@code hostPath}
 * opt-out exempts hostPath volumes, and no other type.
 */
final class RestrictedVolumes extends PodSecurityCheck {

  RestrictedVolumes() {
    super("restrictedVolumes",
        "Only volume types that are safe by design are allowed; host and in-line network volumes are not.",
        "Use a configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral, image or persistentVolumeClaim volume"
            + " (a PersistentVolume can still use any storage).");
  }

  @Override
  public Set<String> overrides() {
    return Set.of("hostPathVolumes");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    List<V1Volume> volumes = pod.spec().getVolumes();
    if (volumes == null) {
      return;
    }
    for (V1Volume v : volumes) {
      if (v.getConfigMap() != null || v.getCsi() != null || v.getDownwardAPI() != null || v.getEmptyDir() != null
          || v.getEphemeral() != null || v.getImage() != null || v.getPersistentVolumeClaim() != null
          || v.getProjected() != null || v.getSecret() != null) {
        continue;
      }
      String type = restrictedType(v);
      if (type == null) {
        continue; // no source at all: the API server makes it an emptyDir
      }
      report(context, pod, o -> type.equals("hostPath") ? o.pod(SecurityOptOuts.HOST_PATH) : Optional.empty(),
          pod.specPath("volumes[" + v.getName() + "]." + type),
          "volume \"" + v.getName() + "\" uses restricted volume type \"" + type + "\" (allowed: configMap, csi,"
              + " downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret)");
    }
  }

  /** The restricted source the volume uses, or null if it has none. */
  private static String restrictedType(V1Volume v) {
    if (v.getHostPath() != null) {
      return "hostPath";
    } else if (v.getGcePersistentDisk() != null) {
      return "gcePersistentDisk";
    } else if (v.getAwsElasticBlockStore() != null) {
      return "awsElasticBlockStore";
    } else if (v.getGitRepo() != null) {
      return "gitRepo";
    } else if (v.getNfs() != null) {
      return "nfs";
    } else if (v.getIscsi() != null) {
      return "iscsi";
    } else if (v.getGlusterfs() != null) {
      return "glusterfs";
    } else if (v.getRbd() != null) {
      return "rbd";
    } else if (v.getFlexVolume() != null) {
      return "flexVolume";
    } else if (v.getCinder() != null) {
      return "cinder";
    } else if (v.getCephfs() != null) {
      return "cephfs";
    } else if (v.getFlocker() != null) {
      return "flocker";
    } else if (v.getFc() != null) {
      return "fc";
    } else if (v.getAzureFile() != null) {
      return "azureFile";
    } else if (v.getVsphereVolume() != null) {
      return "vsphereVolume";
    } else if (v.getQuobyte() != null) {
      return "quobyte";
    } else if (v.getAzureDisk() != null) {
      return "azureDisk";
    } else if (v.getPhotonPersistentDisk() != null) {
      return "photonPersistentDisk";
    } else if (v.getPortworxVolume() != null) {
      return "portworxVolume";
    } else if (v.getScaleIO() != null) {
      return "scaleIO";
    } else if (v.getStorageos() != null) {
      return "storageos";
    }
    return null;
  }
}
