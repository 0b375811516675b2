package dev.mizzen.testkit.schema;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A built-in API version of a kind that Kubernetes removed, or deprecated while still serving
 * it: {@code extensions/v1beta1 Ingress}, removed in 1.22, replaced by {@code networking.k8s.io/v1}.
 */
@Value.Immutable
public abstract class ApiDeprecation {

  /** Starts the entry of {@code kind} in {@code apiVersion}. */
  static Builder of(String apiVersion, String kind) {
    return new Builder().apiVersion(apiVersion).kind(kind);
  }

  /** The API version, such as {@code extensions/v1beta1}. */
  public abstract String apiVersion();

  /** The kind, such as {@code Ingress}. */
  public abstract String kind();

  /** The Kubernetes minor version that stopped serving it ({@code 1.22}), if removed. */
  public abstract Optional<String> removedIn();

  /** The Kubernetes minor version that deprecated it, for APIs that are deprecated but served. */
  public abstract Optional<String> deprecatedIn();

  /**
   * What to use instead: an {@code apiVersion} of the same kind ({@code networking.k8s.io/v1}),
   * or {@code apiVersion Kind} when the kind changes; empty when nothing replaces it.
   */
  public abstract Optional<String> replacement();

  /** More advice, such as what to do when nothing replaces it. */
  public abstract Optional<String> note();

  /** Whether the API server no longer serves it. */
  public final boolean isRemoved() {
    return removedIn().isPresent();
  }

  @Value.Check
  protected void check() {
    if (removedIn().isPresent() == deprecatedIn().isPresent()) {
      throw new IllegalArgumentException(
          apiVersion() + " " + kind() + ": exactly one of removedIn and deprecatedIn must be set");
    }
  }

  /**
   * {@code extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1},
   * or {@code v1 Endpoints is deprecated since Kubernetes 1.33; use discovery.k8s.io/v1 EndpointSlice}.
   */
  public final String message() {
    String what = apiVersion() + " " + kind();
    String when = isRemoved()
        ? " was removed in Kubernetes " + removedIn().get()
        : " is deprecated since Kubernetes " + deprecatedIn().get();
    String instead = replacement().map(r -> "; use " + r).orElse("; nothing replaces it");
    return what + when + instead + note().map(n -> " (" + n + ")").orElse("");
  }

  @Override
  public String toString() {
    return message();
  }

  /** Builds an {@link ApiDeprecation}. */
  public static final class Builder extends ImmutableApiDeprecation.Builder {
    Builder() {}
  }
}
