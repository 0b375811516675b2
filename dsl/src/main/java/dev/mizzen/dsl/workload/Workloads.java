package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.meta.Metadata;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.EnumSet;
import java.util.Set;

/** What every {@link Workload} shares: metadata, pod template checks and rendering. */
final class Workloads {
  private Workloads() {}

  /** Starts the validation of {@code workload}: metadata, and its pod template at {@code templatePath}. */
  static Validation validate(Workload workload, String templatePath, Set<RestartPolicy> allowedRestartPolicies,
      Set<String> extraVolumes) {
    Validation v = Validation.of(workload.objectRef());
    Metadata.validate(v, workload, Metadata.NameRule.DNS1123_SUBDOMAIN);
    Validation template = v.field(templatePath);
    workload.pod().validate(template, extraVolumes);
    RestartPolicy policy = workload.pod().restartPolicy().orElse(defaultRestartPolicy(allowedRestartPolicies));
    template.field("spec.restartPolicy").check(allowedRestartPolicies.contains(policy),
        "must be one of %s for a %s, was %s", allowedRestartPolicies, workload.kind(), policy.value());
    return v;
  }

  /** Always for long-running workloads; Never for Jobs. */
  static RestartPolicy defaultRestartPolicy(Set<RestartPolicy> allowed) {
    return allowed.contains(RestartPolicy.ALWAYS) ? RestartPolicy.ALWAYS : RestartPolicy.NEVER;
  }

  static final Set<RestartPolicy> LONG_RUNNING = EnumSet.of(RestartPolicy.ALWAYS);
  static final Set<RestartPolicy> RUN_TO_COMPLETION = EnumSet.of(RestartPolicy.ON_FAILURE, RestartPolicy.NEVER);

  /** The object's metadata, with the pod template's security opt-out reasons recorded on the object too. */
  static V1ObjectMeta metadata(Workload workload, RenderContext context) {
    return Metadata.render(workload, context, workload.pod().optOutAnnotations());
  }

  /** {@code spec.selector}: the workload's recommended labels. */
  static V1LabelSelector selector(Workload workload, RenderContext context) {
    return new V1LabelSelector().matchLabels(workload.podSelector(context)).matchExpressions(null);
  }

  /** {@code spec.template}: labelled with every recommended label, so the selector always matches. */
  static V1PodTemplateSpec template(Workload workload, RenderContext context) {
    return workload.pod().render(RecommendedLabels.of(workload.componentName(), context),
        workload.podSelector(context), context);
  }
}
