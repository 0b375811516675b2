package dev.mizzen.dsl.availability;

import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** The object a HorizontalPodAutoscaler scales: anything with a {@code scale} subresource. */
@Value.Immutable
public abstract class ScaleTarget {
  private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  /** The {@code apps/v1} Deployment named {@code name}. */
  public static ScaleTarget deployment(String name) {
    return of("apps/v1", "Deployment", name);
  }

  /** The {@code apps/v1} StatefulSet named {@code name}. */
  public static ScaleTarget statefulSet(String name) {
    return of("apps/v1", "StatefulSet", name);
  }

  /** {@code resource} itself: its apiVersion, kind and name. */
  public static ScaleTarget of(KubernetesResource resource) {
    return of(resource.apiVersion(), resource.kind(), resource.name());
  }

  /** The object of {@code apiVersion} and {@code kind} named {@code name}. */
  public static ScaleTarget of(String apiVersion, String kind, String name) {
    return ImmutableScaleTarget.builder().apiVersion(apiVersion).kind(kind).name(name).build();
  }

  /** {@code apps/v1}, ... */
  public abstract String apiVersion();

  /** {@code Deployment}, ... */
  public abstract String kind();

  /** The object's name, in the autoscaler's namespace. */
  public abstract String name();

  /** The client-java model. */
  public final V2CrossVersionObjectReference toV2CrossVersionObjectReference() {
    return new V2CrossVersionObjectReference().apiVersion(apiVersion()).kind(kind()).name(name());
  }

  /** Checks apiVersion, kind and name; {@code v} is at {@code spec.scaleTargetRef}. */
  final void validate(Validation v) {
    Validation apiVersion = v.field("apiVersion");
    int slash = apiVersion().indexOf('/');
    boolean validVersion = slash < 0
        ? Names.isDns1123Label(apiVersion())
        : Names.isDns1123Subdomain(apiVersion().substring(0, slash))
            && Names.isDns1123Label(apiVersion().substring(slash + 1));
    apiVersion.check(validVersion, "must be 'group/version' or 'version' (as apps/v1), was '%s'",
        apiVersion());
    v.field("kind").check(KIND.matcher(kind()).matches(),
        "must be a kind such as Deployment (letters and digits), was '%s'", kind());
    Names.checkDns1123Subdomain(v.field("name"), name());
  }
}
