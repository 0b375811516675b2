package dev.mizzen.testkit.parity;

/**
 * The rules by which the DSL refuses, on purpose, what a Kubernetes 1.33 API server accepts.
 * Each names the field of its row in docs/validation.md, which must say why (a row marked
 * "stricter" or with Mizzen as its source): {@code StricterRuleTest} checks it, so no
 * undocumented strictness can pass the fuzzer as documented.
 */
enum StricterRule {
  NAME_COMPONENT_LABEL("`metadata.labels[app.kubernetes.io/name]`"),
  WORKLOAD_NAME_LABEL("`metadata.name` (Deployment, Job)"),
  STATEFUL_SET_NAME_LENGTH("`metadata.name` (StatefulSet)"),
  CRON_JOB_NAME("`metadata.name` (CronJob)"),
  POD_SECURITY_OPT_OUT("opt-outs (at the field each relaxes"),
  CONTAINER_PORT_UNIQUE("`containers[*].ports[*].containerPort`"),
  ENV_NAME_PORTABLE("`containers[*].env[*].name`"),
  ENV_NAME_UNIQUE("`containers[*].env[<name>]`"),
  RESOURCE_FIELD_CONTAINER("`...resourceFieldRef.containerName`"),
  IMAGE_REFERENCE("`containers[*].image`"),
  MOUNT_PATH_ABSOLUTE("`containers[*].volumeMounts[*].mountPath`"),
  VOLUME_ITEM_KEY("`spec.volumes[*].*.items[*].key`"),
  QUANTITY_SYNTAX("quantities (`Cpu`, `Memory`, `Storage`, `ExtendedResource`)"),
  EXTENDED_RESOURCE_KUBERNETES_IO("`containers[*].resources.*[<extended>]`"),
  PROBE_ZERO_DEFAULTED("`*Probe.periodSeconds`, `.timeoutSeconds`"),
  PROBE_PORT_DECLARED("`*.httpGet.port`, `*.tcpSocket.port` by name"),
  SECCOMP_EMPTY_PROFILE("`*.seccompProfile.localhostProfile`"),
  CAPABILITY_NAME("`containers[*].securityContext.capabilities.add[*]`"),
  WHOLE_SECONDS("`spec.terminationGracePeriodSeconds`"),
  TOLERATION_SECONDS("`tolerations[i].tolerationSeconds`"),
  TOPOLOGY_KEY_QUALIFIED("`topologySpreadConstraints[i].topologyKey`"),
  HTTP_GET_PATH_EMPTY("`*.httpGet.path`"),
  PROBE_THRESHOLD_ZERO("`*Probe.successThreshold`, `.failureThreshold`"),
  SERVICE_TARGET_PORT_ZERO("Service `spec.ports[i].targetPort`"),
  SERVICE_NODE_PORT_RANGE("Service `spec.ports[i].nodePort`"),
  SERVICE_AFFINITY_TIMEOUT("Service `spec.sessionAffinityConfig.clientIP.timeoutSeconds`"),
  DAEMON_SET_ON_DELETE("`spec.updateStrategy.rollingUpdate` (DaemonSet)"),
  JOB_ACTIVE_DEADLINE("`spec.activeDeadlineSeconds` (Job)"),
  CRON_SCHEDULE("`spec.schedule` (CronJob)"),
  TIME_ZONE_GO_ONLY("`spec.timeZone` (CronJob)"),
  PDB_NEITHER("PodDisruptionBudget `spec`"),
  CIDR_HOST_BITS("NetworkPolicy `...ipBlock.cidr`, `...ipBlock.except[k]`"),
  INGRESS_CLASS_ANNOTATION("Ingress `metadata.annotations[kubernetes.io/ingress.class]`"),
  RESERVED_ANNOTATION("`metadata.annotations[key]`"),
  SELECTOR_LABEL_RESERVED("`spec.selector.matchLabels[key]` (Deployment, StatefulSet, DaemonSet"),
  JOB_TEMPLATE_LABELS("`spec.template.metadata.labels` (Job, CronJob)");

  private final String docField;

  StricterRule(String docField) {
    this.docField = docField;
  }

  /** The start of the field cell of this rule's row in docs/validation.md. */
  String docField() {
    return docField;
  }
}
