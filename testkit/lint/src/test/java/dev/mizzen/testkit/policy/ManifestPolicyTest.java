package dev.mizzen.testkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Policies on objects read from YAML by client-java, whose models start with empty lists and maps. */
class ManifestPolicyTest {

  private static final String MANIFESTS = String.join("\n",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: web, namespace: shop, annotations: {policy.mizzen.dev/exempt.image-tag: \"pinned by digest at deploy time\"}}",
      "spec:",
      "  replicas: 2",
      "  selector: {matchLabels: {app: web}}",
      "  template:",
      "    metadata: {labels: {app: web}}",
      "    spec:",
      "      containers:",
      "      - name: web",
      "        image: ghcr.io/acme/web",
      "        ports: [{name: http, containerPort: 8080}]",
      "        env: [{name: DB_PASSWORD, value: hunter2}]",
      "---",
      "apiVersion: v1",
      "kind: Service",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  selector: {app: wbe}",
      "  ports: [{port: 80, targetPort: http}]");

  @Test
  void findsTheSameProblemsInObjectsReadFromYaml() throws IOException {
    List<KubernetesObject> objects = Yaml.loadAll(MANIFESTS).stream().map(o -> (KubernetesObject) o).collect(Collectors.toList());
    List<Finding> findings = Policies.all().check(objects);
    assertThat(findings).extracting(f -> f.severity() + " " + f.ruleId() + " " + f.object()).contains(
        "ERROR allowPrivilegeEscalation Deployment/shop/web",
        "WARNING env-secret-literal Deployment/shop/web",
        "WARNING service-selects-pods Service/shop/web",
        "WARNING pdb-present Deployment/shop/web",
        "WARNING network-policy Deployment/shop/web");
    assertThat(TestPods.ruleIds(findings)).doesNotContain("image-tag", "readiness-probe", "exemption-reason");
    assertThat(TestPods.of(findings, "capabilities_restricted")).extracting(Finding::message)
        .containsExactly("container \"web\" must set securityContext.capabilities.drop=[\"ALL\"], was unset");
  }
}
