package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema check's rules about kinds and API versions: unknown, removed, deprecated, custom. */
class ApiVersionCheckTest {

  private static List<String> check(String yaml) {
    return SchemaCheck.check(yaml, "t.yaml").stream().map(SchemaFinding::toString).toList();
  }

  @Test
  void unknownKindsAndApiVersions() {
    assertThat(check("""
        apiVersion: apps/v1
        kind: Deploymnet
        metadata: {name: a}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Deployment
        metadata: {name: b}
        ---
        apiVersion: apps/v1
        kind: Widget
        metadata: {name: c}
        ---
        apiVersion: apps/v2
        kind: Deployment
        metadata: {name: d}
        ---
        apiVersion: app/v1
        kind: Gadget
        metadata: {name: e}
        ---
        apiVersion: networking.k8s.io/v2
        kind: Gadget
        metadata: {name: f}
        """)).containsExactly(
        "t.yaml:2:7: ERROR schema/unknown-kind Deploymnet/a: kind: unknown kind \"Deploymnet\" in apps/v1;"
            + " did you mean \"Deployment\"?",
        "t.yaml:6:7: ERROR schema/unknown-kind Deployment/b: kind: kind \"Deployment\" is not in"
            + " networking.k8s.io/v1; Deployment is in apps/v1",
        "t.yaml:10:7: ERROR schema/unknown-kind Widget/c: kind: unknown kind \"Widget\" in apps/v1, which has"
            + " ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet",
        "t.yaml:13:13: ERROR schema/unknown-api-version Deployment/d: apiVersion: unknown API version"
            + " \"apps/v2\"; Deployment is in apps/v1",
        "t.yaml:17:13: ERROR schema/unknown-api-version Gadget/e: apiVersion: unknown API version \"app/v1\"",
        "t.yaml:21:13: ERROR schema/unknown-api-version Gadget/f: apiVersion: unknown API version"
            + " \"networking.k8s.io/v2\"; networking.k8s.io has networking.k8s.io/v1, networking.k8s.io/v1beta1");
  }

  @Test
  void customResourcesAreCheckedOnlyInTheirMetadata() {
    assertThat(check("""
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: web
          lables: {a: b}
        spec:
          anything: [goes, here]
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {}
        """)).containsExactly(
        "t.yaml:5:3: ERROR schema/unknown-field ServiceMonitor/web: metadata.lables: unknown field \"lables\""
            + " in ObjectMeta; did you mean \"labels\"?",
        "t.yaml:11:1: ERROR schema/required Certificate: metadata.name: missing required field \"name\" of"
            + " ObjectMeta: every Certificate needs a name (or metadata.generateName with kubectl create)");
  }

  @Test
  void removedApisAreErrorsWithTheirReplacement() {
    List<SchemaFinding> findings = SchemaCheck.check("""
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: web}
        spec:
          backend: {serviceName: web, servicePort: 80}
        """, "t.yaml");

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.rule()).isEqualTo(SchemaRule.REMOVED_API);
      assertThat(finding.severity()).isEqualTo(Severity.ERROR);
      assertThat(finding).hasToString("t.yaml:1:13: ERROR schema/removed-api Ingress/web: apiVersion:"
          + " extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1");
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "apps/v1beta1 | Deployment | apps/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1",
      "apps/v1beta2 | StatefulSet | apps/v1beta2 StatefulSet was removed in Kubernetes 1.16; use apps/v1",
      "extensions/v1beta1 | DaemonSet | extensions/v1beta1 DaemonSet was removed in Kubernetes 1.16; use apps/v1",
      "networking.k8s.io/v1beta1 | Ingress | networking.k8s.io/v1beta1 Ingress was removed in Kubernetes 1.22;"
          + " use networking.k8s.io/v1",
      "rbac.authorization.k8s.io/v1beta1 | Role | rbac.authorization.k8s.io/v1beta1 Role was removed in"
          + " Kubernetes 1.22; use rbac.authorization.k8s.io/v1",
      "policy/v1beta1 | PodDisruptionBudget | policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25;"
          + " use policy/v1",
      "policy/v1beta1 | PodSecurityPolicy | policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25;"
          + " nothing replaces it (enforce Pod Security Standards with Pod Security Admission:"
          + " pod-security.kubernetes.io namespace labels)",
      "batch/v1beta1 | CronJob | batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1",
      "autoscaling/v2beta1 | HorizontalPodAutoscaler | autoscaling/v2beta1 HorizontalPodAutoscaler was removed"
          + " in Kubernetes 1.25; use autoscaling/v2",
      "autoscaling/v2beta2 | HorizontalPodAutoscaler | autoscaling/v2beta2 HorizontalPodAutoscaler was removed"
          + " in Kubernetes 1.26; use autoscaling/v2",
      "storage.k8s.io/v1beta1 | CSIStorageCapacity | storage.k8s.io/v1beta1 CSIStorageCapacity was removed in"
          + " Kubernetes 1.27; use storage.k8s.io/v1",
      "flowcontrol.apiserver.k8s.io/v1beta2 | FlowSchema | flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema was"
          + " removed in Kubernetes 1.29; use flowcontrol.apiserver.k8s.io/v1",
      "flowcontrol.apiserver.k8s.io/v1beta3 | PriorityLevelConfiguration | flowcontrol.apiserver.k8s.io/v1beta3"
          + " PriorityLevelConfiguration was removed in Kubernetes 1.32; use flowcontrol.apiserver.k8s.io/v1",
  })
  void removedApiTable(String apiVersion, String kind, String message) {
    List<SchemaFinding> findings = SchemaCheck.check(
        "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}\n", "t.yaml");

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.rule()).isEqualTo(SchemaRule.REMOVED_API);
      assertThat(finding.path()).isEqualTo("apiVersion");
      assertThat(finding.message()).isEqualTo(message);
    });
  }

  @Test
  void deprecatedApisAreWarningsAndStillChecked() {
    List<SchemaFinding> findings = SchemaCheck.check("""
        apiVersion: v1
        kind: Endpoints
        metadata: {name: web}
        subsets:
        - addresses: [{ip: 10.0.0.1}]
          ports: [{port: "80"}]
        """, "t.yaml");

    assertThat(findings).map(SchemaFinding::toString).containsExactly(
        "t.yaml:1:13: WARNING schema/deprecated-api Endpoints/web: apiVersion: v1 Endpoints is deprecated since"
            + " Kubernetes 1.33; use discovery.k8s.io/v1 EndpointSlice",
        "t.yaml:6:18: ERROR schema/wrong-type Endpoints/web: subsets[0].ports[0].port: must be an integer,"
            + " was the string \"80\"; remove the quotes");
    assertThat(findings.get(0).isError()).isFalse();
    assertThat(findings.get(1).isError()).isTrue();
  }
}
