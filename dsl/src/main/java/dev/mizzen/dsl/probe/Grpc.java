package dev.mizzen.dsl.probe;

import io.kubernetes.client.openapi.models.V1GRPCAction;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A call to the standard gRPC health service ({@code grpc.health.v1.Health/Check}). The API
 * server only takes a port number here, not a name.
 */
@Value.Immutable(builder = false)
public abstract non-sealed class Grpc implements ProbeHandler {

  /** The port number. */
  @Value.Parameter
  public abstract int port();

  /** The service name sent in the health check request; the server's overall health when absent. */
  @Value.Parameter
  public abstract Optional<String> service();

  /** Checks the server's overall health on {@code port}. */
  public static Grpc of(int port) {
    return ImmutableGrpc.of(port, Optional.empty());
  }

  /** Checks {@code service} on {@code port}. */
  public static Grpc of(int port, String service) {
    return ImmutableGrpc.of(port, Optional.of(service));
  }

  /** The client-java model. A fresh object each call. */
  public V1GRPCAction toV1GRPCAction() {
    V1GRPCAction rendered = new V1GRPCAction().port(port());
    service().ifPresent(rendered::setService);
    return rendered;
  }

  @Override
  public void applyTo(V1Probe probe) {
    probe.setGrpc(toV1GRPCAction());
  }
}
