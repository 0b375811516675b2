package dev.mizzen.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.examples.shop.ShopApp;
import dev.mizzen.testkit.lint.LintFinding;
import dev.mizzen.testkit.policy.Severity;
import dev.mizzen.testkit.schema.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  private static final String TYPO = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          matchLabel:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: ghcr.io/acme/web:1.4.2
      """;
  private static final String PRIVILEGED = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: root
        namespace: shop
      spec:
        containers:
        - name: root
          image: busybox:1.36
          securityContext:
            privileged: true
      """;

  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int lint(String... args) {
    List<String> all = new ArrayList<>(List.of("lint"));
    all.addAll(List.of(args));
    return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String file(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void theShopAppHasNoErrorLevelFindings() throws Exception {
    assertThat(lint(file("shop.yaml", ShopApp.app().yaml()))).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("19 objects in 1 files: 0 errors");
  }

  @Test
  void anUnknownFieldIsAnErrorWithItsLineAndAHint() throws Exception {
    String file = file("typo.yaml", TYPO);
    assertThat(lint("--policy", "baseline", file)).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(file + ":8:5: error [schema/unknown-field] Deployment/shop/web: spec.selector.matchLabel: ")
        .contains("matchLabels");
  }

  @Test
  void jsonOutputHasExactlyTheFiveFields() throws Exception {
    assertThat(lint("--format", "json", "--policy", "baseline", file("root.yaml", PRIVILEGED))).isEqualTo(1);
    JsonArray findings = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonArray();
    assertThat(findings).isNotEmpty();
    JsonObject privileged = findings.asList().stream().map(e -> e.getAsJsonObject())
        .filter(f -> f.get("rule").getAsString().equals("privileged")).findFirst().orElseThrow();
    assertThat(privileged.keySet()).containsExactly("rule", "severity", "object", "path", "message");
    assertThat(privileged.get("severity").getAsString()).isEqualTo("error");
    assertThat(privileged.get("object").getAsString()).isEqualTo("Pod/shop/root");
    assertThat(privileged.get("path").getAsString()).isEqualTo("spec.containers[root].securityContext.privileged");
  }

  @Test
  void jsonOutputIsOneFindingPerLineWithEscapedStrings() {
    LintFinding quoted = new LintFinding("schema/unknown-field", Severity.ERROR, "Deployment/shop/web", "spec.x",
        "unknown field \"x\"\n\tsee\\docs \u0001", SourceLocation.of("web.yaml", 3, 4));
    LintFinding plain = new LintFinding("image-tag", Severity.WARNING, "Pod/p", "", "pin it", SourceLocation.of("p.yaml"));
    assertThat(LintCommand.json(List.of(quoted, plain))).isEqualTo("""
        [
          {"rule": "schema/unknown-field", "severity": "error", "object": "Deployment/shop/web", \
        "path": "spec.x", "message": "unknown field \\"x\\"\\n\\tsee\\\\docs \\u0001"},
          {"rule": "image-tag", "severity": "warning", "object": "Pod/p", "path": "", "message": "pin it"}
        ]
        """);
    assertThat(LintCommand.json(List.of())).isEqualTo("[]\n");
  }

  @Test
  void verboseShowsExemptedFindingsInTheirPlaceWithTheReason() throws Exception {
    String legacy = file("legacy.yaml", Manifests.yaml(Deployment.named("legacy").replicas(2)
        .pod(PodTemplate.container(Container.named("legacy").image("ghcr.io/acme/legacy:1.0")
            .security(ContainerSecurity.restricted().optOut(ContainerOptOut.runAsRoot("legacy image")))))
        .build().render()));
    String exempted = ": exempted [runAsNonRoot] Deployment/legacy:"
        + " spec.template.spec.containers[legacy].securityContext.runAsNonRoot: container \"legacy\" must not set"
        + " securityContext.runAsNonRoot=false (error, exempted by"
        + " spec.template.metadata.annotations[opt-out.security.mizzen.dev/legacy]: legacy image)";

    assertThat(lint("--policy", "restricted", legacy)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("1 objects in 1 files: 0 errors, 0 warnings, 0 info, 1 exempted (--verbose shows them)");

    out.reset();
    err.reset();
    assertThat(lint("--policy", "restricted", "--verbose", legacy)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().satisfies(line ->
        assertThat(line).startsWith(legacy + ":").endsWith(exempted));
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("0 errors, 0 warnings, 0 info, 1 exempted\n");

    out.reset();
    assertThat(lint("--policy", "restricted", "-v", "--format", "json", legacy)).isZero();
    JsonObject finding = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(finding.keySet()).containsExactly("rule", "severity", "object", "path", "message", "exemption");
    assertThat(finding.getAsJsonObject("exemption").get("reason").getAsString()).isEqualTo("legacy image");
    assertThat(finding.getAsJsonObject("exemption").get("annotation").getAsString())
        .isEqualTo("spec.template.metadata.annotations[opt-out.security.mizzen.dev/legacy]");
  }

  @Test
  void unreadableInputExitsWithTwoNamingFileAndLine() throws Exception {
    String bad = file("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");
    assertThat(lint(bad)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read " + bad + ":");
    err.reset();
    assertThat(lint(dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.yaml");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(lint()).isEqualTo(2);
    assertThat(lint("--policy", "strict", "x.yaml")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("policy must be baseline, restricted, recommended or all");
  }
}
