package dev.mizzen.testkit.parity;

/**
 * The rules by which the DSL refuses, on purpose, what a Kubernetes 1.33 API server accepts.
 * Each names its row in docs/validation.md by the start of the field cell and words of the row,
 * and the row must say why it is stricter (marked "stricter", or with Mizzen as its source):
 * {@code StricterRuleTest} checks it, so no undocumented strictness can pass the fuzzer as documented.
 */
enum StricterRule {
  WORKLOAD_NAME_LABEL("`metadata.name` (Deployment, Job)", "DNS-1123 label, at most 63 (stricter"),
  STATEFUL_SET_NAME_LENGTH("`metadata.name` (StatefulSet)", "at most 52 (stricter"),
  CRON_JOB_NAME("`metadata.name` (CronJob)", "DNS-1123 label (stricter"),
  PDB_NAME("PodDisruptionBudget `metadata.name`", "only requires a path segment"),
  RESERVED_ANNOTATION("`metadata.annotations[key]`", "not an opt-out annotation key"),
  POD_SECURITY_OPT_OUT("opt-outs (at the field each relaxes", "Mizzen"),
  CONTAINER_PORT_UNIQUE("`containers[*].ports[*].containerPort`", "unique per protocol"),
  ENV_NAME_PORTABLE("`containers[*].env[*].name`", "Mizzen keeps the portable one"),
  ENV_NAME_UNIQUE("`containers[*].env[<name>]`", "each name once"),
  RESOURCE_FIELD_CONTAINER("`...resourceFieldRef.containerName`", "names a container of the pod"),
  ENV_FROM_PREFIX("`containers[*].envFrom[*].prefix`", "by the portable rule"),
  CLAIM_TEMPLATE_MOUNTED("`spec.volumeClaimTemplates[name].metadata.name`", "mounted by some container (stricter"),
  PROJECTED_TOKEN_PATH("`spec.volumes[*].projected.sources[*]`", "not compare: the kubelet"),
  MATCH_LABEL_KEYS_IN_SELECTOR("`….matchLabelKeys[i]`, `….mismatchLabelKeys[i]`", "stricter in a pod template"),
  BLOCK_CLAIM_MOUNTED("workload `…spec.volumes[name].persistentVolumeClaim.claimName`", "the kubelet refuses the mount"),
  STATEFUL_SET_MAX_UNAVAILABLE("`spec.updateStrategy.rollingUpdate.maxUnavailable` (StatefulSet)", "drops the field unchecked"),
  LOAD_BALANCER_SOURCE_RANGE("Service `spec.loadBalancerSourceRanges`", "stricter, as there"),
  INGRESS_CLASS_ANNOTATION("Ingress `metadata.annotations[kubernetes.io/ingress.class]`", "1.33 accepts a matching value"),
  SELECTOR_LABEL_RESERVED("`spec.selector.matchLabels[key]` (Deployment, StatefulSet, DaemonSet", "the controller overwrites them"),
  JOB_TEMPLATE_LABELS("`spec.template.metadata.labels` (Job, CronJob)", "stricter: the API server sets them"),
  JOB_TEMPLATE_METADATA("`spec.jobTemplate.metadata.labels`, `.annotations` (CronJob", "does not check them"),
  INGRESS_TLS_SECRET_EMPTY("Ingress `spec.tls[i].secretName`", "takes `\"\"` as no Secret"),
  HPA_METRICS_REQUIRED("HorizontalPodAutoscaler `spec.metrics`", "the API server defaults to 80% CPU"),
  HPA_TARGET_NAME("HorizontalPodAutoscaler `spec.scaleTargetRef`", "stricter than the path-segment rule"),
  HPA_TARGET_API_VERSION("HorizontalPodAutoscaler `spec.scaleTargetRef`", "the API server does not check it"),
  HPA_TARGET_KIND("HorizontalPodAutoscaler `spec.scaleTargetRef`", "no kind has other characters"),
  IMAGE_REFERENCE("`containers[*].image`", "`[registry/]repository[:tag][@digest]`"),
  IMAGE_WHITESPACE("`containers[*].image`", "checks the whitespace on pods only"),
  POD_NAMES_EMPTY("`spec.hostname`, `spec.subdomain`", "takes `\"\"` as unset"),
  MOUNT_PATH_ABSOLUTE("`containers[*].volumeMounts[*].mountPath`", "absolute: Mizzen"),
  VOLUME_ITEM_KEY("`spec.volumes[*].*.items[*].key`", "the format: Mizzen"),
  QUANTITY_SYNTAX("quantities (`Cpu`, `Memory`, `Storage`, `ExtendedResource`)", "Mizzen refuses"),
  EXTENDED_RESOURCE_KUBERNETES_IO("`containers[*].resources.*[<extended>]`", "not containing `kubernetes.io/`"),
  PROBE_ZERO_DEFAULTED("`*Probe.periodSeconds`, `.timeoutSeconds`", "Mizzen refuses"),
  PROBE_THRESHOLD_ZERO("`*Probe.successThreshold`, `.failureThreshold`", "Mizzen refuses"),
  HTTP_GET_PATH_EMPTY("`*.httpGet.path`", "non-empty (stricter"),
  PROBE_PORT_DECLARED("`*.httpGet.port`, `*.tcpSocket.port` by name", "a port the container declares"),
  SECCOMP_EMPTY_PROFILE("`*.seccompProfile.localhostProfile`", "not empty (stricter"),
  CAPABILITY_NAME("`containers[*].securityContext.capabilities.add[*]`", "Mizzen"),
  WHOLE_SECONDS("`spec.terminationGracePeriodSeconds`", "Mizzen"),
  TOLERATION_SECONDS("`tolerations[i].tolerationSeconds`", "0 or more (stricter)"),
  TOPOLOGY_KEY_QUALIFIED("`topologySpreadConstraints[i].topologyKey`", "a qualified name (stricter"),
  SERVICE_TARGET_PORT_ZERO("Service `spec.ports[i].targetPort`", "stricter: 0 and `\"\"`"),
  SERVICE_NODE_PORT_RANGE("Service `spec.ports[i].nodePort`", "30000..32767 (stricter"),
  SERVICE_AFFINITY_TIMEOUT("Service `spec.sessionAffinityConfig.clientIP.timeoutSeconds`", "only with ClientIP affinity (stricter"),
  DAEMON_SET_ON_DELETE("`spec.updateStrategy.rollingUpdate` (DaemonSet)", "(stricter"),
  JOB_ACTIVE_DEADLINE("`spec.activeDeadlineSeconds` (Job)", "at least 1 (stricter"),
  CRON_SCHEDULE("`spec.schedule` (CronJob)", "stricter: no empty list elements"),
  TIME_ZONE_GO_ONLY("`spec.timeZone` (CronJob)", "which are refused here"),
  PDB_NEITHER("PodDisruptionBudget `spec`", "(stricter: the API server also accepts neither)"),
  CIDR_STRICT("NetworkPolicy `...ipBlock.cidr`, `...ipBlock.except[k]`", "no bits set after the prefix (stricter");

  private final String docField;
  private final String docWords;

  StricterRule(String docField, String docWords) {
    this.docField = docField;
    this.docWords = docWords;
  }

  /** The start of the field cell of this rule's row in docs/validation.md. */
  String docField() {
    return docField;
  }

  /** Words of the row that say what is stricter. */
  String docWords() {
    return docWords;
  }
}
