package dev.mizzen.dsl.preset;

import static java.util.Objects.requireNonNull;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.pod.PodTemplate;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The adapter pattern: a container that reads what the app container exposes in its own form
 * (a status page on localhost, log files in a shared volume) and serves it in a standard one,
 * typically Prometheus metrics, so that every pod looks the same from outside whatever runs in
 * it. It runs as a native sidecar and declares its port, by name, for Services and scrapers. Made
 * by {@link Presets#adapter(Container.Builder, Port.Builder)}.
 *
 * <pre>{@code
 * Adapter metrics = Presets.adapter(Container.named("metrics").image("ghcr.io/acme/status-exporter:0.4.0")
 *     .args("--status-url=http://127.0.0.1:8080/status"), Port.named("metrics", 9102));
 * PodTemplate.Builder pod = PodTemplate.container(
 *         Container.named("legacy").image("ghcr.io/acme/legacy:7.2.0").port(Port.http(8080)))
 *     .annotations(metrics.scrapeAnnotations());       // Prometheus scrapes the adapter
 * metrics.addTo(pod);
 * }</pre>
 *
 * <p>No readiness probe is added: an adapter that is not ready must not take the app out of its
 * Services (the readiness of every container, sidecars included, makes the pod's).
 */
@Value.Immutable
public abstract class Adapter {
  /** The adapter, as a native sidecar declaring its port. */
  public abstract Container container();

  /** The port it serves the standard form on; named. */
  public abstract Port port();

  static Adapter of(Container.Builder adapter, Port port) {
    requireNonNull(adapter, "adapter");
    if (port.name().isEmpty()) {
      throw new IllegalArgumentException("the adapter's port " + port.containerPort()
          + " needs a name (Port.named(\"metrics\", " + port.containerPort() + ")): Services and probes find it by name");
    }
    return ImmutableAdapter.builder().container(adapter.port(port).build().asSidecar()).port(port).build();
  }

  /** The pod annotations that have Prometheus scrape {@code /metrics} on the adapter's port. */
  public Map<String, String> scrapeAnnotations() {
    return OnPremises.scrapeAnnotations(port().containerPort());
  }

  /** The pod annotations that have Prometheus scrape {@code path} on the adapter's port. */
  public Map<String, String> scrapeAnnotations(String path) {
    return OnPremises.scrapeAnnotations(port().containerPort(), path);
  }

  /** Adds the adapter to {@code pod}, as a native sidecar; returns {@code pod}. */
  public PodTemplate.Builder addTo(PodTemplate.Builder pod) {
    return pod.sidecar(container());
  }

  @Override
  public String toString() {
    return "adapter " + container().name() + " on " + port();
  }
}
