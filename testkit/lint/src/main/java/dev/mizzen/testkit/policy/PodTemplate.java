package dev.mizzen.testkit.policy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CronJobSpec;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobTemplateSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicationController;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod of a pod-bearing object: a Pod itself, or the pod template of a Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or PodTemplate, with
 * the field paths of its metadata and spec inside that object.
 */
public final class PodTemplate {
  private static final V1ObjectMeta NO_METADATA = new V1ObjectMeta();

  private final V1ObjectMeta metadata;
  private final V1PodSpec spec;
  private final String metadataPath;
  private final String specPath;
  private final boolean pod;
  private List<PodContainer> containers;

  private PodTemplate(V1ObjectMeta metadata, V1PodSpec spec, String prefix, boolean pod) {
    this.metadata = metadata == null ? NO_METADATA : metadata;
    this.spec = spec;
    this.metadataPath = prefix + "metadata";
    this.specPath = prefix + "spec";
    this.pod = pod;
  }

  /** The pod of {@code object}, or empty if it is not pod-bearing or has no pod spec. */
  public static Optional<PodTemplate> of(KubernetesObject object) {
    return Optional.ofNullable(extract(object));
  }

  /** Like {@link #of} without the {@code Optional}: null when there is no pod. */
  static PodTemplate extract(KubernetesObject object) {
    if (object instanceof V1Pod) {
      V1Pod pod = (V1Pod) object;
      return pod.getSpec() == null ? null : new PodTemplate(pod.getMetadata(), pod.getSpec(), "", true);
    }
    if (object instanceof V1Deployment) {
      V1Deployment o = (V1Deployment) object;
      return o.getSpec() == null ? null : template(o.getSpec().getTemplate(), "spec.template.");
    }
    if (object instanceof V1StatefulSet) {
      V1StatefulSet o = (V1StatefulSet) object;
      return o.getSpec() == null ? null : template(o.getSpec().getTemplate(), "spec.template.");
    }
    if (object instanceof V1DaemonSet) {
      V1DaemonSet o = (V1DaemonSet) object;
      return o.getSpec() == null ? null : template(o.getSpec().getTemplate(), "spec.template.");
    }
    if (object instanceof V1ReplicaSet) {
      V1ReplicaSet o = (V1ReplicaSet) object;
      return o.getSpec() == null ? null : template(o.getSpec().getTemplate(), "spec.template.");
    }
    if (object instanceof V1Job) {
      V1Job o = (V1Job) object;
      return o.getSpec() == null ? null : template(o.getSpec().getTemplate(), "spec.template.");
    }
    if (object instanceof V1CronJob) {
      V1CronJobSpec spec = ((V1CronJob) object).getSpec();
      V1JobTemplateSpec job = spec == null ? null : spec.getJobTemplate();
      return job == null || job.getSpec() == null ? null
          : template(job.getSpec().getTemplate(), "spec.jobTemplate.spec.template.");
    }
    if (object instanceof V1ReplicationController) {
      V1ReplicationController o = (V1ReplicationController) object;
      return o.getSpec() == null ? null : template(o.getSpec().getTemplate(), "spec.template.");
    }
    if (object instanceof io.kubernetes.client.openapi.models.V1PodTemplate) {
      return template(((io.kubernetes.client.openapi.models.V1PodTemplate) object).getTemplate(), "template.");
    }
    return null;
  }

  private static PodTemplate template(V1PodTemplateSpec template, String prefix) {
    return template == null || template.getSpec() == null ? null
        : new PodTemplate(template.getMetadata(), template.getSpec(), prefix, false);
  }

  /** The pod's metadata (of the template, for a workload); empty metadata if unset. */
  public V1ObjectMeta metadata() {
    return metadata;
  }

  /** The pod's labels, never null. */
  public Map<String, String> labels() {
    Map<String, String> labels = metadata.getLabels();
    return labels == null ? Map.of() : labels;
  }

  /** The pod's annotations, never null. */
  public Map<String, String> annotations() {
    Map<String, String> annotations = metadata.getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /** The pod spec. */
  public V1PodSpec spec() {
    return spec;
  }

  /** The field path of the pod's metadata: {@code metadata}, {@code spec.template.metadata}, ... */
  public String metadataPath() {
    return metadataPath;
  }

  /** The field path of the pod spec: {@code spec}, {@code spec.template.spec}, ... */
  public String specPath() {
    return specPath;
  }

  /** The field path of {@code field} in the pod spec: {@code specPath() + "." + field}. */
  public String specPath(String field) {
    return specPath + "." + field;
  }

  /** Whether the object is a Pod (rather than a workload with a pod template). */
  public boolean isPod() {
    return pod;
  }

  /** Whether the pod declares {@code spec.os.name: windows}. */
  public boolean isWindows() {
    return spec.getOs() != null && "windows".equals(spec.getOs().getName());
  }

  /**
   * Every container, in the order the API server visits them: init containers, containers,
   * then ephemeral containers.
   */
  public List<PodContainer> containers() {
    List<PodContainer> result = containers;
    if (result == null) {
      result = new ArrayList<>();
      add(result, spec.getInitContainers(), PodContainer.Type.INIT);
      add(result, spec.getContainers(), PodContainer.Type.REGULAR);
      List<V1EphemeralContainer> ephemeral = spec.getEphemeralContainers();
      if (ephemeral != null) {
        for (V1EphemeralContainer e : ephemeral) {
          result.add(new PodContainer(PodContainer.asContainer(e), PodContainer.Type.EPHEMERAL, specPath));
        }
      }
      result = Collections.unmodifiableList(result);
      containers = result;
    }
    return result;
  }

  private void add(List<PodContainer> result, List<V1Container> list, PodContainer.Type type) {
    if (list != null) {
      for (V1Container c : list) {
        result.add(new PodContainer(c, type, specPath));
      }
    }
  }
}
