package dev.mizzen.testkit.policy;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;

/**
 * One container of a {@link PodTemplate}: a regular, init or ephemeral container, seen as a
 * client-java {@link V1Container} together with its field path.
 */
public final class PodContainer {

  /** Which list of the pod spec a container comes from. */
  public enum Type {
    /** {@code initContainers}, including sidecars ({@code restartPolicy: Always}). */
    INIT("initContainers"),
    /** {@code containers}. */
    REGULAR("containers"),
    /** {@code ephemeralContainers}: debugging containers added to a running pod. */
    EPHEMERAL("ephemeralContainers");

    private final String field;

    Type(String field) {
      this.field = field;
    }

    /** The field of the pod spec holding this type of container. */
    public String field() {
      return field;
    }
  }

  private final V1Container container;
  private final Type type;
  private final String specPath;
  private String path;

  PodContainer(V1Container container, Type type, String specPath) {
    this.container = container;
    this.type = type;
    this.specPath = specPath;
  }

  /**
   * The container. For an ephemeral container this is a {@code V1Container} carrying the same
   * fields (without {@code targetContainerName}).
   */
  public V1Container container() {
    return container;
  }

  /** Where the container comes from. */
  public Type type() {
    return type;
  }

  /** The container name; the empty string if unset. */
  public String name() {
    String name = container.getName();
    return name == null ? "" : name;
  }

  /** An init container that keeps running beside the others ({@code restartPolicy: Always}). */
  public boolean isSidecar() {
    return type == Type.INIT && "Always".equals(container.getRestartPolicy());
  }

  /** The field path of the container, as in {@code spec.template.spec.containers[web]}. */
  public String path() {
    String result = path;
    if (result == null) {
      result = specPath + "." + type.field + "[" + name() + "]";
      path = result;
    }
    return result;
  }

  /** The field path of {@code field} in this container: {@code path() + "." + field}. */
  public String path(String field) {
    return path() + "." + field;
  }

  /** {@code container "web"}, {@code init container "setup"} or {@code ephemeral container "debug"}. */
  public String describe() {
    switch (type) {
      case INIT:
        return "init container \"" + name() + "\"";
      case EPHEMERAL:
        return "ephemeral container \"" + name() + "\"";
      default:
        return "container \"" + name() + "\"";
    }
  }

  @Override
  public String toString() {
    return path();
  }

  static V1Container asContainer(V1EphemeralContainer e) {
    return new V1Container()
        .name(e.getName())
        .image(e.getImage())
        .imagePullPolicy(e.getImagePullPolicy())
        .command(e.getCommand())
        .args(e.getArgs())
        .workingDir(e.getWorkingDir())
        .env(e.getEnv())
        .envFrom(e.getEnvFrom())
        .ports(e.getPorts())
        .resources(e.getResources())
        .resizePolicy(e.getResizePolicy())
        .restartPolicy(e.getRestartPolicy())
        .restartPolicyRules(e.getRestartPolicyRules())
        .volumeMounts(e.getVolumeMounts())
        .volumeDevices(e.getVolumeDevices())
        .livenessProbe(e.getLivenessProbe())
        .readinessProbe(e.getReadinessProbe())
        .startupProbe(e.getStartupProbe())
        .lifecycle(e.getLifecycle())
        .terminationMessagePath(e.getTerminationMessagePath())
        .terminationMessagePolicy(e.getTerminationMessagePolicy())
        .securityContext(e.getSecurityContext())
        .stdin(e.getStdin())
        .stdinOnce(e.getStdinOnce())
        .tty(e.getTty());
  }
}
