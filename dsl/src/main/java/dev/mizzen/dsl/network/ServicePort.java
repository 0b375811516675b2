package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.PortRefs;
import dev.mizzen.dsl.port.PortRef;
import dev.mizzen.dsl.port.Protocol;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One port of a {@link Service}: the port clients connect to, and the pod port the traffic goes
 * to ({@link #targetPort()}, by name or number; the same number as {@link #port()} when absent).
 *
 * <pre>{@code
 * ServicePort.tcp(80).name("http").targetPort("http");
 * ServicePort.udp(53).targetPort(5353);
 * ServicePort.tcp(443).name("https").targetPort("https").nodePort(30443);   // NodePort Services
 * }</pre>
 */
@Value.Immutable
public abstract class ServicePort {

  /** A TCP port numbered {@code port}. */
  public static Builder tcp(int port) {
    return new Builder().port(port);
  }

  /** A UDP port numbered {@code port}. */
  public static Builder udp(int port) {
    return new Builder().port(port).protocol(Protocol.UDP);
  }

  /** An SCTP port numbered {@code port}. */
  public static Builder sctp(int port) {
    return new Builder().port(port).protocol(Protocol.SCTP);
  }

  /**
   * The port's name: a lowercase RFC 1123 label. Required when the Service has more than one
   * port; Ingresses and EndpointSlices refer to ports by it.
   */
  public abstract Optional<String> name();

  /** The port the Service listens on (1..65535). */
  public abstract int port();

  /** The pod port the traffic goes to; absent means the same number as {@link #port()}. */
  public abstract Optional<PortRef> targetPort();

  /** The protocol; TCP unless told otherwise. */
  @Value.Default
  public Protocol protocol() {
    return Protocol.TCP;
  }

  /**
   * The port opened on every node (30000..32767, the API server's default
   * {@code --service-node-port-range}), for NodePort and LoadBalancer Services only. Absent
   * means the API server picks one for those types.
   */
  public abstract OptionalInt nodePort();

  /** The application protocol ({@code http}, {@code kubernetes.io/h2c}, ...), a qualified name. */
  public abstract Optional<String> appProtocol();

  /** The pod port the traffic goes to: {@link #targetPort()}, or {@link #port()} by number. */
  public final PortRef effectiveTargetPort() {
    return targetPort().orElseGet(() -> PortRef.number(port()));
  }

  /** The client-java model; the protocol is always written, so the output shows it. */
  public final V1ServicePort toV1ServicePort() {
    V1ServicePort rendered = new V1ServicePort();
    name().ifPresent(rendered::setName);
    rendered.setPort(port());
    targetPort().ifPresent(target -> rendered.setTargetPort(target.toIntOrString()));
    rendered.setProtocol(protocol().value());
    nodePort().ifPresent(rendered::setNodePort);
    appProtocol().ifPresent(rendered::setAppProtocol);
    return rendered;
  }

  /**
   * Checks the port's own fields; {@code v} is at the port ({@code spec.ports[0]}). Rules
   * spanning ports (names required and unique, duplicates, nodePort by Service type) are the
   * Service's.
   */
  final void validate(Validation v) {
    name().ifPresent(n -> Names.checkDns1123Label(v.field("name"), n));
    v.field("port").checkRange(port(), 1, 65535);
    targetPort().ifPresent(target -> {
      Validation at = v.field("targetPort");
      // SetDefaults_Service replaces 0 and "" by port: refused, so that what is written is kept.
      if (at.check(!target.equals(PortRef.number(0)) && !target.equals(PortRef.name("")),
          "must not be %s, which the API server replaces by port (%d): leave targetPort out instead",
          target.isName() ? "empty" : "0", port())) {
        PortRefs.validate(at, target);
      }
    });
    nodePort().ifPresent(n -> v.field("nodePort").check(n >= 30000 && n <= 32767,
        "must be 30000..32767 (the default --service-node-port-range), was %d", n));
    appProtocol().ifPresent(p -> Names.checkQualifiedName(v.field("appProtocol"), p));
  }

  /** Builds a {@link ServicePort}. */
  public static final class Builder extends ImmutableServicePort.Builder {
    Builder() {}

    /** Sends the traffic to the pod port named {@code name}. */
    public Builder targetPort(String name) {
      return targetPort(PortRef.name(name));
    }

    /** Sends the traffic to the pod port numbered {@code number}. */
    public Builder targetPort(int number) {
      return targetPort(PortRef.number(number));
    }
  }
}
