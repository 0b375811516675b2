package dev.mizzen.dsl.probe;

import dev.mizzen.dsl.port.PortRef;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1HTTPHeader;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An HTTP GET against the container, for a probe or a lifecycle hook; any status from 200 to 399
 * is success.
 *
 * <pre>{@code
 * HttpGet.of("/ready", "http").https().header("X-Probe", "kubelet")
 * }</pre>
 */
@Value.Immutable
public abstract non-sealed class HttpGet implements ProbeHandler {

  /** The scheme of an HTTP GET probe or hook. */
  public enum Scheme {
    /** Plain HTTP (the default). */
    HTTP,
    /** HTTPS; the kubelet does not verify the certificate. */
    HTTPS
  }

  /** The request path, such as {@code /ready}. */
  public abstract String path();

  /** The port, by number or by the name of a container port. */
  public abstract PortRef port();

  /** The scheme; HTTP by default, which is not rendered (the API server's default). */
  @Value.Default
  public Scheme scheme() {
    return Scheme.HTTP;
  }

  /** Extra request headers, in order. */
  public abstract Map<String, String> headers();

  /** The host to connect to; the pod IP when absent (the usual choice). */
  public abstract Optional<String> host();

  /** GET {@code path} on the container port named {@code portName}. */
  public static Builder of(String path, String portName) {
    return new Builder().path(path).port(PortRef.name(portName));
  }

  /** GET {@code path} on port {@code port}. */
  public static Builder of(String path, int port) {
    return new Builder().path(path).port(PortRef.number(port));
  }

  /** The client-java model. A fresh object each call. */
  public V1HTTPGetAction toV1HTTPGetAction() {
    V1HTTPGetAction rendered = new V1HTTPGetAction().path(path()).port(port().toIntOrString());
    if (scheme() != Scheme.HTTP) {
      rendered.setScheme(scheme().name());
    }
    host().ifPresent(rendered::setHost);
    List<V1HTTPHeader> headers = headers().entrySet().stream()
        .map(header -> new V1HTTPHeader().name(header.getKey()).value(header.getValue()))
        .toList();
    rendered.setHttpHeaders(headers.isEmpty() ? null : new java.util.ArrayList<>(headers));
    return rendered;
  }

  @Override
  public void applyTo(V1Probe probe) {
    probe.setHttpGet(toV1HTTPGetAction());
  }

  /** Builds an {@link HttpGet}. */
  public static final class Builder extends ImmutableHttpGet.Builder {
    Builder() {}

    /** Uses HTTPS. */
    public Builder https() {
      return scheme(Scheme.HTTPS);
    }

  }
}
