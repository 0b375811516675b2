package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import java.util.Map;

/** A Kubernetes object that runs pods from a {@link PodTemplate}: Deployment, StatefulSet, DaemonSet, Job, CronJob. */
public interface Workload extends KubernetesResource {

  /** The template of the pods it runs. */
  PodTemplate pod();

  /** The labels that select this workload's pods in {@code context}; the template always carries them. */
  default Map<String, String> podSelector(RenderContext context) {
    return RecommendedLabels.selector(componentName(), context);
  }
}
