package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.internal.PodTemplates;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.dsl.security.SecurityOptOut;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What every {@link Workload} shares: metadata, pod template checks and rendering. */
final class Workloads {
  private Workloads() {}

  static final Set<RestartPolicy> LONG_RUNNING = EnumSet.of(RestartPolicy.ALWAYS);
  static final Set<RestartPolicy> RUN_TO_COMPLETION = EnumSet.of(RestartPolicy.ON_FAILURE, RestartPolicy.NEVER);

  /**
   * Labels the Deployment, StatefulSet and DaemonSet controllers put on each pod, with values of
   * their own (a revision's hash, the pod's name or ordinal): never selector labels of ours.
   */
  static final Set<String> CONTROLLER_POD_LABELS = Set.of("pod-template-hash", "controller-revision-hash",
      "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index");

  /**
   * Starts the validation of {@code workload}: metadata (its name by {@code nameRule}), its pod
   * template at {@code templatePath} (which also has the volumes {@code extraVolumes}), the
   * restart policy, and that the pod labels keep matching the selector.
   */
  static Validation validate(Workload workload, Metadata.NameRule nameRule, String templatePath,
      Set<RestartPolicy> allowedRestartPolicies, Set<String> extraVolumes) {
    Validation v = Validation.of(workload.objectRef());
    Metadata.validate(v, workload, nameRule);
    workload.annotations().keySet().stream().filter(SecurityOptOut::isOptOutAnnotation).forEach(key ->
        v.field("metadata.annotations").key(key).problem("is reserved for the reasons of security opt-outs, which"
            + " Mizzen copies from the pod template: give them with PodOptOut or ContainerOptOut"));

    Validation template = v.field(templatePath);
    // The selector's keys in any context: part-of is in it within an App.
    Set<String> ownPodSelectorKeys = new HashSet<>(PodTemplates.OWN_POD_SELECTOR_KEYS);
    ownPodSelectorKeys.addAll(workload.podSelector(RenderContext.standalone()).keySet());
    PodTemplates.validate(template, workload.pod(), extraVolumes, ownPodSelectorKeys);
    RestartPolicy policy = workload.pod().restartPolicy().orElse(defaultRestartPolicy(allowedRestartPolicies));
    template.field("spec.restartPolicy").check(allowedRestartPolicies.contains(policy),
        "must be %s for a %s, was %s%s", describe(allowedRestartPolicies), workload.kind(), policy.value(),
        allowedRestartPolicies.contains(RestartPolicy.ALWAYS)
            ? ": its pods run until replaced; run pods to completion with a Job"
            : ": a Job's pods must finish; leave restartPolicy out for Never");

    String podComponent = workload.pod().labels().get(RecommendedLabels.NAME);
    if (podComponent != null) {
      template.field("metadata.labels").key(RecommendedLabels.NAME).check(
          podComponent.equals(workload.componentName()),
          "must be the workload's component '%s', which its selector matches, was '%s':"
              + " set component(\"%s\") on the workload instead", workload.componentName(), podComponent,
          podComponent);
    }
    return v;
  }

  /**
   * Checks the {@link LongRunningWorkload#selectorLabels()} of {@code workload}: each a valid label
   * at {@code spec.selector.matchLabels[key]}, none Mizzen's or the controller's own, and the pod
   * template's label of the same key, if any, at {@code spec.template.metadata.labels[key]}, equal.
   */
  static void validateSelectorLabels(Validation v, LongRunningWorkload workload) {
    Validation matchLabels = v.field("spec.selector.matchLabels");
    Validation podLabels = v.field("spec.template.metadata.labels");
    String anotherKey = ": choose another key, for example track(\"canary\")";
    workload.selectorLabels().forEach((key, value) -> {
      Validation at = matchLabels.key(key);
      Names.checkQualifiedName(at, key);
      Names.checkLabelValue(at, value);
      if (RecommendedLabels.KEYS.contains(key)) {
        at.problem("is a recommended label, which Mizzen sets itself (name from component(...), part-of from the"
            + " App's name, managed-by from its managedBy)" + anotherKey);
      } else if (CONTROLLER_POD_LABELS.contains(key)) {
        at.problem("is set on each pod by its controller, with a value of its own" + anotherKey);
      }
      String podValue = workload.pod().labels().get(key);
      if (podValue != null) {
        String instead = key.equals(LongRunningWorkload.TRACK)
            ? "track(\"" + podValue + "\")"
            : "selectorLabel(\"" + key + "\", \"" + podValue + "\")";
        podLabels.key(key).check(podValue.equals(value), "must be '%s', the workload's selector label, which its"
            + " selector matches, was '%s': remove the pod label, or set %s on the workload instead", value, podValue,
            instead);
      }
    });
  }

  /**
   * Checks the name of a workload whose pods are named after it: a DNS-1123 label (checked by
   * {@link Metadata#validate}) of at most {@code max} characters, because {@code why}.
   */
  static void checkNameLength(Validation v, Workload workload, int max, String why) {
    String name = workload.name();
    if (Names.isDns1123Label(name)) {
      v.field("metadata.name").check(name.length() <= max, "must be at most %d characters (%s), was %d",
          max, why, name.length());
    }
  }

  /** Always for long-running workloads; Never for Jobs. */
  static RestartPolicy defaultRestartPolicy(Set<RestartPolicy> allowed) {
    return allowed.contains(RestartPolicy.ALWAYS) ? RestartPolicy.ALWAYS : RestartPolicy.NEVER;
  }

  private static String describe(Set<RestartPolicy> policies) {
    return policies.stream().map(RestartPolicy::value).collect(Collectors.joining(" or "));
  }

  /**
   * The object's metadata, with the pod template's security opt-out reasons recorded on the
   * object too, and no empty lists or maps.
   */
  static V1ObjectMeta metadata(Workload workload, RenderContext context) {
    return withoutEmptyCollections(Metadata.render(workload, context, workload.pod().optOutAnnotations()));
  }

  /** {@code metadata} with the empty lists and maps client-java starts every model with set to null. */
  static V1ObjectMeta withoutEmptyCollections(V1ObjectMeta metadata) {
    if (metadata.getAnnotations() != null && metadata.getAnnotations().isEmpty()) {
      metadata.setAnnotations(null);
    }
    if (metadata.getLabels() != null && metadata.getLabels().isEmpty()) {
      metadata.setLabels(null);
    }
    if (metadata.getFinalizers() != null && metadata.getFinalizers().isEmpty()) {
      metadata.setFinalizers(null);
    }
    if (metadata.getManagedFields() != null && metadata.getManagedFields().isEmpty()) {
      metadata.setManagedFields(null);
    }
    if (metadata.getOwnerReferences() != null && metadata.getOwnerReferences().isEmpty()) {
      metadata.setOwnerReferences(null);
    }
    return metadata;
  }

  /** {@code spec.selector}: the workload's {@link Workload#podSelector pod selector}. */
  static V1LabelSelector selector(Workload workload, RenderContext context) {
    return new V1LabelSelector().matchLabels(new LinkedHashMap<>(workload.podSelector(context))).matchExpressions(null);
  }

  /**
   * {@code spec.template}: labelled with every recommended label and the rest of the selector
   * (a track), so the selector always matches.
   */
  static V1PodTemplateSpec template(Workload workload, RenderContext context) {
    Map<String, String> selector = workload.podSelector(context);
    Map<String, String> ownPodLabels = RecommendedLabels.of(workload.componentName(), context);
    selector.forEach(ownPodLabels::putIfAbsent);
    return PodTemplates.render(workload.pod(), ownPodLabels, selector, context);
  }
}
