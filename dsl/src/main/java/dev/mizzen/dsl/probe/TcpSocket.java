package dev.mizzen.dsl.probe;

import dev.mizzen.dsl.port.PortRef;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import org.immutables.value.Value;

/** A TCP connect to a container port: success when the connection opens. */
@Value.Immutable(builder = false)
public abstract non-sealed class TcpSocket implements ProbeHandler {

  /** The port, by number or by the name of a container port. */
  @Value.Parameter
  public abstract PortRef port();

  /** Connects to the container port named {@code portName}. */
  public static TcpSocket of(String portName) {
    return ImmutableTcpSocket.of(PortRef.name(portName));
  }

  /** Connects to port {@code port}. */
  public static TcpSocket of(int port) {
    return ImmutableTcpSocket.of(PortRef.number(port));
  }

  /** The client-java model. A fresh object each call. */
  public V1TCPSocketAction toV1TCPSocketAction() {
    return new V1TCPSocketAction().port(port().toIntOrString());
  }

  @Override
  public void applyTo(V1Probe probe) {
    probe.setTcpSocket(toV1TCPSocketAction());
  }
}
