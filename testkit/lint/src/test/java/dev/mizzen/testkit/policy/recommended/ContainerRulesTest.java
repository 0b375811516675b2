package dev.mizzen.testkit.policy.recommended;

import static dev.mizzen.testkit.policy.TestPods.pathsAndMessages;
import static dev.mizzen.testkit.policy.TestPods.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import dev.mizzen.testkit.policy.Severity;
import dev.mizzen.testkit.policy.TestPods;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerRulesTest {
  private final ShopApp app = new ShopApp();

  private V1Container web() {
    return app.web.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private List<Finding> check(String ruleId) {
    return TestPods.of(Policies.recommended().check(app.objects()), ruleId);
  }

  @Test
  void theShopAppPassesEveryBuiltInPolicy() {
    assertThat(Policies.all().check(app.objects())).isEmpty();
  }

  @Test
  void imageTag() {
    web().image("ghcr.io/acme/web");
    assertThat(check("image-tag")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.object()).isEqualTo("Deployment/shop/web");
      assertThat(f.path()).isEqualTo("spec.template.spec.containers[app].image");
      assertThat(f.message()).isEqualTo("container \"app\" image \"ghcr.io/acme/web\" has no tag, so it means \"latest\""
          + " and floats; pin a version tag or a digest");
    });
    web().image("localhost:5000/web:latest");
    assertThat(check("image-tag")).extracting(Finding::message).containsExactly(
        "container \"app\" image \"localhost:5000/web:latest\" uses the \"latest\" tag, which floats; pin a version tag or a digest");
    web().image("localhost:5000/web");
    assertThat(check("image-tag")).hasSize(1);
    for (String pinned : new String[] {"localhost:5000/web:1.2", "web@sha256:0123abcd", "web:latest@sha256:0123", "web:latest-1"}) {
      web().image(pinned);
      assertThat(check("image-tag")).as(pinned).isEmpty();
    }
  }

  @Test
  void resourceRequestsCountLimitsAsTheApiServerDefaultsRequestsToThem() {
    web().resources(new V1ResourceRequirements().putLimitsItem("cpu", Quantity.fromString("1")));
    assertThat(pathsAndMessages(check("resource-requests"))).containsExactly(
        "spec.template.spec.containers[app].resources.requests.memory: container \"app\" should request memory, was unset");
    assertThat(pathsAndMessages(check("resource-limits"))).containsExactly(
        "spec.template.spec.containers[app].resources.limits.memory: container \"app\" should limit memory, was unset");
    web().resources(null);
    assertThat(check("resource-requests")).extracting(Finding::path).containsExactly(
        "spec.template.spec.containers[app].resources.requests.cpu",
        "spec.template.spec.containers[app].resources.requests.memory");
  }

  @Test
  void resourceLimitsAskForAMemoryLimitButNoCpuLimit() {
    web().resources(new V1ResourceRequirements()
        .putRequestsItem("cpu", Quantity.fromString("250m")).putRequestsItem("memory", Quantity.fromString("256Mi"))
        .putLimitsItem("memory", Quantity.fromString("512Mi")));
    assertThat(check("resource-limits")).isEmpty();
    web().getResources().setLimits(null);
    assertThat(check("resource-limits")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("spec.template.spec.containers[app].resources.limits.memory");
      assertThat(f.message()).isEqualTo("container \"app\" should limit memory, was unset");
    });
  }

  @Test
  void probesAreRequiredForServedPodsOnly() {
    web().readinessProbe(null).livenessProbe(null);
    List<Finding> findings = Policies.recommended().check(app.objects());
    assertThat(pathsAndMessages(TestPods.of(findings, "readiness-probe"))).containsExactly(
        "spec.template.spec.containers[app].readinessProbe: container \"app\" has no readinessProbe, but Service \"web\""
            + " sends its pod traffic");
    assertThat(TestPods.of(findings, "liveness-probe")).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));

    app.service.getSpec().putSelectorItem("app", "other");
    assertThat(ruleIds(Policies.recommended().check(app.objects()))).doesNotContain("readiness-probe", "liveness-probe");
  }

  @Test
  void probePortMustNameAContainerPort() {
    web().readinessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path("/").port(new IntOrString("htp"))))
        .startupProbe(new V1Probe().tcpSocket(new V1TCPSocketAction().port(new IntOrString("grpc"))));
    assertThat(pathsAndMessages(check("probe-port"))).containsExactly(
        "spec.template.spec.containers[app].readinessProbe.httpGet.port: container \"app\" has no port named \"htp\" for its probe",
        "spec.template.spec.containers[app].startupProbe.tcpSocket.port: container \"app\" has no port named \"grpc\" for its probe");
  }

  @Test
  void readOnlyRootFilesystem() {
    web().getSecurityContext().readOnlyRootFilesystem(false);
    assertThat(pathsAndMessages(check("read-only-root-filesystem"))).containsExactly(
        "spec.template.spec.containers[app].securityContext.readOnlyRootFilesystem: container \"app\" should set"
            + " securityContext.readOnlyRootFilesystem=true, was false");
  }

  @Test
  void duplicateEnv() {
    web().addEnvItem(new V1EnvVar().name("LOG_LEVEL").value("info"))
        .addEnvItem(new V1EnvVar().name("REGION").value("eu"))
        .addEnvItem(new V1EnvVar().name("LOG_LEVEL").value("debug"))
        .addEnvItem(new V1EnvVar().name("LOG_LEVEL").value("warn"));
    assertThat(pathsAndMessages(check("duplicate-env"))).containsExactly(
        "spec.template.spec.containers[app].env[LOG_LEVEL]: container \"app\" defines \"LOG_LEVEL\" 3 times"
            + " (entries [0, 2, 3]); the last one wins");
  }

  @Test
  void secretLookingNamesWithRealLookingValuesAreErrorsAndWithPlaceholdersWarnings() {
    String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    web().addEnvItem(new V1EnvVar().name("CACHE_KEY_PREFIX").value("user"))
        .addEnvItem(new V1EnvVar().name("API_KEY").value("changeme"))
        .addEnvItem(new V1EnvVar().name("DB_PASSWORD").value("q7Xv9Lr2Wz4Tk8Np3Hs6"))
        .addEnvItem(new V1EnvVar().name("GITHUB_TOKEN").value("ghp_" + "0123456789abcdefghijABCDEFGHIJ012345"))
        .addEnvItem(new V1EnvVar().name("TLS_PRIVATE_KEY").value(pem))
        .addEnvItem(new V1EnvVar().name("SESSION_SECRET").value("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
        .addEnvItem(new V1EnvVar().name("AWS_ACCESS_KEY").value("AKIA" + "IOSFODNN7EXAMPLE"))
        .addEnvItem(new V1EnvVar().name("apiKey").value("abc123"))
        .addEnvItem(new V1EnvVar().name("JWT_SECRET").value("dGhpcyBpcyBhIHNlY3JldCBrZXkgZm9yIHRlc3Rz+/=="))
        .addEnvItem(new V1EnvVar().name("ADMIN_PASSWORD").value("Password1234!!!!"))
        .addEnvItem(new V1EnvVar().name("CLIENT_CREDENTIALS").value("s"))
        .addEnvItem(new V1EnvVar().name("SECRET_FROM_REF").valueFrom(new V1EnvVarSource()
            .secretKeyRef(new V1SecretKeySelector().name("db").key("password"))))
        .addEnvItem(new V1EnvVar().name("PASSWORD_FILE").value("/run/secrets/db"))
        .addEnvItem(new V1EnvVar().name("GOOGLE_APPLICATION_CREDENTIALS").value("/var/secrets/google/key.json"))
        .addEnvItem(new V1EnvVar().name("KEYCLOAK_URL").value("https://id"))
        .addEnvItem(new V1EnvVar().name("SIGNING_KEY_ID").value("k-2024"))
        .addEnvItem(new V1EnvVar().name("MAX_TOKENS").value("abc"))
        .addEnvItem(new V1EnvVar().name("TOKEN_TTL").value("3600"))
        .addEnvItem(new V1EnvVar().name("PASSWORD_MIN_LENGTH").value("twelve"))
        .addEnvItem(new V1EnvVar().name("API_KEY_HEADER").value("X-Api-Key"))
        .addEnvItem(new V1EnvVar().name("SECRET_TOKEN").value("$(SHARED_TOKEN)"))
        .addEnvItem(new V1EnvVar().name("SECRET_NAME").value("db-credentials"));
    List<Finding> findings = check("env-secret-literal");
    assertThat(findings).extracting(f -> f.severity() + " " + f.path().replace("spec.template.spec.containers[app].", ""))
        .containsExactly(
            "WARNING env[ADMIN_PASSWORD].value",
            "WARNING env[API_KEY].value",
            "ERROR env[AWS_ACCESS_KEY].value",
            "WARNING env[CLIENT_CREDENTIALS].value",
            "ERROR env[DB_PASSWORD].value",
            "ERROR env[GITHUB_TOKEN].value",
            "ERROR env[JWT_SECRET].value",
            "ERROR env[SESSION_SECRET].value",
            "ERROR env[TLS_PRIVATE_KEY].value",
            "WARNING env[apiKey].value");
    assertThat(TestPods.of(findings, "env-secret-literal")).extracting(Finding::message).contains(
        "container \"app\" sets \"API_KEY\" to a literal value; if it is a real secret (not a placeholder), take it"
            + " from valueFrom.secretKeyRef",
        "container \"app\" sets \"DB_PASSWORD\" to a literal value that looks like a real secret (high entropy);"
            + " take it from valueFrom.secretKeyRef",
        "container \"app\" sets \"GITHUB_TOKEN\" to a literal value that looks like a real secret (token prefix"
            + " \"ghp_\"); take it from valueFrom.secretKeyRef",
        "container \"app\" sets \"TLS_PRIVATE_KEY\" to a literal value that looks like a real secret (PEM block);"
            + " take it from valueFrom.secretKeyRef",
        "container \"app\" sets \"SESSION_SECRET\" to a literal value that looks like a real secret (long hex);"
            + " take it from valueFrom.secretKeyRef",
        "container \"app\" sets \"JWT_SECRET\" to a literal value that looks like a real secret (long base64);"
            + " take it from valueFrom.secretKeyRef")
        .allSatisfy(message -> assertThat(message).doesNotContain("q7Xv9", "changeme", "0123456789abcdef", "MIIE"));
  }

  @Test
  void secretNamesEndInASecretWord() {
    for (String name : new String[] {"PASSWORD", "db_password", "DB-PASSWD", "ADMIN_PASSPHRASE", "CLIENT_SECRET",
        "GITHUB_TOKEN", "api.token", "STRIPE_API_KEY", "STRIPE_APIKEY", "ssh-private-key", "AWS_SECRET_ACCESS_KEY",
        "DJANGO_SECRET_KEY", "dbPassword", "apiKey", "GCP_CREDENTIALS"}) {
      assertThat(EnvSecretLiteral.looksSecret(name)).as(name).isTrue();
    }
    for (String name : new String[] {"CACHE_KEY_PREFIX", "CACHE_KEY", "KEY", "PRIMARY_KEY", "SORT_KEY", "KEYCLOAK_URL",
        "PASSWORD_FILE", "TOKEN_TTL", "MAX_TOKENS", "SECRET_NAME", "API_KEY_ID", "PWD", "PASSWORDLESS", "", "_"}) {
      assertThat(EnvSecretLiteral.looksSecret(name)).as(name).isFalse();
    }
  }

  @Test
  void ephemeralContainersAreOnlyCheckedForEnv() {
    V1Pod pod = TestPods.pod("debugged", app.web.getSpec().getTemplate().getSpec());
    pod.getMetadata().namespace("shop");
    pod.getSpec().addEphemeralContainersItem(new V1EphemeralContainer().name("debug").image("busybox")
        .addEnvItem(new V1EnvVar().name("TOKEN").value("t")));
    List<Finding> findings = Policies.recommended().check(List.of(pod, app.isolation));
    assertThat(findings).extracting(f -> f.ruleId() + " " + f.path()).containsExactly(
        "env-secret-literal spec.ephemeralContainers[debug].env[TOKEN].value");
  }

  @Test
  void controlledObjectsAreCheckedThroughTheirOwner() {
    V1Pod pod = TestPods.pod("web-abc12", app.web.getSpec().getTemplate().getSpec());
    pod.getSpec().getContainers().get(0).image("web:latest");
    pod.getMetadata().addOwnerReferencesItem(new V1OwnerReference().kind("ReplicaSet").name("web-abc").controller(true));
    assertThat(Policies.recommended().check(pod)).isEmpty();
    assertThat(ruleIds(Policies.restricted().check(pod))).isEmpty();
  }
}
