package dev.mizzen.dsl.probe;

import dev.mizzen.style.MizzenFacadeStyle;
import dev.mizzen.validation.internal.Seconds;
import io.kubernetes.client.openapi.models.V1Probe;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A health probe: one handler (by construction) and its timing.
 *
 * <pre>{@code
 * Probe.httpGet("/ready", "http").every(Duration.ofSeconds(5))
 * Probe.httpGet("/live", "http").after(Duration.ofSeconds(10))
 * Probe.tcp("http")
 * Probe.exec("pg_isready", "-U", "postgres")
 * Probe.grpc(9090).failsAfter(30)
 * }</pre>
 *
 * <p>Unset timing is not rendered, so the API server's defaults apply: no initial delay, every
 * 10s, 1s timeout, success after 1, failure after 3. Timing is in {@link Duration}s that must
 * be whole seconds. Validated where the container places it: handler ports (named ports must be
 * declared by the container), whole-second durations in range, thresholds at least 1, liveness
 * and startup success threshold exactly 1, no termination grace period on readiness probes.
 */
@Value.Immutable
@MizzenFacadeStyle
public abstract class Probe {

  /** What the probe runs. */
  public abstract ProbeHandler handler();

  /** The wait after the container starts before the first probe ({@code initialDelaySeconds}). */
  public abstract Optional<Duration> initialDelay();

  /** How often the probe runs ({@code periodSeconds}). */
  public abstract Optional<Duration> period();

  /** How long one attempt may take ({@code timeoutSeconds}). */
  public abstract Optional<Duration> timeout();

  /** Consecutive successes that count as success after a failure; must be 1 for liveness and startup. */
  public abstract OptionalInt successThreshold();

  /** Consecutive failures that count as failure. */
  public abstract OptionalInt failureThreshold();

  /**
   * The grace period when a failing liveness or startup probe kills the container, overriding
   * the pod's; not allowed on readiness probes.
   */
  public abstract Optional<Duration> terminationGracePeriod();

  /** GET {@code path} on the container port named {@code portName}. */
  public static Builder httpGet(String path, String portName) {
    return of(HttpGet.of(path, portName).build());
  }

  /** GET {@code path} on port {@code port}. */
  public static Builder httpGet(String path, int port) {
    return of(HttpGet.of(path, port).build());
  }

  /** An HTTP GET with a scheme, headers or host ({@code HttpGet.of("/ready", "https").https()}). */
  public static Builder httpGet(HttpGet.Builder action) {
    return of(action.build());
  }

  /** Connects to the container port named {@code portName}. */
  public static Builder tcp(String portName) {
    return of(TcpSocket.of(portName));
  }

  /** Connects to port {@code port}. */
  public static Builder tcp(int port) {
    return of(TcpSocket.of(port));
  }

  /** Runs {@code command} in the container. */
  public static Builder exec(String... command) {
    return of(Exec.of(command));
  }

  /** Calls the gRPC health service on {@code port}. */
  public static Builder grpc(int port) {
    return of(Grpc.of(port));
  }

  /** Calls the gRPC health service on {@code port} for {@code service}. */
  public static Builder grpc(int port, String service) {
    return of(Grpc.of(port, service));
  }

  /** A probe running {@code handler}. */
  public static Builder of(ProbeHandler handler) {
    return new Builder().handler(handler);
  }

  /** The client-java model; unset fields are null. A fresh object each call. */
  public V1Probe toV1Probe() {
    V1Probe rendered = new V1Probe();
    handler().applyTo(rendered);
    initialDelay().ifPresent(d -> rendered.setInitialDelaySeconds(Seconds.toInt(d)));
    period().ifPresent(d -> rendered.setPeriodSeconds(Seconds.toInt(d)));
    timeout().ifPresent(d -> rendered.setTimeoutSeconds(Seconds.toInt(d)));
    successThreshold().ifPresent(rendered::setSuccessThreshold);
    failureThreshold().ifPresent(rendered::setFailureThreshold);
    terminationGracePeriod().ifPresent(d -> rendered.setTerminationGracePeriodSeconds(d.getSeconds()));
    return rendered;
  }

  /**
   * Builds a {@link Probe}; the handler is set by the factory that made the builder. The timing
   * is set with verbs ({@code every}, {@code after}, {@code failsAfter}), one spelling each; the
   * generated builder behind it stays package-private.
   */
  public static final class Builder {
    private final ImmutableProbe.Builder generated = ImmutableProbe.builder();

    Builder() {}

    private Builder handler(ProbeHandler handler) {
      generated.handler(handler);
      return this;
    }

    /** Runs the probe every {@code period} ({@code periodSeconds}). */
    public Builder every(Duration period) {
      generated.period(period);
      return this;
    }

    /** Waits {@code initialDelay} after the container starts before the first probe ({@code initialDelaySeconds}). */
    public Builder after(Duration initialDelay) {
      generated.initialDelay(initialDelay);
      return this;
    }

    /** Gives one attempt at most {@code timeout} ({@code timeoutSeconds}). */
    public Builder timeout(Duration timeout) {
      generated.timeout(timeout);
      return this;
    }

    /** Counts the probe as failed after {@code consecutiveFailures} failures in a row ({@code failureThreshold}). */
    public Builder failsAfter(int consecutiveFailures) {
      generated.failureThreshold(consecutiveFailures);
      return this;
    }

    /**
     * Counts the probe as succeeded again after {@code consecutiveSuccesses} successes in a row
     * ({@code successThreshold}); must be 1 for liveness and startup probes.
     */
    public Builder succeedsAfter(int consecutiveSuccesses) {
      generated.successThreshold(consecutiveSuccesses);
      return this;
    }

    /** Overrides the pod's grace period when a failing liveness or startup probe kills the container. */
    public Builder terminationGracePeriod(Duration terminationGracePeriod) {
      generated.terminationGracePeriod(terminationGracePeriod);
      return this;
    }

    /** The probe. */
    public Probe build() {
      return generated.build();
    }
  }
}
