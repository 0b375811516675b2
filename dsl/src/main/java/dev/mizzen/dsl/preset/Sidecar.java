package dev.mizzen.dsl.preset;

import static java.util.Objects.requireNonNull;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The sidecar pattern: a helper container that extends the app container for the pod's whole
 * life (ships its logs, reloads its configuration, renews its certificates), run as a native
 * sidecar: an init container with {@code restartPolicy: Always}. Kubernetes starts it before the
 * app containers, restarts it when it exits, stops it after them, and does not wait for it to end
 * a Job. Made by {@link Presets#sidecar(Container.Builder)} and
 * {@link Presets#sidecar(Container.Builder, String, String)}.
 *
 * <pre>{@code
 * Sidecar logs = Presets.sidecar(Container.named("ship-logs").image("cr.fluentbit.io/fluent/fluent-bit:3.1.9"),
 *     "logs", "/var/log/web");                                  // an emptyDir, mounted in the helper
 * PodTemplate.Builder pod = PodTemplate.container(
 *     Container.named("web").image("ghcr.io/acme/web:1.4.2").mount("logs", "/var/log/web"));
 * logs.addTo(pod);                                              // the sidecar and the emptyDir
 * }</pre>
 */
@Value.Immutable
public abstract class Sidecar {

  /** The helper, as a native sidecar (with the shared volume mounted, if any). */
  public abstract Container container();

  /** The shared emptyDir, if any. */
  public abstract Optional<Volume> volume();

  static Sidecar of(Container.Builder helper, String sharedVolume, String mountPath) {
    requireNonNull(helper, "helper");
    if (sharedVolume == null) {
      return ImmutableSidecar.builder().container(helper.build().asSidecar()).build();
    }
    requireNonNull(mountPath, "mountPath");
    return ImmutableSidecar.builder()
        .container(helper.mount(sharedVolume, mountPath).build().asSidecar())
        .volume(Volume.emptyDir(sharedVolume).build())
        .build();
  }

  /** Adds the sidecar, and the shared volume if any, to {@code pod}; returns {@code pod}. */
  public PodTemplate.Builder addTo(PodTemplate.Builder pod) {
    pod.sidecar(container());
    volume().ifPresent(pod::volume);
    return pod;
  }

  @Override
  public String toString() {
    return "sidecar " + container().name() + volume().map(v -> " sharing " + v.name()).orElse("");
  }
}
