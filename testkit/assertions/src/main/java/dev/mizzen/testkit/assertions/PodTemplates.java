package dev.mizzen.testkit.assertions;

import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.Map;
import java.util.Optional;

/**
 * The pods an object runs: the template of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs,
 * CronJobs and Pods.
 */
final class PodTemplates {
  private PodTemplates() {}

  /** The pod template of {@code object}, or empty when it runs no pods (or has no template yet). */
  static Optional<V1PodTemplateSpec> of(KubernetesObject object) {
    V1PodTemplateSpec template = null;
    if (object instanceof V1Deployment d && d.getSpec() != null) {
      template = d.getSpec().getTemplate();
    } else if (object instanceof V1StatefulSet s && s.getSpec() != null) {
      template = s.getSpec().getTemplate();
    } else if (object instanceof V1DaemonSet d && d.getSpec() != null) {
      template = d.getSpec().getTemplate();
    } else if (object instanceof V1ReplicaSet r && r.getSpec() != null) {
      template = r.getSpec().getTemplate();
    } else if (object instanceof V1Job j && j.getSpec() != null) {
      template = j.getSpec().getTemplate();
    } else if (object instanceof V1CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
        && c.getSpec().getJobTemplate().getSpec() != null) {
      template = c.getSpec().getJobTemplate().getSpec().getTemplate();
    } else if (object instanceof V1Pod p) {
      template = new V1PodTemplateSpec().metadata(p.getMetadata()).spec(p.getSpec());
    }
    return Optional.ofNullable(template);
  }

  /** Whether {@code object} is a kind that runs pods. */
  static boolean runsPods(KubernetesObject object) {
    return object instanceof V1Deployment || object instanceof V1StatefulSet || object instanceof V1DaemonSet
        || object instanceof V1ReplicaSet || object instanceof V1Job || object instanceof V1CronJob
        || object instanceof V1Pod;
  }

  /** The labels of {@code object}'s pods, never null. */
  static Map<String, String> podLabels(KubernetesObject object) {
    return of(object).map(t -> t.getMetadata() == null || t.getMetadata().getLabels() == null
        ? Map.<String, String>of() : t.getMetadata().getLabels()).orElse(Map.of());
  }

  /** {@code spec.replicas} of a Deployment, StatefulSet or ReplicaSet (1 when unset); empty for other kinds. */
  static Optional<Integer> replicas(KubernetesObject object) {
    if (!(object instanceof V1Deployment || object instanceof V1StatefulSet || object instanceof V1ReplicaSet)) {
      return Optional.empty();
    }
    Integer replicas = declaredReplicas(object);
    return Optional.of(replicas == null ? 1 : replicas);
  }

  /**
   * Whether {@code object} sets its own {@code spec.replicas} (a Deployment, StatefulSet or
   * ReplicaSet) rather than leaving the count to the API server's default or an autoscaler.
   */
  static boolean setsReplicas(KubernetesObject object) {
    return declaredReplicas(object) != null;
  }

  /** {@code spec.replicas} as set, or null. */
  private static Integer declaredReplicas(KubernetesObject object) {
    if (object instanceof V1Deployment d) {
      return d.getSpec() == null ? null : d.getSpec().getReplicas();
    } else if (object instanceof V1StatefulSet s) {
      return s.getSpec() == null ? null : s.getSpec().getReplicas();
    } else if (object instanceof V1ReplicaSet r) {
      return r.getSpec() == null ? null : r.getSpec().getReplicas();
    }
    return null;
  }

  /**
   * The context {@code object} was rendered in, read back from its namespace and recommended
   * labels, so a DSL value compared with it can be rendered the same way.
   */
  static RenderContext contextOf(KubernetesObject object) {
    Map<String, String> labels = ObjectFields.labels(object);
    return new RenderContext(Optional.ofNullable(ObjectFields.namespace(object)),
        Optional.ofNullable(labels.get(RecommendedLabels.PART_OF)),
        labels.getOrDefault(RecommendedLabels.MANAGED_BY, RenderContext.MANAGED_BY));
  }
}
