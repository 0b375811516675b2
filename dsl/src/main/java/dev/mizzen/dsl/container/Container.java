package dev.mizzen.dsl.container;

import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.probe.ProbeKind;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.style.MizzenFacadeStyle;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Lifecycle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * A container of a pod.
 *
 * <pre>{@code
 * Container.named("web")
 *     .image("ghcr.io/acme/web:1.4.2")
 *     .port(Port.http(8080))
 *     .env(Env.literal("LOG_LEVEL", "info"), Env.allFromConfigMap("web-config"))
 *     .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
 *                         .limits(Cpu.millis(500), Memory.mebibytes(512)))
 *     .readiness(Probe.httpGet("/ready", "http").every(Duration.ofSeconds(5)))
 *     .mount("tmp", "/tmp")
 *     .build();
 * }</pre>
 *
 * <p>Defaults: no resources (BestEffort), the restricted {@link ContainerSecurity}, no probes,
 * the API server's pull policy (Always for floating tags, else IfNotPresent). Validated where
 * its pod places it ({@code spec.template.spec.containers[web]}): name, image, ports, env,
 * mounts, resources, probes, hooks and security, as listed in docs/validation.md.
 */
@Value.Immutable
@MizzenFacadeStyle
public abstract class Container {

  /** The name, a DNS-1123 label unique in the pod. */
  public abstract String name();

  /** The image; required (a problem is reported when absent). */
  public abstract Optional<Image> image();

  /** The entrypoint, replacing the image's ENTRYPOINT; the image's when empty. */
  public abstract List<String> command();

  /** The arguments, replacing the image's CMD; the image's when empty. */
  public abstract List<String> args();

  /** The working directory; the image's when absent. */
  public abstract Optional<String> workingDir();

  /** Declared ports, in order. */
  public abstract List<Port> ports();

  /** Environment variables, in order. */
  public abstract List<EnvVar> env();

  /** ConfigMaps and Secrets whose entries all become environment variables, in order. */
  public abstract List<EnvFrom> envFrom();

  /** Mounted pod volumes, in order. */
  public abstract List<VolumeMount> volumeMounts();

  /** Requests and limits; none by default. */
  @Value.Default
  public Resources resources() {
    return Resources.none();
  }

  /** The readiness probe: while it fails, the pod receives no Service traffic. */
  public abstract Optional<Probe> readiness();

  /** The liveness probe: when it fails, the container is restarted. */
  public abstract Optional<Probe> liveness();

  /** The startup probe: holds the other probes back until it succeeds. */
  public abstract Optional<Probe> startup();

  /** Runs right after the container starts. */
  public abstract Optional<Hook> postStart();

  /** Runs before the container is stopped (before SIGTERM). */
  public abstract Optional<Hook> preStop();

  /** The security context; the restricted defaults ({@link ContainerSecurity#defaults()}) unless set. */
  @Value.Default
  public ContainerSecurity security() {
    return ContainerSecurity.defaults();
  }

  /** When to pull the image; the API server's default when absent. */
  public abstract Optional<ImagePullPolicy> imagePullPolicy();

  /**
   * Whether this is a native sidecar ({@code restartPolicy: Always}); false by default. Set by
   * {@code PodTemplate.Builder.sidecar(...)}, which places it among the init containers.
   */
  @Value.Default
  public boolean sidecar() {
    return false;
  }

  /** Starts a container named {@code name}. */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The port named {@code name}, if declared. */
  public Optional<Port> port(String name) {
    return ports().stream().filter(p -> p.name().filter(name::equals).isPresent()).findFirst();
  }

  /** The names of the declared ports, in order. */
  public Set<String> portNames() {
    Set<String> names = new LinkedHashSet<>();
    ports().forEach(p -> p.name().ifPresent(names::add));
    return names;
  }

