package dev.mizzen.dsl.network;

import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import java.util.List;
import org.immutables.value.Value;

/** One path of an Ingress rule and the backend its requests go to. */
@Value.Immutable
public abstract class IngressPath {
  private static final List<String> INVALID_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
  private static final List<String> INVALID_SUFFIXES = List.of("/..", "/.");

  /** How a request path is matched against {@link #path()}. */
  public enum PathType {
    /** Element-wise prefix of the URL path split on '/': {@code /api} matches {@code /api/x}, not {@code /apix}. */
    PREFIX("Prefix"),
    /** The exact URL path, case-sensitive. */
    EXACT("Exact"),
    /** Up to the IngressClass's controller (for example a regular expression for some). */
    IMPLEMENTATION_SPECIFIC("ImplementationSpecific");

    private final String value;

    PathType(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** Requests whose path starts with {@code path} (element-wise) go to {@code backend}. */
  public static IngressPath prefix(String path, IngressBackend backend) {
    return of(path, PathType.PREFIX, backend);
  }

  /** Requests for exactly {@code path} go to {@code backend}. */
  public static IngressPath exact(String path, IngressBackend backend) {
    return of(path, PathType.EXACT, backend);
  }

  /** {@code path} matched as the controller sees fit; an empty path leaves it to the controller. */
  public static IngressPath implementationSpecific(String path, IngressBackend backend) {
    return of(path, PathType.IMPLEMENTATION_SPECIFIC, backend);
  }

  private static IngressPath of(String path, PathType type, IngressBackend backend) {
    return ImmutableIngressPath.builder().path(path).pathType(type).backend(backend).build();
  }

  /** The path ({@code /}, {@code /api}); may be empty only for ImplementationSpecific. */
  public abstract String path();

  /** How {@link #path()} is matched. */
  public abstract PathType pathType();

  /** Where matching requests go. */
  public abstract IngressBackend backend();

  /** The client-java model; an empty path is left out. */
  public final V1HTTPIngressPath toV1HTTPIngressPath() {
    V1HTTPIngressPath rendered = new V1HTTPIngressPath()
        .pathType(pathType().value())
        .backend(backend().toV1IngressBackend());
    if (!path().isEmpty()) {
      rendered.setPath(path());
    }
    return rendered;
  }

  /** Checks the path as the API server does for its type, and the backend; {@code v} is at the path entry. */
  final void validate(Validation v) {
    Validation path = v.field("path");
    if (pathType() == PathType.IMPLEMENTATION_SPECIFIC) {
      path.check(path().isEmpty() || path().startsWith("/"),
          "must be an absolute path (start with '/'), was '%s'", path());
    } else {
      path.check(path().startsWith("/"), "must be an absolute path (start with '/'), was '%s'", path());
      for (String sequence : INVALID_SEQUENCES) {
        path.check(!path().contains(sequence), "must not contain '%s', was '%s'", sequence, path());
      }
      for (String suffix : INVALID_SUFFIXES) {
        path.check(!path().endsWith(suffix), "cannot end with '%s', was '%s'", suffix, path());
      }
    }
    backend().validate(v.field("backend"));
  }
}
