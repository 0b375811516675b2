package dev.mizzen.dsl.container;

import dev.mizzen.dsl.port.Protocol;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A port the container listens on. Declaring it is informational for the cluster, but a name
 * lets probes and Services refer to it ({@code targetPort: http}).
 *
 * <pre>{@code
 * Port.http(8080)              // named http, TCP
 * Port.named("pg", 5432)
 * Port.named("dns", 53).udp()
 * }</pre>
 */
@Value.Immutable
public abstract class Port {

  /**
   * The name (an IANA service name: at most 15 lowercase letters, digits and '-'), if any. An
   * empty name is no name, as in the API.
   */
  public abstract Optional<String> name();

  /** The port number in the container. */
  public abstract int containerPort();

  /** The protocol; TCP by default, which is not rendered (the API server's default). */
  @Value.Default
  public Protocol protocol() {
    return Protocol.TCP;
  }

  /**
   * A port of the node forwarded to this one; needs {@code ContainerOptOut.hostPorts(reason)}.
   * 0 is no host port, as in the API.
   */
  public abstract OptionalInt hostPort();

  /** The API's zero values ({@code name: ""}, {@code hostPort: 0}) mean unset: they normalize to absent. */
  @Value.Check
  protected Port normalize() {
    if (name().filter(String::isEmpty).isPresent()) {
      return ((ImmutablePort) this).withName(Optional.empty());
    }
    if (hostPort().isPresent() && hostPort().getAsInt() == 0) {
      return ((ImmutablePort) this).withHostPort(OptionalInt.empty());
    }
    return this;
  }

  /** TCP port {@code port} named {@code http}. */
  public static Builder http(int port) {
    return named("http", port);
  }

  /** TCP port {@code port} named {@code name}. */
  public static Builder named(String name, int port) {
    return new Builder().name(name).containerPort(port);
  }

  /** TCP port {@code port}, unnamed. */
  public static Builder number(int port) {
    return new Builder().containerPort(port);
  }

  /** The client-java model. A fresh object each call. */
  public V1ContainerPort toV1ContainerPort() {
    V1ContainerPort rendered = new V1ContainerPort().containerPort(containerPort());
    name().ifPresent(rendered::setName);
    if (protocol() != Protocol.TCP) {
      rendered.setProtocol(protocol().value());
    }
    hostPort().ifPresent(rendered::setHostPort);
    return rendered;
  }

  /** {@code http:8080/TCP} or {@code 8080/TCP}. */
  @Override
  public String toString() {
    return name().map(n -> n + ":").orElse("") + containerPort() + "/" + protocol();
  }

  /** Builds a {@link Port}. */
  public static final class Builder extends ImmutablePort.Builder {
    Builder() {}

    /** Uses UDP. */
    public Builder udp() {
      return protocol(Protocol.UDP);
    }

    /** Uses SCTP. */
    public Builder sctp() {
      return protocol(Protocol.SCTP);
    }
  }
}
