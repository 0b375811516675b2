package dev.mizzen.dsl.preset;

import static java.util.Objects.requireNonNull;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.pod.PodTemplate;
import org.immutables.value.Value;

/**
 * The ambassador pattern: a local proxy that stands for a remote service. The app container
 * connects to {@code 127.0.0.1:<localPort>}, always the same; the proxy knows where the service
 * really is and how to reach it (TLS, credentials, retries, sharding). It runs as a native
 * sidecar, so it starts before the app containers: give it a startup probe and the app starts
 * only once it listens. Made by {@link Presets#ambassador(Container.Builder, int)}.
 *
 * <pre>{@code
 * Ambassador db = Presets.ambassador(Container.named("db-proxy").image("ghcr.io/acme/pg-proxy:1.2.0")
 *     .args("--listen=127.0.0.1:5432", "--upstream=db.prod.example.com:5432"), 5432);
 * PodTemplate.Builder pod = PodTemplate.container(
 *     Container.named("api").image("ghcr.io/acme/api:2.0.1").env(db.env("DB_HOST", "DB_PORT")));
 * db.addTo(pod);
 * }</pre>
 *
 * <p>A proxy that listens on {@code 127.0.0.1} only is reachable from the pod's own containers
 * and nowhere else, which is the point; the kubelet's TCP and HTTP probes connect to the pod's
 * address, not to {@code 127.0.0.1}, so probe such a proxy on a health port of its own (or with
 * an exec probe).
 */
@Value.Immutable
public abstract class Ambassador {
  /** The address the app connects to: the pod's loopback, shared by its containers. */
  public static final String LOCALHOST = "127.0.0.1";

  /** The proxy, as a native sidecar. */
  public abstract Container container();

  /** The port the proxy listens on, on the pod's loopback. */
  public abstract int localPort();

  @Value.Check
  protected void check() {
    if (localPort() < 1 || localPort() > 65535) {
      throw new IllegalArgumentException("the ambassador's local port must be 1..65535, was " + localPort());
    }
  }

  static Ambassador of(Container.Builder proxy, int localPort) {
    requireNonNull(proxy, "proxy");
    if (localPort < 1 || localPort > 65535) {      // before the proxy is built, which may fail too
      throw new IllegalArgumentException("the ambassador's local port must be 1..65535, was " + localPort);
    }
    return ImmutableAmbassador.builder().container(proxy.build().asSidecar()).localPort(localPort).build();
  }

  /** {@code 127.0.0.1:<localPort>}: where the app connects. */
  public String address() {
    return LOCALHOST + ":" + localPort();
  }

  /**
   * The environment that points the app at the proxy: {@code hostVariable=127.0.0.1} and
   * {@code portVariable=<localPort>}, for the app container's {@code env(...)}.
   */
  public Env[] env(String hostVariable, String portVariable) {
    return new Env[] {Env.literal(hostVariable, LOCALHOST), Env.literal(portVariable, String.valueOf(localPort()))};
  }

  /** Adds the proxy to {@code pod}, as a native sidecar; returns {@code pod}. */
  public PodTemplate.Builder addTo(PodTemplate.Builder pod) {
    return pod.sidecar(container());
  }

  @Override
  public String toString() {
    return "ambassador " + container().name() + " on " + address();
  }
}
