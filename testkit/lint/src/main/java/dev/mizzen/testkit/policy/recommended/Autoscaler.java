package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/** A HorizontalPodAutoscaler of autoscaling/v2 or autoscaling/v1, reduced to what rules need. */
final class Autoscaler {
  final KubernetesObject object;
  final String namespace;
  /** {@code spec.minReplicas}, null when unset (the API server defaults it to 1). */
  final Integer minReplicas;
  /** {@code spec.maxReplicas}, null when unset. */
  final Integer maxReplicas;
  final String targetKind;
  final String targetName;

  private Autoscaler(KubernetesObject object, Integer min, Integer max, String targetKind, String targetName) {
    this.object = object;
    this.namespace = ObjectRef.of(object).namespace();
    this.minReplicas = min;
    this.maxReplicas = max;
    this.targetKind = targetKind == null ? "" : targetKind;
    this.targetName = targetName == null ? "" : targetName;
  }

  /** The autoscaler {@code object} is, or null. */
  static Autoscaler of(KubernetesObject object) {
    if (object instanceof V2HorizontalPodAutoscaler) {
      V2HorizontalPodAutoscaler hpa = (V2HorizontalPodAutoscaler) object;
      if (hpa.getSpec() == null) {
        return new Autoscaler(object, null, null, null, null);
      }
      V2CrossVersionObjectReference target = hpa.getSpec().getScaleTargetRef();
      return new Autoscaler(object, hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas(),
          target == null ? null : target.getKind(), target == null ? null : target.getName());
    }
    if (object instanceof V1HorizontalPodAutoscaler) {
      V1HorizontalPodAutoscaler hpa = (V1HorizontalPodAutoscaler) object;
      if (hpa.getSpec() == null) {
        return new Autoscaler(object, null, null, null, null);
      }
      V1CrossVersionObjectReference target = hpa.getSpec().getScaleTargetRef();
      return new Autoscaler(object, hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas(),
          target == null ? null : target.getKind(), target == null ? null : target.getName());
    }
    return null;
  }

  /** The minimum the autoscaler keeps: {@code minReplicas}, defaulting to 1. */
  int min() {
    return minReplicas == null ? 1 : minReplicas;
  }

  /** {@code HorizontalPodAutoscaler/ns/name}. */
  String ref() {
    return ObjectRef.of(object).toString();
  }
}
