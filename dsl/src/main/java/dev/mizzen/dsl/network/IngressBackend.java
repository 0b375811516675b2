package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.PortRefs;
import dev.mizzen.dsl.port.PortRef;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import org.immutables.value.Value;

/** Where an Ingress sends matching requests: a port of a Service, by number or by name. */
@Value.Immutable
public abstract class IngressBackend {

  /** Port number {@code port} of the Service named {@code service}. */
  public static IngressBackend service(String service, int port) {
    return ImmutableIngressBackend.builder().serviceName(service).port(PortRef.number(port)).build();
  }

  /** The port named {@code portName} of the Service named {@code service}. */
  public static IngressBackend service(String service, String portName) {
    return ImmutableIngressBackend.builder().serviceName(service).port(PortRef.name(portName)).build();
  }

  /** Port number {@code port} of {@code service}. */
  public static IngressBackend service(Service service, int port) {
    return service(service.name(), port);
  }

  /** The port named {@code portName} of {@code service}. */
  public static IngressBackend service(Service service, String portName) {
    return service(service.name(), portName);
  }

  /** The Service's name. */
  public abstract String serviceName();

  /** The Service's port (not the pod's). */
  public abstract PortRef port();

  /** The client-java model. */
  public final V1IngressBackend toV1IngressBackend() {
    V1ServiceBackendPort port = new V1ServiceBackendPort();
    if (port().isName()) {
      port.setName(port().name().get());
    } else {
      port.setNumber(port().number().getAsInt());
    }
    return new V1IngressBackend().service(new V1IngressServiceBackend().name(serviceName()).port(port));
  }

  /** Checks the Service name (a DNS-1035 label) and the port; {@code v} is at the backend. */
  final void validate(Validation v) {
    Validation service = v.field("service");
    Names.checkDns1035Label(service.field("name"), serviceName());
    PortRefs.validate(service.field("port").field(port().isName() ? "name" : "number"), port());
  }
}
