package dev.mizzen.testkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.junit.ClusterTest;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.ApiResponse;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The testkit's {@code baseline} and {@code restricted} verdicts agree with the API server's
 * PodSecurity admission on a corpus of pods: each pod is created with server-side dry-run in a
 * namespace enforcing {@code restricted} and one enforcing {@code baseline} (ephemeral containers
 * go through the {@code ephemeralcontainers} subresource of a running clean pod), and the set of
 * violated checks the server names must equal the set of rule ids the testkit reports.
 *
 * <p>The same pod templates are also sent as Deployments: PodSecurity only warns about those
 * (the namespaces are labelled {@code warn=<level>} too), and the warning must name the same
 * checks, except the host ports the API server only defaults in pods (see {@code hostPorts}).
 */
@ClusterTest(podSecurity = "")
class PodSecurityAdmissionIT {
  private static final List<String> LEVELS = List.of("baseline", "restricted");
  private static final Map<String, String> NAMESPACES = new LinkedHashMap<>();
  private static final List<String> REPORT = new ArrayList<>();
  private static int comparisons;
  private static int disagreements;

  @BeforeAll
  static void createNamespaces(ApiClient client) throws Exception {
    CoreV1Api core = new CoreV1Api(client);
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    for (String level : LEVELS) {
      String name = "psa-" + level + "-" + suffix;
      core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name)
          .putLabelsItem("mizzen.dev/test", "true")
          .putLabelsItem("pod-security.kubernetes.io/enforce", level)
          .putLabelsItem("pod-security.kubernetes.io/warn", level))).execute();
      NAMESPACES.put(level, name);
    }
    for (String namespace : NAMESPACES.values()) {
      awaitDefaultServiceAccount(core, namespace);
      CompactRequests.send(client, "POST", "/api/v1/namespaces/" + namespace + "/pods", PodSecurityCorpus.ephemeralTarget(),
          false, V1Pod.class);
    }
  }

  @AfterAll
  static void deleteNamespaces(ApiClient client) throws ApiException {
    System.out.println("PodSecurityAdmissionIT: " + PodSecurityCorpus.cases().size() + " cases, " + comparisons
        + " comparisons with the API server, " + disagreements + " disagreements\n"
        + String.join("\n", REPORT));
    for (String namespace : NAMESPACES.values()) {
      new CoreV1Api(client).deleteNamespace(namespace).execute();
    }
    NAMESPACES.clear();
  }

  @Test
  void theCorpusCoversEveryCheckAtBothLevels() {
    Set<String> seen = new TreeSet<>();
    for (PodSecurityCorpus.Case c : PodSecurityCorpus.cases()) {
      seen.addAll(testkit(c, Policies.baseline()).checks);
      seen.addAll(testkit(c, Policies.restricted()).checks);
    }
    Set<String> all = new TreeSet<>(Policies.baseline().ruleIds());
    all.addAll(Policies.restricted().ruleIds());
    assertThat(seen).containsExactlyElementsOf(all);
    assertThat(PodSecurityCorpus.cases()).hasSizeGreaterThanOrEqualTo(40);
  }

  @TestFactory
  Stream<DynamicTest> podsAgreeWithAdmission(ApiClient client) {
    return PodSecurityCorpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
      for (String level : LEVELS) {
        PodSecurityVerdict expected = testkit(c, Policies.named(level));
        PodSecurityVerdict actual = c.ephemeral == null ? createPod(client, level, c.pod) : addEphemeral(client, level, c);
        record(c.name + (c.ephemeral == null ? " (pod)" : " (ephemeral container)"), level, actual, expected);
        assertThat(actual).as("%s at %s: API server vs testkit", c.name, level).isEqualTo(expected);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> deploymentTemplatesAgreeWithAdmissionWarnings(ApiClient client) {
    return PodSecurityCorpus.cases().stream().filter(c -> c.ephemeral == null)
        .map(c -> DynamicTest.dynamicTest(c.name, () -> {
          V1Deployment deployment = deployment(c.pod);
          for (String level : LEVELS) {
            List<Finding> findings = Policies.named(level).check(deployment);
            PodSecurityVerdict expected = PodSecurityVerdict.of(findings.stream()
                .filter(f -> !f.message().contains("the API server defaults hostPort")).collect(Collectors.toList()));
            PodSecurityVerdict actual = createDeployment(client, level, deployment);
            record(c.name + " (deployment warning)", level, actual, expected);
            assertThat(actual).as("%s as a Deployment at %s: API server warning vs testkit", c.name, level).isEqualTo(expected);
          }
        }));
  }

  private static synchronized void record(String name, String level, PodSecurityVerdict server, PodSecurityVerdict testkit) {
    comparisons++;
    disagreements += server.equals(testkit) ? 0 : 1;
    REPORT.add(String.format(Locale.ROOT, "  %-52s %-10s server=%s%s", name, level, server,
        server.equals(testkit) ? "" : "  testkit=" + testkit + "  DISAGREE"));
  }

  private static PodSecurityVerdict testkit(PodSecurityCorpus.Case c, Policy policy) {
    V1Pod pod = c.pod;
    if (c.ephemeral != null) {
      pod = PodSecurityCorpus.ephemeralTarget();
      pod.getSpec().addEphemeralContainersItem(c.ephemeral);
    }
    return PodSecurityVerdict.of(policy.check(pod));
  }

  private static PodSecurityVerdict createPod(ApiClient client, String level, V1Pod pod) throws ApiException {
    try {
      CompactRequests.send(client, "POST", "/api/v1/namespaces/" + NAMESPACES.get(level) + "/pods", pod, true, V1Pod.class);
      return PodSecurityVerdict.allowed();
    } catch (ApiException e) {
      return denial(level, e);
    }
  }

  private static PodSecurityVerdict addEphemeral(ApiClient client, String level, PodSecurityCorpus.Case c) throws ApiException {
    CoreV1Api core = new CoreV1Api(client);
    String namespace = NAMESPACES.get(level);
    for (int attempt = 0; ; attempt++) {
      V1Pod target = core.readNamespacedPod("ephemeral-target", namespace).execute();
      target.getSpec().setEphemeralContainers(new ArrayList<>(List.of(c.ephemeral)));
      try {
        CompactRequests.send(client, "PUT", "/api/v1/namespaces/" + namespace + "/pods/ephemeral-target/ephemeralcontainers",
            target, true, V1Pod.class);
        return PodSecurityVerdict.allowed();
      } catch (ApiException e) {
        if (e.getCode() != 409 || attempt >= 5) {
          return denial(level, e);
        }
      }
    }
  }

  private static PodSecurityVerdict createDeployment(ApiClient client, String level, V1Deployment deployment) throws ApiException {
    ApiResponse<V1Deployment> response = CompactRequests.send(client, "POST",
        "/apis/apps/v1/namespaces/" + NAMESPACES.get(level) + "/deployments", deployment, true, V1Deployment.class);
    List<String> warnings = response.getHeaders().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase("Warning"))
        .flatMap(header -> header.getValue().stream())
        .map(PodSecurityAdmissionIT::unquoteWarning)
        .filter(warning -> warning.contains("would violate PodSecurity"))
        .collect(Collectors.toList());
    assertThat(warnings).as("PodSecurity warnings").hasSizeLessThanOrEqualTo(1);
    return warnings.isEmpty() ? PodSecurityVerdict.allowed() : PodSecurityVerdict.parse(warnings.get(0), level);
  }

  /** {@code 299 - "text with \"quotes\""} -> {@code text with "quotes"}. */
  private static String unquoteWarning(String header) {
    int open = header.indexOf('"');
    if (open < 0 || !header.endsWith("\"")) {
      return header;
    }
    StringBuilder text = new StringBuilder();
    for (int i = open + 1; i < header.length() - 1; i++) {
      char c = header.charAt(i);
      if (c == '\\' && i + 1 < header.length() - 1) {
        c = header.charAt(++i);
      }
      text.append(c);
    }
    return text.toString();
  }

  private static PodSecurityVerdict denial(String level, ApiException e) {
    String body = e.getResponseBody();
    if (e.getCode() != 403 || body == null) {
      throw new AssertionError("expected 403 from PodSecurity, got " + e.getCode() + ": " + body, e);
    }
    V1Status status = JSON.deserialize(body, V1Status.class);
    return PodSecurityVerdict.parse(status.getMessage(), level);
  }

  private static V1Deployment deployment(V1Pod pod) {
    String name = pod.getMetadata().getName();
    V1ObjectMeta template = new V1ObjectMeta().labels(Map.of("app", name)).annotations(pod.getMetadata().getAnnotations());
    return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
        .metadata(new V1ObjectMeta().name(name))
        .spec(new V1DeploymentSpec().replicas(1)
            .selector(new V1LabelSelector().putMatchLabelsItem("app", name))
            .template(new V1PodTemplateSpec().metadata(template).spec(pod.getSpec())));
  }

  private static void awaitDefaultServiceAccount(CoreV1Api core, String namespace) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        core.readNamespacedServiceAccount("default", namespace).execute();
        return;
      } catch (ApiException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no default ServiceAccount in " + namespace + " after 60 s", e);
        }
        Thread.sleep(200);
      }
    }
  }
}