  /** The environment variable named {@code name}, if set. */
  public Optional<EnvVar> envVar(String name) {
    return env().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The probe in slot {@code kind}, if set. */
  public Optional<Probe> probe(ProbeKind kind) {
    return switch (kind) {
      case LIVENESS -> liveness();
      case READINESS -> readiness();
      case STARTUP -> startup();
    };
  }

  /** This container with another image (as a rollout changes it). */
  public Container withImage(String image) {
    return ((ImmutableContainer) ImmutableContainer.copyOf(this)).withImage(Image.of(image));
  }

  /** This container as a native sidecar ({@code restartPolicy: Always}). */
  public Container asSidecar() {
    return ((ImmutableContainer) ImmutableContainer.copyOf(this)).withSidecar(true);
  }

  /** The client-java model; empty lists are left null. A fresh object each call. */
  public V1Container toV1Container() {
    V1Container rendered = new V1Container().name(name());
    image().ifPresent(i -> rendered.setImage(i.reference()));
    rendered.setCommand(list(command(), Function.identity()));
    rendered.setArgs(list(args(), Function.identity()));
    workingDir().ifPresent(rendered::setWorkingDir);
    rendered.setPorts(list(ports(), Port::toV1ContainerPort));
    rendered.setEnvFrom(list(envFrom(), EnvFrom::toV1EnvFromSource));
    rendered.setEnv(list(env(), EnvVar::toV1EnvVar));
    if (!resources().isEmpty()) {
      rendered.setResources(resources().toV1ResourceRequirements());
    }
    rendered.setVolumeMounts(list(volumeMounts(), VolumeMount::toV1VolumeMount));
    liveness().ifPresent(p -> rendered.setLivenessProbe(p.toV1Probe()));
    readiness().ifPresent(p -> rendered.setReadinessProbe(p.toV1Probe()));
    startup().ifPresent(p -> rendered.setStartupProbe(p.toV1Probe()));
    if (postStart().isPresent() || preStop().isPresent()) {
      V1Lifecycle lifecycle = new V1Lifecycle();
      postStart().ifPresent(h -> lifecycle.setPostStart(h.toV1LifecycleHandler()));
      preStop().ifPresent(h -> lifecycle.setPreStop(h.toV1LifecycleHandler()));
      rendered.setLifecycle(lifecycle);
    }
    imagePullPolicy().ifPresent(p -> rendered.setImagePullPolicy(p.value()));
    rendered.setSecurityContext(security().toV1SecurityContext());
    if (sidecar()) {
      rendered.setRestartPolicy("Always");
    }
    rendered.setResizePolicy(null);
    rendered.setRestartPolicyRules(null);
    rendered.setVolumeDevices(null);
    return rendered;
  }

  private static <T, R> List<R> list(List<T> values, Function<T, R> render) {
    if (values.isEmpty()) {
      return null;
    }
    List<R> rendered = new ArrayList<>(values.size());
    values.forEach(value -> rendered.add(render.apply(value)));
    return rendered;
  }

  /**
   * Builds a {@link Container}; nothing is checked until the owning object is built. One
   * spelling per thing it sets or adds; the generated builder behind it stays package-private.
   */
  public static final class Builder {
    private final ImmutableContainer.Builder generated = ImmutableContainer.builder();

    Builder() {}

    private Builder name(String name) {
      generated.name(name);
      return this;
    }

    /** The image reference, such as {@code ghcr.io/acme/web:1.4.2}. */
    public Builder image(String reference) {
      return image(Image.of(reference));
    }

    /** The image. */
    public Builder image(Image image) {
      generated.image(image);
      return this;
    }

    /** Replaces the image's ENTRYPOINT. */
    public Builder command(String... command) {
      generated.addCommand(command);
      return this;
    }

    /** Replaces the image's CMD. */
    public Builder args(String... args) {
      generated.addArgs(args);
      return this;
    }

    /** The working directory; the image's when not set. */
    public Builder workingDir(String workingDir) {
      generated.workingDir(workingDir);
      return this;
    }

    /** Declares a port. */
    public Builder port(Port port) {
      generated.addPort(port);
      return this;
    }

    /** Declares a port. */
    public Builder port(Port.Builder port) {
      return port(port.build());
    }

    /** Adds environment entries: variables ({@link EnvVar}) and whole ConfigMaps or Secrets ({@link EnvFrom}). */
    public Builder env(Env... entries) {
      for (Env entry : entries) {
        if (entry instanceof EnvVar variable) {
          generated.addEnv(variable);
        } else {
          generated.addEnvFrom((EnvFrom) entry);
        }
      }
      return this;
    }

    /** Mounts volume {@code volume} at {@code mountPath}. */
    public Builder mount(String volume, String mountPath) {
      return mount(VolumeMount.of(volume, mountPath));
    }

    /** Mounts volume {@code volume} read-only at {@code mountPath}. */
    public Builder mountReadOnly(String volume, String mountPath) {
      return mount(VolumeMount.of(volume, mountPath).readOnly());
    }

    /** Mounts a volume with a sub-path or other options. */
    public Builder mount(VolumeMount.Builder mount) {
      generated.addVolumeMount(mount.build());
      return this;
    }

    /** Sets requests and limits; see {@link Container#resources()}. */
    public Builder resources(Resources resources) {
      generated.resources(resources);
      return this;
    }

    /** Sets requests and limits. */
    public Builder resources(Resources.Builder resources) {
      return resources(resources.build());
    }

    /** Sets the readiness probe. */
    public Builder readiness(Probe probe) {
      generated.readiness(probe);
      return this;
    }

    /** Sets the readiness probe. */
    public Builder readiness(Probe.Builder probe) {
      return readiness(probe.build());
    }

    /** Sets the liveness probe. */
    public Builder liveness(Probe probe) {
      generated.liveness(probe);
      return this;
    }

    /** Sets the liveness probe. */
    public Builder liveness(Probe.Builder probe) {
      return liveness(probe.build());
    }

    /** Sets the startup probe. */
    public Builder startup(Probe probe) {
      generated.startup(probe);
      return this;
    }

    /** Sets the startup probe. */
    public Builder startup(Probe.Builder probe) {
      return startup(probe.build());
    }

    /** Runs {@code hook} right after the container starts. */
    public Builder postStart(Hook hook) {
      generated.postStart(hook);
      return this;
    }

    /** Runs {@code hook} before the container is stopped. */
    public Builder preStop(Hook hook) {
      generated.preStop(hook);
      return this;
    }

    /** Sets the security context; see {@link Container#security()}. */
    public Builder security(ContainerSecurity security) {
      generated.security(security);
      return this;
    }

    /** Sets the security context. */
    public Builder security(ContainerSecurity.Builder security) {
      return security(security.build());
    }

    /** When to pull the image; see {@link Container#imagePullPolicy()}. */
    public Builder imagePullPolicy(ImagePullPolicy policy) {
      generated.imagePullPolicy(policy);
      return this;
    }

    /** The container. */
    public Container build() {
      return generated.build();
    }
  }
}
