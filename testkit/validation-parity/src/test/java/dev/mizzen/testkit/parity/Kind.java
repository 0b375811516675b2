package dev.mizzen.testkit.parity;

import java.util.List;

/** The kinds the fuzzer generates, with where the API server takes them and where their pods are. */
enum Kind {
  DEPLOYMENT("apis/apps/v1", "deployments", List.of("spec", "template")),
  STATEFUL_SET("apis/apps/v1", "statefulsets", List.of("spec", "template")),
  DAEMON_SET("apis/apps/v1", "daemonsets", List.of("spec", "template")),
  JOB("apis/batch/v1", "jobs", List.of("spec", "template")),
  CRON_JOB("apis/batch/v1", "cronjobs", List.of("spec", "jobTemplate", "spec", "template")),
  SERVICE("api/v1", "services", List.of()),
  CONFIG_MAP("api/v1", "configmaps", List.of()),
  SECRET("api/v1", "secrets", List.of()),
  POD_DISRUPTION_BUDGET("apis/policy/v1", "poddisruptionbudgets", List.of()),
  NETWORK_POLICY("apis/networking.k8s.io/v1", "networkpolicies", List.of()),
  INGRESS("apis/networking.k8s.io/v1", "ingresses", List.of()),
  HORIZONTAL_POD_AUTOSCALER("apis/autoscaling/v2", "horizontalpodautoscalers", List.of());

  private final String apiPrefix;
  private final String plural;
  private final List<String> podTemplatePath;

  Kind(String apiPrefix, String plural, List<String> podTemplatePath) {
    this.apiPrefix = apiPrefix;
    this.plural = plural;
    this.podTemplatePath = podTemplatePath;
  }

  /** The collection a create goes to, {@code /apis/apps/v1/namespaces/<ns>/deployments}. */
  String collectionPath(String namespace) {
    return "/" + apiPrefix + "/namespaces/" + namespace + "/" + plural;
  }

  /** Whether the kind has a pod template. */
  boolean hasPods() {
    return !podTemplatePath.isEmpty();
  }

  /** The keys from the object down to its pod template ({@code spec.template}). */
  List<String> podTemplatePath() {
    return podTemplatePath;
  }

  /** The workloads that run until replaced (restartPolicy Always). */
  boolean isLongRunning() {
    return this == DEPLOYMENT || this == STATEFUL_SET || this == DAEMON_SET;
  }
}
