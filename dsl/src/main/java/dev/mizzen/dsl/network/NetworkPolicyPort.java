package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.PortRefs;
import dev.mizzen.dsl.port.PortRef;
import dev.mizzen.dsl.port.Protocol;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A port (or range of ports) a NetworkPolicy rule allows, on the destination pod.
 *
 * <pre>{@code
 * NetworkPolicyPort.tcp(9090);
 * NetworkPolicyPort.tcp("http");            // the pod's port named http
 * NetworkPolicyPort.udp(53);
 * NetworkPolicyPort.tcpRange(32000, 32768);
 * NetworkPolicyPort.anyPort(Protocol.UDP);
 * }</pre>
 */
@Value.Immutable
public abstract class NetworkPolicyPort {

  /** TCP port number {@code port}. */
  public static NetworkPolicyPort tcp(int port) {
    return of(Protocol.TCP, PortRef.number(port));
  }

  /** The TCP port named {@code name} on the destination pod. */
  public static NetworkPolicyPort tcp(String name) {
    return of(Protocol.TCP, PortRef.name(name));
  }

  /** UDP port number {@code port}. */
  public static NetworkPolicyPort udp(int port) {
    return of(Protocol.UDP, PortRef.number(port));
  }

  /** The UDP port named {@code name} on the destination pod. */
  public static NetworkPolicyPort udp(String name) {
    return of(Protocol.UDP, PortRef.name(name));
  }

  /** SCTP port number {@code port}. */
  public static NetworkPolicyPort sctp(int port) {
    return of(Protocol.SCTP, PortRef.number(port));
  }

  /** TCP ports {@code from..to}, both included. */
  public static NetworkPolicyPort tcpRange(int from, int to) {
    return range(Protocol.TCP, from, to);
  }

  /** UDP ports {@code from..to}, both included. */
  public static NetworkPolicyPort udpRange(int from, int to) {
    return range(Protocol.UDP, from, to);
  }

  /** Ports {@code from..to} of {@code protocol}, both included. */
  public static NetworkPolicyPort range(Protocol protocol, int from, int to) {
    return ImmutableNetworkPolicyPort.builder()
        .protocol(protocol).port(PortRef.number(from)).endPort(to).build();
  }

  /** Every port of {@code protocol}. */
  public static NetworkPolicyPort anyPort(Protocol protocol) {
    return ImmutableNetworkPolicyPort.builder().protocol(protocol).build();
  }

  private static NetworkPolicyPort of(Protocol protocol, PortRef port) {
    return ImmutableNetworkPolicyPort.builder().protocol(protocol).port(port).build();
  }

  /** The protocol; always rendered. */
  public abstract Protocol protocol();

  /** The port by number or name; absent means every port of {@link #protocol()}. */
  public abstract Optional<PortRef> port();

  /** The last port of a range starting at {@link #port()}. */
  public abstract OptionalInt endPort();

  /** The client-java model. */
  public final V1NetworkPolicyPort toV1NetworkPolicyPort() {
    V1NetworkPolicyPort rendered = new V1NetworkPolicyPort().protocol(protocol().value());
    port().ifPresent(port -> rendered.setPort(port.toIntOrString()));
    endPort().ifPresent(rendered::setEndPort);
    return rendered;
  }

  /** Checks the port and the range as {@code ValidateNetworkPolicyPort} does; {@code v} is at the port. */
  final void validate(Validation v) {
    port().ifPresent(port -> PortRefs.validate(v.field("port"), port));
    endPort().ifPresent(end -> {
      Validation field = v.field("endPort");
      if (port().isEmpty()) {
        field.problem("may not be specified when port is not specified");
      } else if (port().get().isName()) {
        field.problem("may not be specified when port is a name ('%s')", port().get());
      } else {
        int start = port().get().number().getAsInt();
        field.check(end >= start, "must be >= port %d, was %d", start, end);
        field.checkRange(end, 1, 65535);
      }
    });
  }
}
