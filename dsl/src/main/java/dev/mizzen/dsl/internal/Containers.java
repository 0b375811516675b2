package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.EnvFrom;
import dev.mizzen.dsl.container.EnvVar;
import dev.mizzen.dsl.container.Hook;
import dev.mizzen.dsl.container.Image;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.container.VolumeMount;
import dev.mizzen.dsl.probe.ProbeKind;
import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of a {@link Container} and its parts, run by the pod template that places it:
 * everything the API server checks of a container, and a few things it would only warn about,
 * as listed in docs/validation.md. Each method adds its problems to {@code v}, positioned at the
 * value ({@code spec.template.spec.containers[web]}, {@code ...image}, {@code ...ports[0]}, ...).
 */
public final class Containers {
  /** The field paths the API server accepts in an environment variable's {@code fieldRef}. */
  private static final List<String> ENV_FIELD_PATHS = List.of("metadata.name", "metadata.namespace",
      "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs",
      "status.podIP", "status.podIPs");
  /**
   * The resources the API server accepts in a {@code resourceFieldRef} (environment and downward
   * API volume), besides {@code limits.hugepages-<size>} and {@code requests.hugepages-<size>}.
   */
  private static final List<String> FIELD_RESOURCES = List.of("limits.cpu", "limits.memory",
      "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage");
  private static final Pattern SUBSCRIPT = Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]");

  private Containers() {}

  /** Checks {@code container}, which sits in its pod as {@code context} says. */
  public static void validate(Validation v, Container container, ContainerContext context) {
    Names.checkDns1123Label(v.field("name"), container.name());
    if (container.image().isEmpty()) {
      v.field("image").problem("must be set: the image to run, such as ghcr.io/acme/web:1.4.2");
    }
    container.image().ifPresent(i -> validate(v.field("image"), i));
    validatePorts(v, container);
    validateEnv(v, container, context);
    validateMounts(v, container, context);
    ResourceRequirements.validate(v.field("resources"), container.resources());
    for (ProbeKind kind : ProbeKind.values()) {
      container.probe(kind).ifPresent(probe -> {
        if (context.kind() == ContainerKind.INIT) {
          v.field(kind.fieldName()).problem("must not be set on an init container (only sidecars,"
              + " which keep running, may have probes)");
        } else {
          Probes.validate(v.field(kind.fieldName()), probe, kind, container.portNames());
        }
      });
    }
    if (container.postStart().isPresent() || container.preStop().isPresent()) {
      Validation lifecycle = v.field("lifecycle");
      if (context.kind() == ContainerKind.INIT) {
        lifecycle.problem("must not be set on an init container (only sidecars may have lifecycle hooks)");
      } else {
        container.postStart().ifPresent(h -> validate(lifecycle.field("postStart"), h, container.portNames(),
            context.terminationGracePeriod()));
        container.preStop().ifPresent(h -> validate(lifecycle.field("preStop"), h, container.portNames(),
            context.terminationGracePeriod()));
      }
    }
    SecurityContexts.validate(v.field("securityContext"), container.security(), context.podAllowsRoot());
    if (container.sidecar() && context.kind() == ContainerKind.APP) {
      v.field("restartPolicy").problem("must not be set on an app container: add native sidecars with"
          + " PodTemplate.Builder.sidecar(...), which places them among the init containers");
    }
  }

  private static void validatePorts(Validation v, Container container) {
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> numbers = new HashMap<>();
    for (int i = 0; i < container.ports().size(); i++) {
      Port port = container.ports().get(i);
      Validation at = v.field("ports").index(i);
      validate(at, port);
      int index = i;
      port.name().ifPresent(name -> {
        Integer first = names.putIfAbsent(name, index);
        at.field("name").check(first == null, "must be unique in the container, '%s' is also ports[%s]", name, first);
      });
      String key = port.containerPort() + "/" + port.protocol();
      Integer first = numbers.putIfAbsent(key, i);
      at.field("containerPort").check(first == null,
          "must be unique per protocol in the container, %s is also ports[%s]", key, first);
      port.hostPort().ifPresent(hostPort -> at.field("hostPort").check(
          container.security().hasOptOut(ContainerOptOut.Kind.HOST_PORTS),
          "binds port %d of the node, which Pod Security baseline forbids: opt out with"
              + " ContainerOptOut.hostPorts(reason)", hostPort));
    }
  }

  private static void validateEnv(Validation v, Container container, ContainerContext context) {
    Set<String> seen = new HashSet<>();
    for (EnvVar variable : container.env()) {
      Validation at = v.field("env").key(variable.name());
      validate(at, variable, context.containerNames());
      at.check(seen.add(variable.name()), "is set more than once (server-side apply keys env by name):"
          + " remove the duplicate");
    }
    for (int i = 0; i < container.envFrom().size(); i++) {
      validate(v.field("envFrom").index(i), container.envFrom().get(i));
    }
  }

  private static void validateMounts(Validation v, Container container, ContainerContext context) {
    Map<String, Integer> paths = new HashMap<>();
    for (int i = 0; i < container.volumeMounts().size(); i++) {
      VolumeMount mount = container.volumeMounts().get(i);
      Validation at = v.field("volumeMounts").index(i);
      if (context.volumeNames().isEmpty()) {
        at.field("name").problem("must name a volume of the pod, but the pod has no volumes; was '%s'",
            mount.volume());
      } else {
        at.field("name").check(context.volumeNames().contains(mount.volume()),
            "must name a volume of the pod (%s), was '%s'",
            String.join(", ", new TreeSet<>(context.volumeNames())), mount.volume());
      }
      Validation path = at.field("mountPath");
      if (path.check(mount.mountPath().startsWith("/"), "must be an absolute path, was '%s'", mount.mountPath())) {
        Integer first = paths.putIfAbsent(mount.mountPath(), i);
        path.check(first == null, "must be unique in the container, %s is also volumeMounts[%s]",
            mount.mountPath(), first);
      }
      mount.subPath().ifPresent(subPath -> at.field("subPath").check(
          !subPath.startsWith("/") && !List.of(subPath.split("/")).contains(".."),
          "must be a relative path inside the volume, without '..', was '%s'", subPath));
    }
  }

  /** Checks the reference; {@code v} is positioned at the container's {@code image}. */
  public static void validate(Validation v, Image image) {
    String reference = image.reference();
    if (!v.check(!reference.isEmpty(), "must not be empty")) {
      return;
    }
    if (!v.check(reference.strip().equals(reference), "must not have leading or trailing whitespace")) {
      return;
    }
    if (v.check(ImageReferences.parse(reference).isPresent(), "must be an image reference"
        + " [registry/]repository[:tag][@digest] with a lowercase repository, such as ghcr.io/acme/web:1.4.2,"
        + " was '%s'", reference)) {
      v.check(image.name().length() <= ImageReferences.NAME_MAX, "must have a name of at most %d characters,"
          + " was %d", ImageReferences.NAME_MAX, image.name().length());
    }
  }

  /** Checks number, host port and name; {@code v} is positioned at the entry ({@code ports[0]}). */
  public static void validate(Validation v, Port port) {
    v.field("containerPort").checkRange(port.containerPort(), 1, 65535);
    port.hostPort().ifPresent(hostPort -> v.field("hostPort").checkRange(hostPort, 1, 65535));
    port.name().ifPresent(name -> Names.checkPortName(v.field("name"), name));
  }

  /**
   * Checks the name and the source; {@code v} is positioned at the entry ({@code env[LOG_LEVEL]}),
   * {@code containerNames} are the pod's containers (for resource references).
   */
  public static void validate(Validation v, EnvVar variable, Set<String> containerNames) {
    Names.checkEnvVarName(v.field("name"), variable.name());
    Validation valueFrom = v.field("valueFrom");
    if (variable instanceof EnvVar.ConfigMapKey ref) {
      checkKeyRef(valueFrom.field("configMapKeyRef"), ref.configMap(), ref.key());
    } else if (variable instanceof EnvVar.SecretKey ref) {
      checkKeyRef(valueFrom.field("secretKeyRef"), ref.secret(), ref.key());
    } else if (variable instanceof EnvVar.FieldRef ref) {
      checkFieldPath(valueFrom.field("fieldRef").field("fieldPath"), ref.fieldPath());
    } else if (variable instanceof EnvVar.ResourceFieldRef ref) {
      Validation at = valueFrom.field("resourceFieldRef");
      checkResourceField(at.field("resource"), ref.resource());
      at.field("containerName").check(containerNames.contains(ref.container()),
          "must name a container of the pod (%s), was '%s'",
          String.join(", ", new TreeSet<>(containerNames)), ref.container());
    }
    // A literal has nothing to check beyond its name.
  }

  /**
   * Checks the resource of a {@code resourceFieldRef} ({@code validateContainerResourceFieldSelector}):
   * one of the fixed ones or a hugepages prefix; {@code v} is positioned at {@code resource}.
   */
  public static void checkResourceField(Validation v, String resource) {
    v.check(FIELD_RESOURCES.contains(resource) || resource.startsWith("limits.hugepages-")
            || resource.startsWith("requests.hugepages-"),
        "must be one of %s, limits.hugepages-<size> or requests.hugepages-<size>, was '%s'",
        String.join(", ", FIELD_RESOURCES), resource);
  }

  private static void checkKeyRef(Validation ref, String name, String key) {
    Names.checkDns1123Subdomain(ref.field("name"), name);
    Names.checkConfigKey(ref.field("key"), key);
  }

  private static void checkFieldPath(Validation v, String path) {
    Matcher subscript = SUBSCRIPT.matcher(path);
    if (subscript.matches()) {
      Names.checkQualifiedName(v, subscript.group(2));
      return;
    }
    v.check(ENV_FIELD_PATHS.contains(path), "must be one of %s, metadata.labels['<key>'] or"
        + " metadata.annotations['<key>'], was '%s'", String.join(", ", ENV_FIELD_PATHS), path);
  }

  /** Checks the source name and the prefix; {@code v} is positioned at the entry ({@code envFrom[0]}). */
  public static void validate(Validation v, EnvFrom source) {
    if (source instanceof EnvFrom.AllOfSecret secret) {
      Names.checkDns1123Subdomain(v.field("secretRef").field("name"), secret.secret());
    } else if (source instanceof EnvFrom.AllOfConfigMap configMap) {
      Names.checkDns1123Subdomain(v.field("configMapRef").field("name"), configMap.configMap());
    }
    source.prefix().ifPresent(prefix -> Names.checkEnvVarName(v.field("prefix"), prefix));
  }

  /**
   * Checks the action; {@code v} is positioned at the hook ({@code lifecycle.preStop}),
   * {@code portNames} are the container's named ports and {@code terminationGracePeriod} the
   * pod's, which a sleep must not exceed.
   */
  public static void validate(Validation v, Hook hook, Set<String> portNames, Duration terminationGracePeriod) {
    hook.execAction().ifPresent(e -> Probes.validate(v.field("exec"), e));
    hook.httpGetAction().ifPresent(h -> Probes.validate(v.field("httpGet"), h, portNames));
    hook.sleepDuration().ifPresent(d -> {
      Validation field = v.field("sleep");
      if (Seconds.check(field, d, 0, Seconds.INT64) && terminationGracePeriod.getNano() == 0) {
        field.check(d.compareTo(terminationGracePeriod) <= 0,
            "must be at most the pod's termination grace period (%s), was %s",
            Seconds.format(terminationGracePeriod), Seconds.format(d));
      }
    });
  }
}
