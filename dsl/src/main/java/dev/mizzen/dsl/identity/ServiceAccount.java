package dev.mizzen.dsl.identity;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A ServiceAccount: the identity pods run as.
 *
 * <pre>{@code
 * ServiceAccount web = ServiceAccount.named("web").build();
 * ServiceAccount puller = ServiceAccount.named("ci").imagePullSecret("ghcr-credentials").build();
 * }</pre>
 *
 * <p>Secure by default: {@code automountServiceAccountToken} is {@code false} and always
 * rendered, so pods get no API token unless they ask for one (a pod's own setting wins) or
 * this account opts in with {@code automountServiceAccountToken(true)}.
 */
@Value.Immutable
public abstract class ServiceAccount implements KubernetesResource {

  /** Starts a ServiceAccount named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** Whether pods using this account get an API token mounted by default; false unless told otherwise. */
  @Value.Default
  public boolean automountServiceAccountToken() {
    return false;
  }

  /** Names of {@code kubernetes.io/dockerconfigjson} Secrets used to pull the pods' images. */
  public abstract List<String> imagePullSecrets();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1ServiceAccount>> customizers();

  @Override
  public final String apiVersion() {
    return "v1";
  }

  @Override
  public final String kind() {
    return "ServiceAccount";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    for (int i = 0; i < imagePullSecrets().size(); i++) {
      Names.checkDns1123Subdomain(v.field("imagePullSecrets").index(i).field("name"), imagePullSecrets().get(i));
    }
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1ServiceAccount render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1ServiceAccount render(RenderContext context) {
    V1ServiceAccount rendered = new V1ServiceAccount()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .automountServiceAccountToken(automountServiceAccountToken());
    if (!imagePullSecrets().isEmpty()) {
      List<V1LocalObjectReference> secrets = new ArrayList<>();
      imagePullSecrets().forEach(name -> secrets.add(new V1LocalObjectReference().name(name)));
      rendered.setImagePullSecrets(secrets);
    }
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link ServiceAccount}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableServiceAccount.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Pulls images with the credentials in {@code secret}. */
    public Builder imagePullSecret(KubernetesResource secret) {
      return imagePullSecret(secret.name());
    }
  }
}
