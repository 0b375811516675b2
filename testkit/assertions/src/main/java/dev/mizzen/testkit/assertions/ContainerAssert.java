package dev.mizzen.testkit.assertions;

import dev.mizzen.quantity.Quantities;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assertions on one container: image, security, resources, probes, ports, environment and
 * mounts. Reached with {@code .container("web")} from a pod or workload, it also sees the pod's
 * security context, so {@link #runsAsNonRoot()} honours settings the container inherits.
 */
public class ContainerAssert extends AbstractMizzenAssert<ContainerAssert, V1Container> {
  private V1PodSecurityContext pod;

  /** An assert on {@code actual}, named {@code Container/<name>} in messages. */
  public ContainerAssert(V1Container actual) {
    super(actual, ContainerAssert.class, "Container/" + (actual == null ? "(null)" : actual.getName()));
  }

  /** Lets this container inherit {@code podSecurity} (the pod's security context). */
  final ContainerAssert inPod(V1PodSecurityContext podSecurity) {
    this.pod = podSecurity;
    return myself;
  }

  /** Asserts the image reference is exactly {@code image}. */
  public ContainerAssert hasImage(String image) {
    requireActual();
    if (!Objects.equals(image, actual.getImage())) {
      failAt(location().field("image"), "expected " + quote(image) + ", but was " + quote(actual.getImage()));
    }
    return myself;
  }

  /** Asserts the image is pinned: a digest, or a tag other than {@code latest}. */
  public ContainerAssert hasPinnedImage() {
    requireActual();
    Images.unpinned(actual.getImage()).ifPresent(reason -> failAt(location().field("image"),
        "expected a pinned image (a tag other than latest, or a digest), but was "
            + quote(actual.getImage()) + " (" + reason + ")"));
    return myself;
  }

  /**
   * Asserts the container runs as a non-root user: a non-zero {@code runAsUser}, or
   * {@code runAsNonRoot: true} (with no {@code runAsUser: 0}), set on the container or inherited
   * from the pod; the container's own setting wins.
   */
  public ContainerAssert runsAsNonRoot() {
    requireActual();
    nonRootProblem().ifPresent(problem -> failAt(location().field("securityContext"), problem));
    return myself;
  }

  /** Why this container may run as root, if it may. */
  private Optional<String> nonRootProblem() {
    V1SecurityContext own = actual.getSecurityContext();
    Long ownUser = own == null ? null : own.getRunAsUser();
    Long podUser = pod == null ? null : pod.getRunAsUser();
    Long user = ownUser != null ? ownUser : podUser;
    Boolean ownNonRoot = own == null ? null : own.getRunAsNonRoot();
    Boolean podNonRoot = pod == null ? null : pod.getRunAsNonRoot();
    Boolean nonRoot = ownNonRoot != null ? ownNonRoot : podNonRoot;
    if (user != null && user == 0) {
      return Optional.of("expected to run as non-root, but runAsUser is 0 (root)"
          + (ownUser == null ? ", inherited from the pod" : ""));
    }
    if (user != null || Boolean.TRUE.equals(nonRoot)) {
      return Optional.empty();
    }
    if (Boolean.FALSE.equals(nonRoot)) {
      return Optional.of("expected to run as non-root, but runAsNonRoot is false"
          + (ownNonRoot == null ? ", inherited from the pod" : ""));
    }
    return Optional.of("expected to run as non-root (runAsNonRoot: true or a non-zero runAsUser, on the"
        + " container or the pod), but neither the container nor the pod sets either");
  }

  /** Asserts the root filesystem is mounted read-only. */
  public ContainerAssert hasReadOnlyRootFilesystem() {
    requireActual();
    V1SecurityContext own = actual.getSecurityContext();
    Boolean readOnly = own == null ? null : own.getReadOnlyRootFilesystem();
    if (!Boolean.TRUE.equals(readOnly)) {
      failAt(location().field("securityContext.readOnlyRootFilesystem"),
          "expected true, but was " + (readOnly == null ? "unset (false)" : "false"));
    }
    return myself;
  }

  /** Asserts CPU and memory requests and a memory limit: what the scheduler and the OOM killer need. */
  public ContainerAssert hasResources() {
    requireActual();
    List<String> missing = new ArrayList<>();
    missing.addAll(missing("requests", "cpu", "memory"));
    missing.addAll(missing("limits", "memory"));
    if (!missing.isEmpty()) {
      failAt(location().field("resources"), "expected requests for cpu and memory and a memory limit, but "
          + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
    }
    return myself;
  }

  /** Asserts requests for both CPU and memory. */
  public ContainerAssert hasRequests() {
    return checkPresent("requests");
  }

  /** Asserts limits for both CPU and memory. */
  public ContainerAssert hasLimits() {
    return checkPresent("limits");
  }

  private ContainerAssert checkPresent(String kind) {
    requireActual();
    List<String> missing = missing(kind, "cpu", "memory");
    if (!missing.isEmpty()) {
      failAt(location().field("resources." + kind), "expected cpu and memory " + kind + ", but "
          + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
    }
    return myself;
  }

  /**
   * Asserts the request for {@code resource} ({@code cpu}, {@code memory}, ...) equals {@code
   * quantity} ({@code 250m}).
   */
  public ContainerAssert hasRequest(String resource, String quantity) {
    return checkQuantity("requests", V1ResourceRequirements::getRequests, resource, quantity);
  }

  /**
   * Asserts the limit for {@code resource} equals {@code quantity} ({@code 512Mi}); {@code 0.5} equals
   * {@code 500m}.
   */
  public ContainerAssert hasLimit(String resource, String quantity) {
    return checkQuantity("limits", V1ResourceRequirements::getLimits, resource, quantity);
  }

  private ContainerAssert checkQuantity(String kind, Function<V1ResourceRequirements, Map<String, Quantity>> getter,
      String resource, String quantity) {
    requireActual();
    Quantity found = quantities(getter).get(resource);
    Location where = location().field("resources." + kind).key(resource);
    if (found == null) {
      failAt(where, "expected " + quantity + ", but there is none");
    } else if (found.getNumber().compareTo(Quantities.parse(resource, quantity).value()) != 0) {
      failAt(where, "expected " + quantity + ", but was " + found.toSuffixedString());
    }
    return myself;
  }

  private List<String> missing(String kind, String... resources) {
    Map<String, Quantity> present = quantities(
        "requests".equals(kind) ? V1ResourceRequirements::getRequests : V1ResourceRequirements::getLimits);
    List<String> missing = new ArrayList<>();
    for (String resource : resources) {
      if (!present.containsKey(resource)) {
        missing.add("the " + resource + " " + ("requests".equals(kind) ? "request" : "limit"));
      }
    }
    return missing;
  }

  private Map<String, Quantity> quantities(Function<V1ResourceRequirements, Map<String, Quantity>> getter) {
    V1ResourceRequirements resources = actual.getResources();
    Map<String, Quantity> map = resources == null ? null : getter.apply(resources);
    return map == null ? Map.of() : map;
  }

  /** Asserts a readiness probe and a liveness probe. */
  public ContainerAssert hasProbes() {
    requireActual();
    List<String> missing = new ArrayList<>();
    if (actual.getReadinessProbe() == null) {
      missing.add("readiness");
    }
    if (actual.getLivenessProbe() == null) {
      missing.add("liveness");
    }
    if (!missing.isEmpty()) {
      failAt(location(), "expected a readiness and a liveness probe, but there is no "
          + String.join(" and no ", missing) + " probe");
    }
    return myself;
  }

  /** Navigates to the readiness probe; fails when there is none. */
  public ProbeAssert readiness() {
    return probe("readinessProbe", "readiness", actual == null ? null : actual.getReadinessProbe());
  }

  /** Navigates to the liveness probe; fails when there is none. */
  public ProbeAssert liveness() {
    return probe("livenessProbe", "liveness", actual == null ? null : actual.getLivenessProbe());
  }

  /** Navigates to the startup probe; fails when there is none. */
  public ProbeAssert startup() {
    return probe("startupProbe", "startup", actual == null ? null : actual.getStartupProbe());
  }

  private ProbeAssert probe(String field, String kind, V1Probe probe) {
    return navigate(ProbeAssert.class, V1Probe.class, ProbeAssert::new, probe, V1Probe::new,
        location().field(field), () -> "expected a " + kind + " probe, but there is none");
  }

  /** Asserts a container port {@code number} named {@code name}. */
  public ContainerAssert hasPort(String name, int number) {
    requireActual();
    List<V1ContainerPort> ports = actual.getPorts() == null ? List.of() : actual.getPorts();
    boolean found = ports.stream()
        .anyMatch(p -> name.equals(p.getName()) && Objects.equals(number, p.getContainerPort()));
    if (!found) {
      List<String> shown = new ArrayList<>();
      ports.forEach(p -> shown.add(p.getName() == null ? String.valueOf(p.getContainerPort())
          : p.getName() + ":" + p.getContainerPort()));
      failAt(location().field("ports"), "expected a port " + name + ":" + number + ", but found " + shown);
    }
    return myself;
  }

  /** Asserts the environment variable {@code name} has the literal value {@code value}. */
  public ContainerAssert hasEnv(String name, String value) {
    requireActual();
    Optional<V1EnvVar> env = env(name);
    if (env.isEmpty()) {
      failAt(location().field("env"), "expected a variable " + name + ", but there is none");
    } else if (!Objects.equals(value, env.get().getValue())) {
      failAt(location().field("env").key(name), "expected the value " + quote(value) + ", but was "
          + (env.get().getValueFrom() != null ? "taken from a reference (valueFrom)" : quote(env.get().getValue())));
    }
    return myself;
  }

  /** Asserts the environment variable {@code name} is set, by value or reference. */
  public ContainerAssert hasEnv(String name) {
    requireActual();
    if (env(name).isEmpty()) {
      failAt(location().field("env"), "expected a variable " + name + ", but there is none");
    }
    return myself;
  }

  private Optional<V1EnvVar> env(String name) {
    List<V1EnvVar> env = actual.getEnv() == null ? List.of() : actual.getEnv();
    return env.stream().filter(e -> name.equals(e.getName())).findFirst();
  }

  /** Asserts the volume {@code volume} is mounted at {@code path}. */
  public ContainerAssert mounts(String volume, String path) {
    requireActual();
    List<V1VolumeMount> mounts = actual.getVolumeMounts() == null ? List.of() : actual.getVolumeMounts();
    boolean found = mounts.stream().anyMatch(m -> volume.equals(m.getName()) && path.equals(m.getMountPath()));
    if (!found) {
      List<String> shown = new ArrayList<>();
      mounts.forEach(m -> shown.add(m.getName() + " at " + m.getMountPath()));
      failAt(location().field("volumeMounts"), "expected volume " + volume + " mounted at " + path
          + ", but found " + shown);
    }
    return myself;
  }
}
