package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema check over its inputs: documents, Lists, JSON, files, unreadable YAML. */
class SchemaCheckInputTest {

  private static List<String> check(String yaml) {
    return SchemaCheck.check(yaml, "t.yaml").stream().map(SchemaFinding::toString).toList();
  }

  @Test
  void listItemsAreObjectsOfTheirOwn() {
    List<SchemaFinding> findings = SchemaCheck.check("""
        apiVersion: v1
        kind: List
        metadata: {resourceVersion: ""}
        extra: 1
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: a, namespace: ns}
          data: {k: 1}
        - apiVersion: v1
          kind: Service
          metadata: {name: b}
          spec: {ports: [{prot: 80}]}
        """, "t.yaml");

    assertThat(findings).map(SchemaFinding::toString).containsExactly(
        "t.yaml:4:1: ERROR schema/unknown-field List: extra: unknown field \"extra\" in a List;"
            + " a List has apiVersion, kind, metadata and items",
        "t.yaml:9:13: ERROR schema/wrong-type ConfigMap/ns/a: data[k]: must be a string, was the integer 1;"
            + " quote it, or YAML reads it as a number",
        "t.yaml:13:18: ERROR schema/required Service/b: spec.ports[0].port: missing required field \"port\""
            + " of ServicePort",
        "t.yaml:13:19: ERROR schema/unknown-field Service/b: spec.ports[0].prot: unknown field \"prot\" in"
            + " ServicePort; did you mean \"port\"?");
    assertThat(findings.get(1).item()).hasValue(0);
    assertThat(findings.get(2).item()).hasValue(1);
    assertThat(findings.get(2).document()).isZero();
  }

  @Test
  void typedListItemsInheritApiVersionAndKind() {
    assertThat(check("""
        apiVersion: apps/v1
        kind: DeploymentList
        items:
        - metadata: {name: a}
          spec: {replicas: x}
        """)).containsExactly(
        "t.yaml:5:3: ERROR schema/required Deployment/a: spec.selector: missing required field \"selector\""
            + " of DeploymentSpec",
        "t.yaml:5:3: ERROR schema/required Deployment/a: spec.template: missing required field \"template\""
            + " of DeploymentSpec",
        "t.yaml:5:20: ERROR schema/wrong-type Deployment/a: spec.replicas: must be an integer, was the string"
            + " \"x\"");
  }

  @Test
  void documentIndexCountsYamlDocuments() {
    List<SchemaFinding> findings = SchemaCheck.check("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        # nothing here
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b}
        data: {x: [1]}
        """, "t.yaml");

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.document()).isEqualTo(2);
      assertThat(finding.location().line()).isEqualTo(10);
    });
  }

  @Test
  void jsonIsCheckedWithLinesToo() {
    assertThat(check("""
        {
        \t"apiVersion": "v1",
        \t"kind": "ConfigMap",
        \t"metadata": {"name": "x", "namespace": "ns"},
        \t"data": {"a": 1}
        }
        """)).containsExactly("t.yaml:5:16: ERROR schema/wrong-type ConfigMap/ns/x: data[a]:"
        + " must be a string, was the integer 1; quote it, or YAML reads it as a number");
  }

  @Test
  void parseErrorsNameTheLine() {
    List<SchemaFinding> findings = SchemaCheck.check("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
         data: 1
        """, "bad.yaml");

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.rule()).isEqualTo(SchemaRule.PARSE_ERROR);
      assertThat(finding.location()).isEqualTo(SourceLocation.of("bad.yaml", 5, 2));
      assertThat(finding).hasToString("bad.yaml:5:2: ERROR schema/parse-error cannot read YAML: expected"
          + " <block end>, but found '<block mapping start>' (while parsing a block mapping at line 1);"
          + " check the indentation and quote values that contain \": \"");
    });
    assertThat(SchemaCheck.check("image: nginx: latest\n", "bad.yaml")).singleElement()
        .hasToString("bad.yaml:1:13: ERROR schema/parse-error cannot read YAML: mapping values are not allowed"
            + " here; check the indentation and quote values that contain \": \"");
  }

  @Test
  void duplicateKeysAreReported() {
    assertThat(check("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
        data:
          a: "1"
          a: "2"
        """)).containsExactly("t.yaml:7:3: ERROR schema/duplicate-key ConfigMap/x: data: duplicate key \"a\""
        + " (first at line 6); the API server refuses duplicate keys");
  }

  @Test
  void checksFilesAndSortsFindingsBySourceOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.yaml");
    Files.writeString(file, """
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          type: 1
          ports: {}
        """);

    assertThat(SchemaCheck.check(file)).map(SchemaFinding::toString).containsExactly(
        file + ":5:9: ERROR schema/wrong-type Service/s: spec.type: must be a string, was the integer 1;"
            + " quote it, or YAML reads it as a number",
        file + ":6:10: ERROR schema/wrong-type Service/s: spec.ports: must be a list, was a map;"
            + " write each element on its own line starting with \"- \"");
  }

  @Test
  void concatenatedJsonObjectsAreAParseError() {
    List<SchemaFinding> findings = SchemaCheck.check("{\"apiVersion\": \"v1\"}\n{\"kind\": \"Pod\"}\n", "two.json");

    assertThat(findings).filteredOn(finding -> finding.rule() == SchemaRule.PARSE_ERROR).singleElement()
        .satisfies(finding -> assertThat(finding.location().line()).isEqualTo(2));
  }
}
