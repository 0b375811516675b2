package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.probe.Exec;
import dev.mizzen.dsl.probe.Grpc;
import dev.mizzen.dsl.probe.HttpGet;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.probe.ProbeHandler;
import dev.mizzen.dsl.probe.ProbeKind;
import dev.mizzen.dsl.probe.TcpSocket;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of a {@link Probe} and its handler, run for the container that holds it; the
 * {@link Exec} and {@link HttpGet} checks also serve lifecycle hooks. {@code portNames} are the
 * container's named ports, which a handler's named port must be among.
 */
public final class Probes {
  private static final Pattern HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");

  private Probes() {}

  /**
   * Checks the probe in the {@code kind} slot of a container; {@code v} is positioned at the
   * probe ({@code containers[web].readinessProbe}).
   */
  public static void validate(Validation v, Probe probe, ProbeKind kind, Set<String> portNames) {
    validateHandler(v, probe.handler(), portNames);
    probe.initialDelay().ifPresent(d -> Seconds.check(v.field("initialDelaySeconds"), d, 0, Seconds.INT32));
    probe.period().ifPresent(d -> Seconds.check(v.field("periodSeconds"), d, 1, Seconds.INT32));
    probe.timeout().ifPresent(d -> Seconds.check(v.field("timeoutSeconds"), d, 1, Seconds.INT32));
    probe.successThreshold().ifPresent(threshold -> {
      Validation field = v.field("successThreshold");
      if (kind == ProbeKind.READINESS) {
        field.checkAtLeast(threshold, 1);
      } else {
        field.check(threshold == 1, "must be 1 for %s probes, was %d", kind.label(), threshold);
      }
    });
    probe.failureThreshold().ifPresent(threshold -> v.field("failureThreshold").checkAtLeast(threshold, 1));
    probe.terminationGracePeriod().ifPresent(d -> {
      Validation field = v.field("terminationGracePeriodSeconds");
      if (kind == ProbeKind.READINESS) {
        field.problem("must not be set for readiness probes (a failing readiness probe kills nothing)");
      } else {
        Seconds.check(field, d, 1, Seconds.INT64);
      }
    });
  }

  /**
   * Checks the handler; {@code atProbe} is positioned at the probe, and the handler's own field
   * is added ({@code httpGet.port}).
   */
  private static void validateHandler(Validation atProbe, ProbeHandler handler, Set<String> portNames) {
    if (handler instanceof HttpGet httpGet) {
      validate(atProbe.field("httpGet"), httpGet, portNames);
    } else if (handler instanceof TcpSocket tcpSocket) {
      PortRefs.validateInContainer(atProbe.field("tcpSocket").field("port"), tcpSocket.port(), portNames);
    } else if (handler instanceof Exec exec) {
      validate(atProbe.field("exec"), exec);
    } else if (handler instanceof Grpc grpc) {
      atProbe.field("grpc").field("port").checkRange(grpc.port(), 1, 65535);
    } else {
      throw new AssertionError("a ProbeHandler the sealed interface does not permit: " + handler);
    }
  }

  /** Checks there is a command; {@code v} is positioned at the {@code exec} field. */
  public static void validate(Validation v, Exec exec) {
    v.field("command").check(!exec.command().isEmpty(), "must not be empty");
  }

  /**
   * Checks the path, the port (named ports must be among {@code portNames}) and header names;
   * {@code v} is positioned at the {@code httpGet} field.
   */
  public static void validate(Validation v, HttpGet httpGet, Set<String> portNames) {
    v.field("path").check(!httpGet.path().isEmpty(),
        "must not be empty, which the API server replaces by \"/\": write \"/\" instead");
    PortRefs.validateInContainer(v.field("port"), httpGet.port(), portNames);
    httpGet.headers().keySet().forEach(name -> v.field("httpHeaders").key(name).check(
        HEADER_NAME.matcher(name).matches(),
        "must be a valid HTTP header name (letters, digits and '-'), was '%s'", name));
  }
}
