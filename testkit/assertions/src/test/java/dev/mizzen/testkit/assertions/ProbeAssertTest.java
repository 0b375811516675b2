package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.probe.Probe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeAssertTest {

  @Test
  void navigatesFromAnAppToAProbeAndNamesWhereItFailed() {
    assertThat(Shop.app()).deployment("web").container("web").readiness().isHttpGet("/ready").isHttpGet("/ready", "http")
        .hasPeriod(Duration.ofSeconds(5));

    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("api").container("api").readiness().isHttpGet("/ready"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Deployment/shop/api: spec.template.spec.containers[api].readinessProbe: expected an httpGet probe"
            + " on path \"/ready\", but was a tcpSocket probe on port http");
  }

  @Test
  void checksEachKindOfHandler() {
    assertThat(Probe.tcp("http").build()).isTcpSocket("http");
    assertThat(Probe.exec("pg_isready", "-U", "postgres").build()).isExec("pg_isready", "-U", "postgres");
    assertThat(Probe.httpGet("/healthz", 8080).build()).isHttpGet("/healthz", 8080);

    assertThatThrownBy(() -> assertThat(Probe.tcp(5432).build()).isTcpSocket("pg"))
        .hasMessage("Probe: expected a tcpSocket probe on port pg, but was a tcpSocket probe on port 5432");
    assertThatThrownBy(() -> assertThat(Probe.httpGet("/live", "http").build()).isHttpGet("/live", "admin"))
        .hasMessage("Probe: expected an httpGet probe on path \"/live\" port admin,"
            + " but was an httpGet probe on path \"/live\" port http");
    assertThatThrownBy(() -> assertThat(Probe.exec("true").build()).isExec("false"))
        .hasMessage("Probe: expected an exec probe running [false], but was an exec probe running [true]");
    assertThatThrownBy(() -> assertThat(Probe.exec("true").build()).isGrpc(9090))
        .hasMessage("Probe: expected a grpc probe on port 9090, but was an exec probe running [true]");
  }

  @Test
  void comparesUnsetTimingWithTheApiServersDefaults() {
    Probe probe = Probe.tcp("http").build();
    assertThat(probe).hasPeriod(Duration.ofSeconds(10)).hasInitialDelay(Duration.ZERO)
        .hasTimeout(Duration.ofSeconds(1)).hasFailureThreshold(3).hasSuccessThreshold(1);

    assertThatThrownBy(() -> assertThat(probe).hasPeriod(Duration.ofSeconds(5)))
        .hasMessage("Probe: periodSeconds: expected 5, but was unset (the API server's default is 10)");
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").container("web").startup().hasFailureThreshold(3))
        .hasMessage("Deployment/shop/web: spec.template.spec.containers[web].startupProbe.failureThreshold:"
            + " expected 3, but was 30");
  }

  @Test
  void failsToNavigateToAMissingProbe() {
    assertThatThrownBy(() -> assertThat(Shop.app()).statefulSet("db").container("db").liveness())
        .hasMessage("StatefulSet/shop/db: spec.template.spec.containers[db].livenessProbe:"
            + " expected a liveness probe, but there is none");
  }
}
