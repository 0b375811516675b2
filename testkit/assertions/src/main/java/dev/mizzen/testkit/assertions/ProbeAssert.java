package dev.mizzen.testkit.assertions;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Probe;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Assertions on a probe: its handler ({@code httpGet}, {@code tcpSocket}, {@code exec},
 * {@code grpc}) and its timing. Unset timing fields are compared by the API server's defaults
 * (period 10s, initial delay 0s, timeout 1s, failure threshold 3, success threshold 1).
 */
public class ProbeAssert extends AbstractMizzenAssert<ProbeAssert, V1Probe> {

  /** An assert on {@code actual}, named {@code Probe} in messages. */
  public ProbeAssert(V1Probe actual) {
    super(actual, ProbeAssert.class, "Probe");
  }

  /** Asserts an HTTP GET probe on {@code path}, whatever its port. */
  public ProbeAssert isHttpGet(String path) {
    return isHttpGet(path, null);
  }

  /** Asserts an HTTP GET probe on {@code path} and the container port named {@code port}. */
  public ProbeAssert isHttpGet(String path, String port) {
    return checkHttpGet(path, port == null ? null : new IntOrString(port));
  }

  /** Asserts an HTTP GET probe on {@code path} and port number {@code port}. */
  public ProbeAssert isHttpGet(String path, int port) {
    return checkHttpGet(path, new IntOrString(port));
  }

  private ProbeAssert checkHttpGet(String path, IntOrString port) {
    requireActual();
    V1HTTPGetAction http = actual.getHttpGet();
    boolean matches = http != null && Objects.equals(path, http.getPath())
        && (port == null || Objects.equals(Ports.describe(port), Ports.describe(http.getPort())));
    if (!matches) {
      String expected = "an httpGet probe on path " + quote(path)
          + (port == null ? "" : " port " + Ports.describe(port));
      failAt(location(), "expected " + expected + ", but was " + describeHandler(actual));
    }
    return myself;
  }

  /** Asserts a TCP probe on the container port named {@code port}. */
  public ProbeAssert isTcpSocket(String port) {
    return checkTcp(new IntOrString(port));
  }

  /** Asserts a TCP probe on port number {@code port}. */
  public ProbeAssert isTcpSocket(int port) {
    return checkTcp(new IntOrString(port));
  }

  private ProbeAssert checkTcp(IntOrString port) {
    requireActual();
    boolean matches = actual.getTcpSocket() != null
        && Ports.describe(port).equals(Ports.describe(actual.getTcpSocket().getPort()));
    if (!matches) {
      failAt(location(), "expected a tcpSocket probe on port " + Ports.describe(port)
          + ", but was " + describeHandler(actual));
    }
    return myself;
  }

  /** Asserts an exec probe running exactly {@code command} (program and arguments). */
  public ProbeAssert isExec(String... command) {
    requireActual();
    boolean matches = actual.getExec() != null && List.of(command).equals(actual.getExec().getCommand());
    if (!matches) {
      failAt(location(), "expected an exec probe running " + List.of(command) + ", but was " + describeHandler(actual));
    }
    return myself;
  }

  /** Asserts a gRPC health probe on port {@code port}. */
  public ProbeAssert isGrpc(int port) {
    requireActual();
    boolean matches = actual.getGrpc() != null && Objects.equals(port, actual.getGrpc().getPort());
    if (!matches) {
      failAt(location(), "expected a grpc probe on port " + port + ", but was " + describeHandler(actual));
    }
    return myself;
  }

  /** Asserts {@code periodSeconds} (10 when unset). */
  public ProbeAssert hasPeriod(Duration period) {
    return checkSeconds("periodSeconds", period.getSeconds(), 10, V1Probe::getPeriodSeconds);
  }

  /** Asserts {@code initialDelaySeconds} (0 when unset). */
  public ProbeAssert hasInitialDelay(Duration delay) {
    return checkSeconds("initialDelaySeconds", delay.getSeconds(), 0, V1Probe::getInitialDelaySeconds);
  }

  /** Asserts {@code timeoutSeconds} (1 when unset). */
  public ProbeAssert hasTimeout(Duration timeout) {
    return checkSeconds("timeoutSeconds", timeout.getSeconds(), 1, V1Probe::getTimeoutSeconds);
  }

  /** Asserts {@code failureThreshold} (3 when unset). */
  public ProbeAssert hasFailureThreshold(int threshold) {
    return checkSeconds("failureThreshold", threshold, 3, V1Probe::getFailureThreshold);
  }

  /** Asserts {@code successThreshold} (1 when unset). */
  public ProbeAssert hasSuccessThreshold(int threshold) {
    return checkSeconds("successThreshold", threshold, 1, V1Probe::getSuccessThreshold);
  }

  private ProbeAssert checkSeconds(String field, long expected, int defaultValue, Function<V1Probe, Integer> getter) {
    requireActual();
    Integer found = getter.apply(actual);
    long effective = found == null ? defaultValue : found;
    if (effective != expected) {
      failAt(location().field(field), "expected " + expected + ", but was "
          + (found == null ? "unset (the API server's default is " + defaultValue + ")" : found));
    }
    return myself;
  }

  /** {@code an httpGet probe on path "/ready" port http}, {@code a tcpSocket probe on port 5432}, ... */
  static String describeHandler(V1Probe probe) {
    if (probe.getHttpGet() != null) {
      return "an httpGet probe on path " + quote(probe.getHttpGet().getPath())
          + " port " + Ports.describe(probe.getHttpGet().getPort());
    }
    if (probe.getTcpSocket() != null) {
      return "a tcpSocket probe on port " + Ports.describe(probe.getTcpSocket().getPort());
    }
    if (probe.getExec() != null) {
      return "an exec probe running " + probe.getExec().getCommand();
    }
    if (probe.getGrpc() != null) {
      return "a grpc probe on port " + probe.getGrpc().getPort();
    }
    return "a probe without a handler";
  }
}
