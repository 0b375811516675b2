package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.validation.ObjectRef;
import dev.mizzen.testkit.policy.PodTemplate;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicationController;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.Map;

/** A pod-bearing object seen by cross-object rules: its identity, pod template and replicas. */
final class Workload {
  final KubernetesObject object;
  final String kind;
  final String namespace;
  final String name;
  final String ref;
  final PodTemplate pod;

  Workload(KubernetesObject object, PodTemplate pod) {
    this.object = object;
    ObjectRef id = ObjectRef.of(object);
    this.kind = id.kind();
    this.namespace = id.namespace();
    this.name = id.name();
    this.ref = id.toString();
    this.pod = pod;
  }

  /** The labels its pods carry. */
  Map<String, String> labels() {
    return pod.labels();
  }

  /** Whether its replicas are a number in {@code spec.replicas} (Deployment, StatefulSet, ReplicaSet, RC). */
  boolean isScalable() {
    return object instanceof V1Deployment || object instanceof V1StatefulSet || object instanceof V1ReplicaSet
        || object instanceof V1ReplicationController;
  }

  /** {@code spec.replicas} as written (null when unset or not scalable). */
  Integer declaredReplicas() {
    if (object instanceof V1Deployment) {
      V1Deployment d = (V1Deployment) object;
      return d.getSpec() == null ? null : d.getSpec().getReplicas();
    }
    if (object instanceof V1StatefulSet) {
      V1StatefulSet s = (V1StatefulSet) object;
      return s.getSpec() == null ? null : s.getSpec().getReplicas();
    }
    if (object instanceof V1ReplicaSet) {
      V1ReplicaSet r = (V1ReplicaSet) object;
      return r.getSpec() == null ? null : r.getSpec().getReplicas();
    }
    if (object instanceof V1ReplicationController) {
      V1ReplicationController r = (V1ReplicationController) object;
      return r.getSpec() == null ? null : r.getSpec().getReplicas();
    }
    return null;
  }

  /** The replicas the API server will use: {@code spec.replicas}, defaulting to 1. */
  int replicas() {
    Integer declared = declaredReplicas();
    return declared == null ? 1 : declared;
  }
}
