package dev.mizzen.examples.bench;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.*;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop app's 19 objects written directly with client-java's model classes: the baseline
 * the DSL is measured against (and checked against, object by object, in the golden test).
 */
public final class ShopAppDirect {
  private static final String NS = "shop";

  private ShopAppDirect() {}

  /** The 19 objects, in the order of the reference page. */
  public static List<KubernetesObject> objects() {
    return List.of(namespace(), webConfig(), apiCredentials(), serviceAccount("web"), serviceAccount("api"),
        webDeployment(), service("web", 80, "http", false), webIngress(), webHpa(), webPdb(),
        apiDeployment(), service("api", 9090, "http", false), apiNetworkPolicy(), dbStatefulSet(),
        service("db", 5432, "pg", true), reportCronJob(), role(), roleBinding(), nodeExporter());
  }

  private static Map<String, String> labels(String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", component);
    labels.put("app.kubernetes.io/part-of", "shop");
    labels.put("app.kubernetes.io/managed-by", "mizzen");
    return labels;
  }

  private static Map<String, String> selector(String component) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put("app.kubernetes.io/name", component);
    selector.put("app.kubernetes.io/part-of", "shop");
    return selector;
  }

  private static V1ObjectMeta meta(String name, String component) {
    return new V1ObjectMeta().name(name).namespace(NS).labels(labels(component));
  }

  private static V1Namespace namespace() {
    Map<String, String> labels = labels("shop");
    labels.put("pod-security.kubernetes.io/enforce", "restricted");
    return new V1Namespace().apiVersion("v1").kind("Namespace")
        .metadata(new V1ObjectMeta().name(NS).labels(labels));
  }

  private static V1ConfigMap webConfig() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("LOG_FORMAT", "json");
    data.put("FEATURE_FLAGS", "checkout-v2");
    return new V1ConfigMap().apiVersion("v1").kind("ConfigMap").metadata(meta("web-config", "web")).data(data);
  }

  private static V1Secret apiCredentials() {
    Map<String, byte[]> data = new LinkedHashMap<>();
    data.put("username", "shop".getBytes(StandardCharsets.UTF_8));
    data.put("password", "change-me".getBytes(StandardCharsets.UTF_8));
    return new V1Secret().apiVersion("v1").kind("Secret").metadata(meta("api-credentials", "api"))
        .type("Opaque").data(data);
  }

  private static V1ServiceAccount serviceAccount(String name) {
    return new V1ServiceAccount().apiVersion("v1").kind("ServiceAccount").metadata(meta(name, name))
        .automountServiceAccountToken(false);
  }

  private static V1SecurityContext restrictedContainer(boolean readOnlyRoot) {
    V1SecurityContext context = new V1SecurityContext()
        .allowPrivilegeEscalation(false)
        .capabilities(new V1Capabilities().drop(List.of("ALL")));
    if (readOnlyRoot) {
      context.readOnlyRootFilesystem(true);
    }
    return context;
  }

  private static V1PodSecurityContext restrictedPod(Long uid) {
    V1PodSecurityContext context = new V1PodSecurityContext().runAsNonRoot(true)
        .seccompProfile(new V1SeccompProfile().type("RuntimeDefault"));
    if (uid != null) {
      context.runAsUser(uid);
    }
    return context;
  }

  private static V1ResourceRequirements resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    V1ResourceRequirements resources = new V1ResourceRequirements();
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requests.put("cpu", Quantity.fromString(cpuRequest));
    requests.put("memory", Quantity.fromString(memoryRequest));
    resources.requests(requests);
    if (cpuLimit != null || memoryLimit != null) {
      Map<String, Quantity> limits = new LinkedHashMap<>();
      if (cpuLimit != null) {
        limits.put("cpu", Quantity.fromString(cpuLimit));
      }
      limits.put("memory", Quantity.fromString(memoryLimit));
      resources.limits(limits);
    }
    return resources;
  }

  private static V1PodTemplateSpec template(String component, V1PodSpec spec) {
    return new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels(component))).spec(spec);
  }

  private static V1Deployment webDeployment() {
    V1Container web = new V1Container()
        .name("web")
        .image("ghcr.io/acme/web:1.4.2")
        .ports(List.of(new V1ContainerPort().name("http").containerPort(8080)))
        .env(List.of(new V1EnvVar().name("LOG_LEVEL").value("info")))
        .envFrom(List.of(new V1EnvFromSource().configMapRef(new V1ConfigMapEnvSource().name("web-config"))))
        .resources(resources("250m", "256Mi", "500m", "512Mi"))
        .readinessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/ready").port(new IntOrString("http")))
            .periodSeconds(5))
        .livenessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/live").port(new IntOrString("http")))
            .initialDelaySeconds(10))
        .startupProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/live").port(new IntOrString("http")))
            .periodSeconds(2).failureThreshold(30))
        .securityContext(restrictedContainer(true))
        .volumeMounts(List.of(new V1VolumeMount().name("tmp").mountPath("/tmp")));
    V1PodSpec pod = new V1PodSpec()
        .serviceAccountName("web")
        .automountServiceAccountToken(false)
        .securityContext(restrictedPod(10001L))
        .containers(List.of(web))
        .volumes(List.of(new V1Volume().name("tmp").emptyDir(new V1EmptyDirVolumeSource())))
        .affinity(new V1Affinity()
            .nodeAffinity(new V1NodeAffinity()
                .requiredDuringSchedulingIgnoredDuringExecution(new V1NodeSelector().nodeSelectorTerms(List.of(
                    new V1NodeSelectorTerm().matchExpressions(List.of(new V1NodeSelectorRequirement()
                        .key("node-pool").operator("In").values(List.of("general")))))))
                .preferredDuringSchedulingIgnoredDuringExecution(List.of(new V1PreferredSchedulingTerm().weight(50)
                    .preference(new V1NodeSelectorTerm().matchExpressions(List.of(new V1NodeSelectorRequirement()
                        .key("topology.kubernetes.io/zone").operator("In").values(List.of("zone-a"))))))))
            .podAntiAffinity(new V1PodAntiAffinity()
                .preferredDuringSchedulingIgnoredDuringExecution(List.of(new V1WeightedPodAffinityTerm().weight(100)
                    .podAffinityTerm(new V1PodAffinityTerm().topologyKey("kubernetes.io/hostname")
                        .labelSelector(new V1LabelSelector().matchLabels(selector("web"))))))))
        .topologySpreadConstraints(List.of(new V1TopologySpreadConstraint().maxSkew(1)
            .topologyKey("topology.kubernetes.io/zone").whenUnsatisfiable("ScheduleAnyway")
            .labelSelector(new V1LabelSelector().matchLabels(selector("web")))))
        .tolerations(List.of(new V1Toleration().key("dedicated").operator("Equal").value("web").effect("NoSchedule")));
    return new V1Deployment().apiVersion("apps/v1").kind("Deployment").metadata(meta("web", "web"))
        .spec(new V1DeploymentSpec()
            .selector(new V1LabelSelector().matchLabels(selector("web")))
            .strategy(new V1DeploymentStrategy().type("RollingUpdate").rollingUpdate(new V1RollingUpdateDeployment()
                .maxSurge(new IntOrString("25%")).maxUnavailable(new IntOrString(0))))
            .template(template("web", pod)));
  }

  private static V1Service service(String name, int port, String targetPort, boolean headless) {
    V1ServiceSpec spec = new V1ServiceSpec()
        .selector(selector(name))
        .ports(List.of(new V1ServicePort().name(targetPort.equals("pg") ? "pg" : "http").port(port)
            .targetPort(new IntOrString(targetPort)).protocol("TCP")));
    spec.type("ClusterIP");
    if (headless) {
      spec.clusterIP("None");
    }
    return new V1Service().apiVersion("v1").kind("Service").metadata(meta(name, name)).spec(spec);
  }

  private static V1Ingress webIngress() {
    return new V1Ingress().apiVersion("networking.k8s.io/v1").kind("Ingress").metadata(meta("web", "web"))
        .spec(new V1IngressSpec()
            .ingressClassName("nginx")
            .tls(List.of(new V1IngressTLS().hosts(List.of("shop.example.com")).secretName("shop-tls")))
            .rules(List.of(new V1IngressRule().host("shop.example.com").http(new V1HTTPIngressRuleValue()
                .paths(List.of(new V1HTTPIngressPath().path("/").pathType("Prefix")
                    .backend(new V1IngressBackend().service(new V1IngressServiceBackend().name("web")
                        .port(new V1ServiceBackendPort().number(80))))))))));
  }

  private static V2HorizontalPodAutoscaler webHpa() {
    return new V2HorizontalPodAutoscaler().apiVersion("autoscaling/v2").kind("HorizontalPodAutoscaler")
        .metadata(meta("web", "web"))
        .spec(new V2HorizontalPodAutoscalerSpec()
            .scaleTargetRef(new V2CrossVersionObjectReference().apiVersion("apps/v1").kind("Deployment").name("web"))
            .minReplicas(3).maxReplicas(10)
            .metrics(List.of(new V2MetricSpec().type("Resource").resource(new V2ResourceMetricSource().name("cpu")
                .target(new V2MetricTarget().type("Utilization").averageUtilization(70))))));
  }

  private static V1PodDisruptionBudget webPdb() {
    return new V1PodDisruptionBudget().apiVersion("policy/v1").kind("PodDisruptionBudget").metadata(meta("web", "web"))
        .spec(new V1PodDisruptionBudgetSpec().minAvailable(new IntOrString(2))
            .selector(new V1LabelSelector().matchLabels(selector("web"))));
  }

  private static V1Deployment apiDeployment() {
    V1Container api = new V1Container()
        .name("api")
        .image("ghcr.io/acme/api:2.0.1")
        .ports(List.of(new V1ContainerPort().name("http").containerPort(9090)))
        .env(List.of(
            new V1EnvVar().name("DB_HOST").value("db"),
            new V1EnvVar().name("DB_USER").valueFrom(new V1EnvVarSource().secretKeyRef(
                new V1SecretKeySelector().name("api-credentials").key("username"))),
            new V1EnvVar().name("DB_PASSWORD").valueFrom(new V1EnvVarSource().secretKeyRef(
                new V1SecretKeySelector().name("api-credentials").key("password")))))
        .resources(resources("100m", "128Mi", null, "256Mi"))
        .readinessProbe(new V1Probe().tcpSocket(new V1TCPSocketAction().port(new IntOrString("http"))))
        .livenessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/healthz").port(new IntOrString("http"))))
        .securityContext(restrictedContainer(false));
    V1PodSpec pod = new V1PodSpec()
        .serviceAccountName("api")
        .automountServiceAccountToken(false)
        .securityContext(restrictedPod(null))
        .containers(List.of(api));
    return new V1Deployment().apiVersion("apps/v1").kind("Deployment").metadata(meta("api", "api"))
        .spec(new V1DeploymentSpec().replicas(2)
            .selector(new V1LabelSelector().matchLabels(selector("api")))
            .template(template("api", pod)));
  }

  private static V1NetworkPolicy apiNetworkPolicy() {
    return new V1NetworkPolicy().apiVersion("networking.k8s.io/v1").kind("NetworkPolicy").metadata(meta("api", "api"))
        .spec(new V1NetworkPolicySpec()
            .podSelector(new V1LabelSelector().matchLabels(selector("api")))
            .policyTypes(List.of("Ingress"))
            .ingress(List.of(new V1NetworkPolicyIngressRule()
                .from(List.of(new V1NetworkPolicyPeer().podSelector(new V1LabelSelector().matchLabels(selector("web")))))
                .ports(List.of(new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(9090)))))));
  }

  private static V1StatefulSet dbStatefulSet() {
    V1Container db = new V1Container()
        .name("db")
        .image("postgres:16.4")
        .ports(List.of(new V1ContainerPort().name("pg").containerPort(5432)))
        .env(List.of(
            new V1EnvVar().name("POSTGRES_PASSWORD").valueFrom(new V1EnvVarSource().secretKeyRef(
                new V1SecretKeySelector().name("api-credentials").key("password"))),
            new V1EnvVar().name("PGDATA").value("/var/lib/postgresql/data/pgdata")))
        .readinessProbe(new V1Probe().exec(new V1ExecAction().command(List.of("pg_isready", "-U", "postgres"))))
        .securityContext(restrictedContainer(false))
        .volumeMounts(List.of(new V1VolumeMount().name("data").mountPath("/var/lib/postgresql/data")));
    V1PodSpec pod = new V1PodSpec()
        .automountServiceAccountToken(false)
        .securityContext(restrictedPod(999L).fsGroup(999L))
        .containers(List.of(db));
    return new V1StatefulSet().apiVersion("apps/v1").kind("StatefulSet").metadata(meta("db", "db"))
        .spec(new V1StatefulSetSpec().replicas(1).serviceName("db")
            .selector(new V1LabelSelector().matchLabels(selector("db")))
            .template(template("db", pod))
            .volumeClaimTemplates(List.of(new V1PersistentVolumeClaim().metadata(new V1ObjectMeta().name("data"))
                .spec(new V1PersistentVolumeClaimSpec().accessModes(List.of("ReadWriteOnce")).storageClassName("standard")
                    .resources(new V1VolumeResourceRequirements().requests(Map.of("storage", Quantity.fromString("10Gi"))))))));
  }

  private static V1CronJob reportCronJob() {
    V1Container report = new V1Container()
        .name("report")
        .image("ghcr.io/acme/report:1.0.0")
        .resources(resources("50m", "64Mi", null, null))
        .securityContext(restrictedContainer(false));
    report.getResources().setLimits(null);
    V1PodSpec pod = new V1PodSpec()
        .restartPolicy("OnFailure")
        .automountServiceAccountToken(false)
        .securityContext(restrictedPod(null))
        .containers(List.of(report));
    return new V1CronJob().apiVersion("batch/v1").kind("CronJob").metadata(meta("report", "report"))
        .spec(new V1CronJobSpec().schedule("0 3 * * *").concurrencyPolicy("Forbid")
            .jobTemplate(new V1JobTemplateSpec().metadata(new V1ObjectMeta().labels(labels("report"))).spec(new V1JobSpec()
                .backoffLimit(2).activeDeadlineSeconds(600L).ttlSecondsAfterFinished(86400)
                .template(template("report", pod)))));
  }

  private static V1Role role() {
    return new V1Role().apiVersion("rbac.authorization.k8s.io/v1").kind("Role")
        .metadata(meta("web-config-reader", "web"))
        .rules(List.of(new V1PolicyRule().apiGroups(List.of("")).resources(List.of("configmaps"))
            .verbs(List.of("get", "list", "watch"))));
  }

  private static V1RoleBinding roleBinding() {
    return new V1RoleBinding().apiVersion("rbac.authorization.k8s.io/v1").kind("RoleBinding")
        .metadata(meta("web-config-reader", "web"))
        .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("Role").name("web-config-reader"))
        .subjects(List.of(new RbacV1Subject().kind("ServiceAccount").name("web").namespace(NS)));
  }

  private static V1DaemonSet nodeExporter() {
    V1Container exporter = new V1Container()
        .name("node-exporter")
        .image("quay.io/prometheus/node-exporter:v1.8.2")
        .ports(List.of(new V1ContainerPort().name("metrics").containerPort(9100)))
        .resources(resources("10m", "32Mi", null, null))
        .securityContext(restrictedContainer(false));
    exporter.getResources().setLimits(null);
    V1PodSpec pod = new V1PodSpec()
        .automountServiceAccountToken(false)
        .securityContext(restrictedPod(null))
        .containers(List.of(exporter))
        .tolerations(List.of(new V1Toleration().operator("Exists")));
    return new V1DaemonSet().apiVersion("apps/v1").kind("DaemonSet").metadata(meta("node-exporter", "node-exporter"))
        .spec(new V1DaemonSetSpec()
            .selector(new V1LabelSelector().matchLabels(selector("node-exporter")))
            .template(template("node-exporter", pod)));
  }
}
