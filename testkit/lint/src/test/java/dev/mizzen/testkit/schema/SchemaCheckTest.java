package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

  private static List<String> check(String yaml) {
    return SchemaCheck.check(yaml, "t.yaml").stream().map(SchemaFinding::toString).toList();
  }

  private static final String VALID = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels: {app: web}
      spec:
        replicas: 3
        selector:
          matchLabels: {app: web}
        strategy:
          rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.27
              ports:
              - containerPort: 8080
              resources:
                requests: {cpu: 250m, memory: 256Mi}
                limits: {cpu: 1, memory: 0.5Gi, ephemeral-storage: 1e9}
              readinessProbe:
                httpGet: {path: /ready, port: http}
              livenessProbe:
                tcpSocket: {port: 8080}
            volumes:
            - name: tmp
              emptyDir: {}
      """;

  @Test
  void validManifestHasNoFindings() {
    assertThat(check(VALID)).isEmpty();
  }

  /** The example of docs/schema.md. */
  @Test
  void documentedExample() {
    assertThat(SchemaCheck.check("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: "3"
          selector:
            matchLabel: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - image: nginx:1.27
                env:
                - {name: PORT, value: 8080}
                resources:
                  limits: {memory: 512MB}
        """, "deploy/web.yaml")).map(SchemaFinding::toString).containsExactly(
        "deploy/web.yaml:7:13: ERROR schema/wrong-type Deployment/shop/web: spec.replicas: must be an integer,"
            + " was the string \"3\"; remove the quotes",
        "deploy/web.yaml:9:5: ERROR schema/unknown-field Deployment/shop/web: spec.selector.matchLabel: unknown"
            + " field \"matchLabel\" in LabelSelector; did you mean \"matchLabels\"?",
        "deploy/web.yaml:15:9: ERROR schema/required Deployment/shop/web: spec.template.spec.containers[0].name:"
            + " missing required field \"name\" of Container",
        "deploy/web.yaml:17:31: ERROR schema/wrong-type Deployment/shop/web:"
            + " spec.template.spec.containers[0].env[0].value: must be a string, was the integer 8080; quote it,"
            + " or YAML reads it as a number",
        "deploy/web.yaml:19:28: ERROR schema/invalid-format Deployment/shop/web:"
            + " spec.template.spec.containers[0].resources.limits[memory]: must be a quantity such as 500m, 2,"
            + " 1.5Gi or 1e3, but \"512MB\" has the unknown unit \"MB\" (use Mi for binary units or M for"
            + " decimal ones)");
  }

  @Test
  void realisticManifestsOfManyKindsHaveNoFindings() throws Exception {
    Path file = Path.of(getClass().getResource("realistic.yaml").toURI());

    ManifestFile manifests = ManifestFile.read(file);
    assertThat(SchemaCheck.check(manifests)).isEmpty();
    assertThat(manifests.objects()).hasSize(15);
    assertThat(manifests.objects()).allSatisfy(object ->
        assertThat(object.object().isPresent()).isEqualTo(!object.kind().equals("Widget")));
  }

  @Test
  void unknownFieldSuggestsTheClosestName() {
    List<SchemaFinding> findings = SchemaCheck.check(VALID.replace("matchLabels: {app: web}", "matchLabel: {app: web}"), "t.yaml");

    assertThat(findings).hasSize(1);
    SchemaFinding finding = findings.get(0);
    assertThat(finding.rule()).isEqualTo(SchemaRule.UNKNOWN_FIELD);
    assertThat(finding.ruleId()).isEqualTo("schema/unknown-field");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.object()).isEqualTo("Deployment/shop/web");
    assertThat(finding.path()).isEqualTo("spec.selector.matchLabel");
    assertThat(finding.message()).isEqualTo("unknown field \"matchLabel\" in LabelSelector; did you mean \"matchLabels\"?");
    assertThat(finding.location()).isEqualTo(SourceLocation.of("t.yaml", 10, 5));
    assertThat(finding.document()).isZero();
    assertThat(finding.item()).isEmpty();
    assertThat(finding).hasToString("t.yaml:10:5: ERROR schema/unknown-field Deployment/shop/web: "
        + "spec.selector.matchLabel: unknown field \"matchLabel\" in LabelSelector; did you mean \"matchLabels\"?");
  }

  @Test
  void unknownFieldHints() {
    assertThat(check("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            image: nginx
            containerPort: 80
            Image: nginx
          image: nginx
          metadata: {labels: {a: b}}
          foo: 1
        """)).containsExactly(
        "t.yaml:8:5: ERROR schema/unknown-field Pod/p: spec.containers[0].containerPort: "
            + "unknown field \"containerPort\" in Container; containerPort is a field of ContainerPort, under ports[]",
        "t.yaml:9:5: ERROR schema/unknown-field Pod/p: spec.containers[0].Image: "
            + "unknown field \"Image\" in Container; did you mean \"image\"?",
        "t.yaml:10:3: ERROR schema/unknown-field Pod/p: spec.image: "
            + "unknown field \"image\" in PodSpec; image is a field of Container, under containers[]",
        "t.yaml:11:3: ERROR schema/unknown-field Pod/p: spec.metadata: "
            + "unknown field \"metadata\" in PodSpec; metadata belongs to Pod at metadata: check the indentation",
        "t.yaml:12:3: ERROR schema/unknown-field Pod/p: spec.foo: unknown field \"foo\" in PodSpec");
  }

  @Test
  void unknownFieldInASmallTypeListsItsFields() {
    assertThat(check("""
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          selector: {app: web}
          ports:
          - port: 80
            target: 8080
        """)).containsExactly("t.yaml:8:5: ERROR schema/unknown-field Service/s: spec.ports[0].target: "
        + "unknown field \"target\" in ServicePort; ServicePort has appProtocol, name, nodePort, port, protocol,"
        + " targetPort");
  }

  @Test
  void misplacedFieldPointsToWhereItBelongs() {
    assertThat(check(VALID.replace("    containers:", "    replicas: 2\n      containers:")))
        .containsExactly("t.yaml:17:7: ERROR schema/unknown-field Deployment/shop/web: spec.template.spec.replicas: "
            + "unknown field \"replicas\" in PodSpec; replicas belongs to DeploymentSpec at spec.replicas:"
            + " check the indentation");
  }

  @Test
  void wrongTypes() {
    assertThat(check("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            version: 1.0
            enabled: yes
        spec:
          replicas: "3"
          paused: "true"
          selector:
            matchLabels:
              - app: web
          template:
            spec:
              containers:
                name: web
              terminationGracePeriodSeconds: 30.0
              priority: 3000000000
        """)).containsExactly(
        "t.yaml:6:14: ERROR schema/wrong-type Deployment/web: metadata.labels[version]: "
            + "must be a string, was the number 1.0; quote it, or YAML reads it as a number",
        "t.yaml:7:14: ERROR schema/wrong-type Deployment/web: metadata.labels[enabled]: "
            + "must be a string, was the boolean true; quote it, or YAML reads it as a boolean",
        "t.yaml:9:13: ERROR schema/wrong-type Deployment/web: spec.replicas: "
            + "must be an integer, was the string \"3\"; remove the quotes",
        "t.yaml:10:11: ERROR schema/wrong-type Deployment/web: spec.paused: "
            + "must be a boolean (true or false), was the string \"true\"; remove the quotes",
        "t.yaml:13:7: ERROR schema/wrong-type Deployment/web: spec.selector.matchLabels: "
            + "must be a map, was a list; remove the \"- \" in front of its fields",
        "t.yaml:17:9: ERROR schema/wrong-type Deployment/web: spec.template.spec.containers: "
            + "must be a list, was a map; write each element on its own line starting with \"- \"",
        "t.yaml:18:38: ERROR schema/wrong-type Deployment/web: spec.template.spec.terminationGracePeriodSeconds: "
            + "must be an integer, was the number 30.0; write it without a decimal point",
        "t.yaml:19:17: ERROR schema/wrong-type Deployment/web: spec.template.spec.priority: "
            + "must be a 32-bit integer (-2147483648..2147483647), was 3000000000");
  }

  @Test
  void intOrStringTakesBothFormsButNotOthers() {
    String service = """
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          ports:
          - {port: 80, targetPort: 8080}
          - {port: 81, targetPort: http}
          - {port: 82, targetPort: "8082"}
          - {port: 83, targetPort: true}
          - {port: 84, targetPort: [1]}
        """;
    assertThat(check(service)).containsExactly(
        "t.yaml:9:28: ERROR schema/wrong-type Service/s: spec.ports[3].targetPort: "
            + "must be an integer or a string, was the boolean true; quote it, or YAML reads it as a boolean",
        "t.yaml:10:28: ERROR schema/wrong-type Service/s: spec.ports[4].targetPort: "
            + "must be an integer or a string, was a list");
  }

  @Test
  void quantitiesAcceptTheirFormsAndReportBadSyntax() {
    assertThat(check("""
        apiVersion: v1
        kind: LimitRange
        metadata: {name: l}
        spec:
          limits:
          - type: Container
            max: {cpu: 2, memory: 1.5Gi, a: 500m, b: 1e3, c: 0.25, d: +1k, e: 10E-2, f: 1E}
            min: {cpu: 1 GB, memory: 512MB, a: 1kb, b: 1.5.5, c: "", d: true}
        """)).containsExactly(
        "t.yaml:8:16: ERROR schema/invalid-format LimitRange/l: spec.limits[0].min[cpu]: "
            + "must be a quantity such as 500m, 2, 1.5Gi or 1e3, but \"1 GB\" has a space between the number and the unit",
        "t.yaml:8:30: ERROR schema/invalid-format LimitRange/l: spec.limits[0].min[memory]: "
            + "must be a quantity such as 500m, 2, 1.5Gi or 1e3, but \"512MB\" has the unknown unit \"MB\""
            + " (use Mi for binary units or M for decimal ones)",
        "t.yaml:8:40: ERROR schema/invalid-format LimitRange/l: spec.limits[0].min[a]: "
            + "must be a quantity such as 500m, 2, 1.5Gi or 1e3, but \"1kb\" has the unknown unit \"kb\""
            + " (use Ki for binary units or k for decimal ones)",
        "t.yaml:8:48: ERROR schema/invalid-format LimitRange/l: spec.limits[0].min[b]: "
            + "must be a quantity such as 500m, 2, 1.5Gi or 1e3, but \"1.5.5\" is not a number with an optional unit",
        "t.yaml:8:58: ERROR schema/invalid-format LimitRange/l: spec.limits[0].min[c]: "
            + "must be a quantity such as 500m, 2, 1.5Gi or 1e3, but \"\" is empty",
        "t.yaml:8:65: ERROR schema/wrong-type LimitRange/l: spec.limits[0].min[d]: "
            + "must be a quantity (a string such as \"500m\" or \"1Gi\", or a number), was the boolean true;"
            + " quote it, or YAML reads it as a boolean");
  }

  @Test
  void dateTimesAndBase64AreChecked() {
    assertThat(check("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: s
          creationTimestamp: yesterday
        data:
          good: aGVsbG8=
          bad: hello world
          number: 12
        """)).containsExactly(
        "t.yaml:5:22: ERROR schema/invalid-format Secret/s: metadata.creationTimestamp: "
            + "must be an RFC 3339 date-time such as 2025-05-01T12:00:00Z, was \"yesterday\"",
        "t.yaml:8:8: ERROR schema/invalid-format Secret/s: data[bad]: "
            + "must be base64-encoded (padded), was not; put plain text under stringData instead",
        "t.yaml:9:11: ERROR schema/wrong-type Secret/s: data[number]: "
            + "must be a base64 string, was an integer; quote it, or YAML reads it as a number");
  }

  @Test
  void requiredFieldsFromTheOpenApiAndTheObjectItself() {
    assertThat(check("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels: {app: web}
        spec:
          template:
            spec:
              containers:
              - image: nginx
                ports:
                - name: http
                env:
                - value: x
        """)).containsExactly(
        "t.yaml:3:1: ERROR schema/required Deployment: metadata.name: missing required field \"name\" of"
            + " ObjectMeta: every Deployment needs a name (or metadata.generateName with kubectl create)",
        "t.yaml:5:1: ERROR schema/required Deployment: spec.selector: missing required field \"selector\" of"
            + " DeploymentSpec",
        "t.yaml:9:9: ERROR schema/required Deployment: spec.template.spec.containers[0].name: missing required"
            + " field \"name\" of Container",
        "t.yaml:11:11: ERROR schema/required Deployment: spec.template.spec.containers[0].ports[0].containerPort:"
            + " missing required field \"containerPort\" of ContainerPort",
        "t.yaml:13:11: ERROR schema/required Deployment: spec.template.spec.containers[0].env[0].name:"
            + " missing required field \"name\" of EnvVar");
  }

  @Test
  void podSpecNeedsContainersAndGenerateNameStandsInForName() {
    assertThat(check("""
        apiVersion: batch/v1
        kind: Job
        metadata: {generateName: migrate-}
        spec:
          template:
            spec:
              restartPolicy: Never
        """)).containsExactly("t.yaml:6:5: ERROR schema/required Job: spec.template.spec.containers: "
        + "missing required field \"containers\" of PodSpec");
  }

  @Test
  void apiVersionKindAndMetadataAreRequired() {
    assertThat(check("""
        metadata: {name: x}
        ---
        apiVersion: 1
        kind: ConfigMap
        metadata: {name: cm}
        ---
        apiVersion: v1
        kind: ConfigMap
        ---
        apiVersion: authorization.k8s.io/v1
        kind: SelfSubjectAccessReview
        spec: {resourceAttributes: {verb: get}}
        """)).containsExactly(
        "t.yaml:1:1: ERROR schema/required ?/x: apiVersion: missing required field \"apiVersion\" of every"
            + " Kubernetes object",
        "t.yaml:1:1: ERROR schema/required ?/x: kind: missing required field \"kind\" of every Kubernetes object",
        "t.yaml:3:13: ERROR schema/wrong-type ConfigMap/cm: apiVersion: must be a string, was the integer 1",
        "t.yaml:7:1: ERROR schema/required ConfigMap: metadata.name: missing required field \"metadata.name\":"
            + " every ConfigMap needs a name");
  }

  @Test
  void secretValuesAreNeverShown() {
    assertThat(check("""
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        stringData:
          password: 123456
        """)).containsExactly("t.yaml:5:13: ERROR schema/wrong-type Secret/s: stringData[password]:"
        + " must be a string, was an integer; quote it, or YAML reads it as a number");
  }

}
