package dev.mizzen.dsl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.internal.Probes;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1GRPCAction;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1HTTPHeader;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeTest {
  private static final Set<String> PORTS = Set.of("http", "metrics");
  private static final String AT = "Deployment/web: spec.template.spec.containers[web].";

  private static List<String> problems(Probe probe, ProbeKind kind) {
    Validation v = Validation.of("Deployment/web");
    Probes.validate(v.field("spec.template.spec.containers[web]").field(kind.fieldName()), probe, kind, PORTS);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void httpGetByPortNameWithPeriod() {
    Probe probe = Probe.httpGet("/ready", "http").every(Duration.ofSeconds(5)).build();

    assertThat(probe.toV1Probe()).isEqualTo(new V1Probe()
        .httpGet(new V1HTTPGetAction().path("/ready").port(new IntOrString("http")).httpHeaders(null))
        .periodSeconds(5));
    assertThat(JSON.serialize(probe.toV1Probe()))
        .isEqualTo("{\"httpGet\":{\"path\":\"/ready\",\"port\":\"http\"},\"periodSeconds\":5}");
    assertThat(problems(probe, ProbeKind.READINESS)).isEmpty();
  }

  @Test
  void everyTimingFieldRenders() {
    Probe probe = Probe.httpGet("/live", 8080)
        .after(Duration.ofSeconds(10))
        .every(Duration.ofSeconds(2))
        .timeout(Duration.ofSeconds(3))
        .succeedsAfter(1)
        .failsAfter(30)
        .terminationGracePeriod(Duration.ofMinutes(1))
        .build();

    assertThat(probe.toV1Probe()).isEqualTo(new V1Probe()
        .httpGet(new V1HTTPGetAction().path("/live").port(new IntOrString(8080)).httpHeaders(null))
        .initialDelaySeconds(10)
        .periodSeconds(2)
        .timeoutSeconds(3)
        .successThreshold(1)
        .failureThreshold(30)
        .terminationGracePeriodSeconds(60L));
    assertThat(problems(probe, ProbeKind.LIVENESS)).isEmpty();
  }

  @Test
  void httpGetWithSchemeHeadersAndHost() {
    Probe probe = Probe.httpGet(HttpGet.of("/healthz", 8443).https().header("X-Probe", "kubelet")
        .host("127.0.0.1")).build();

    assertThat(probe.toV1Probe().getHttpGet()).isEqualTo(new V1HTTPGetAction()
        .path("/healthz").port(new IntOrString(8443)).scheme("HTTPS").host("127.0.0.1")
        .httpHeaders(List.of(new V1HTTPHeader().name("X-Probe").value("kubelet"))));
    assertThat(((HttpGet) probe.handler()).scheme()).isEqualTo(HttpGet.Scheme.HTTPS);
  }

  @Test
  void otherHandlers() {
    assertThat(Probe.tcp("http").build().toV1Probe())
        .isEqualTo(new V1Probe().tcpSocket(new V1TCPSocketAction().port(new IntOrString("http"))));
    assertThat(Probe.tcp(5432).build().toV1Probe())
        .isEqualTo(new V1Probe().tcpSocket(new V1TCPSocketAction().port(new IntOrString(5432))));
    assertThat(Probe.exec("pg_isready", "-U", "postgres").build().toV1Probe())
        .isEqualTo(new V1Probe().exec(new V1ExecAction().command(List.of("pg_isready", "-U", "postgres"))));
    assertThat(Probe.grpc(9090).build().toV1Probe())
        .isEqualTo(new V1Probe().grpc(new V1GRPCAction().port(9090)));
    assertThat(Probe.grpc(9090, "shop.Api").build().toV1Probe())
        .isEqualTo(new V1Probe().grpc(new V1GRPCAction().port(9090).service("shop.Api")));
    assertThat(Probe.of(Exec.of(List.of("true"))).build().handler()).isEqualTo(Exec.of("true"));
  }

  @Test
  void namedPortsMustBeDeclaredByTheContainer() {
    Probe probe = Probe.httpGet("/ready", "htp").build();
    assertThat(problems(probe, ProbeKind.READINESS)).containsExactly(
        AT + "readinessProbe.httpGet.port: must name a port of the container (http, metrics), was 'htp'");

    Validation v = Validation.of("Deployment/web");
    Probes.validate(v.field("livenessProbe"), Probe.tcp("http").build(), ProbeKind.LIVENESS, Set.of());
    assertThat(v.problems()).extracting(Problem::toString).containsExactly("Deployment/web: livenessProbe.tcpSocket.port:"
        + " must name a port of the container, but it declares no named ports; was 'http'");
  }

  @Test
  void portsMustBeValid() {
    assertThat(problems(Probe.tcp(0).build(), ProbeKind.READINESS))
        .containsExactly(AT + "readinessProbe.tcpSocket.port: must be 1..65535, was 0");
    assertThat(problems(Probe.httpGet("/", 70000).build(), ProbeKind.READINESS))
        .containsExactly(AT + "readinessProbe.httpGet.port: must be 1..65535, was 70000");
    assertThat(problems(Probe.grpc(65536).build(), ProbeKind.STARTUP))
        .containsExactly(AT + "startupProbe.grpc.port: must be 1..65535, was 65536");
    assertThat(problems(Probe.tcp("Http_1").build(), ProbeKind.READINESS))
        .containsExactly(AT + "readinessProbe.tcpSocket.port: port name must be at most 15 lowercase letters,"
            + " digits or '-', contain a letter, and not start, end or repeat '-', was 'Http_1'");
  }

  @Test
  void handlerDetails() {
    Probe probe = Probe.httpGet(HttpGet.of("", "http").header("X Bad", "1")).build();
    assertThat(problems(probe, ProbeKind.READINESS)).containsExactly(
        AT + "readinessProbe.httpGet.path: must not be empty, which the API server replaces by \"/\": write \"/\""
            + " instead",
        AT + "readinessProbe.httpGet.httpHeaders[X Bad]: must be a valid HTTP header name"
            + " (letters, digits and '-'), was 'X Bad'");
    assertThat(problems(Probe.exec().build(), ProbeKind.LIVENESS))
        .containsExactly(AT + "livenessProbe.exec.command: must not be empty");
  }

  @Test
  void subSecondDurationsAreRejectedClearly() {
    Probe probe = Probe.tcp("http")
        .after(Duration.ofMillis(1500))
        .every(Duration.ofMillis(500))
        .timeout(Duration.ofMillis(100))
        .build();

    assertThat(problems(probe, ProbeKind.READINESS)).containsExactly(
        AT + "readinessProbe.initialDelaySeconds: must be a whole number of seconds, was 1.5s",
        AT + "readinessProbe.periodSeconds: must be a whole number of seconds, was 0.5s",
        AT + "readinessProbe.timeoutSeconds: must be a whole number of seconds, was 0.1s");
  }

  @Test
  void durationsAndThresholdsMustBeInRange() {
    Probe probe = Probe.tcp("http")
        .after(Duration.ofSeconds(-1))
        .every(Duration.ZERO)
        .timeout(Duration.ofSeconds(1L << 31))
        .succeedsAfter(0)
        .failsAfter(0)
        .build();

    assertThat(problems(probe, ProbeKind.READINESS)).containsExactly(
        AT + "readinessProbe.initialDelaySeconds: must be at least 0s, was -1s",
        AT + "readinessProbe.periodSeconds: must be at least 1s, was 0s",
        AT + "readinessProbe.timeoutSeconds: must be at most 2147483647s, was 2147483648s",
        AT + "readinessProbe.successThreshold: must be >= 1, was 0",
        AT + "readinessProbe.failureThreshold: must be >= 1, was 0");
  }

  @Test
  void livenessAndStartupSuccessThresholdMustBeOne() {
    Probe probe = Probe.tcp("http").succeedsAfter(2).build();
    assertThat(problems(probe, ProbeKind.LIVENESS))
        .containsExactly(AT + "livenessProbe.successThreshold: must be 1 for liveness probes, was 2");
    assertThat(problems(probe, ProbeKind.STARTUP))
        .containsExactly(AT + "startupProbe.successThreshold: must be 1 for startup probes, was 2");
    assertThat(problems(probe, ProbeKind.READINESS)).isEmpty();
  }

  @Test
  void terminationGracePeriodOnlyOnLivenessAndStartup() {
    Probe probe = Probe.tcp("http").terminationGracePeriod(Duration.ofSeconds(10)).build();
    assertThat(problems(probe, ProbeKind.READINESS)).containsExactly(AT + "readinessProbe.terminationGracePeriodSeconds:"
        + " must not be set for readiness probes (a failing readiness probe kills nothing)");
    assertThat(problems(probe, ProbeKind.LIVENESS)).isEmpty();
    assertThat(problems(Probe.tcp("http").terminationGracePeriod(Duration.ZERO).build(), ProbeKind.STARTUP))
        .containsExactly(AT + "startupProbe.terminationGracePeriodSeconds: must be at least 1s, was 0s");
  }

  @Test
  void timingIsSetWithOneVerbEach() {
    assertThat(java.util.Arrays.stream(Probe.Builder.class.getMethods())
            .filter(m -> m.getDeclaringClass() == Probe.Builder.class)
            .map(java.lang.reflect.Method::getName))
        .containsExactlyInAnyOrder("every", "after", "timeout", "failsAfter", "succeedsAfter",
            "terminationGracePeriod", "build");
  }
}
