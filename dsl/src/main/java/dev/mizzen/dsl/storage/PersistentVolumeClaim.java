package dev.mizzen.dsl.storage;

import dev.mizzen.dsl.internal.Claims;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A PersistentVolumeClaim: storage that outlives the pods mounting it. Pods mount it with
 * {@code Volume.persistentVolumeClaim("data", claim)} (or by its name, for a claim made elsewhere).
 *
 * <pre>{@code
 * PersistentVolumeClaim uploads = PersistentVolumeClaim.named("uploads")
 *     .size(Storage.gibibytes(20))
 *     .accessMode(AccessMode.READ_WRITE_MANY)
 *     .storageClass("nfs")
 *     .build();
 * }</pre>
 *
 * <p>The claim fields are those of {@link ClaimSpec}; they are checked as the API server's
 * {@code ValidatePersistentVolumeClaimSpec} does. Apart from the size of a bound claim, which
 * may grow, the API server refuses any change to them once the claim exists.
 */
@Value.Immutable
public abstract class PersistentVolumeClaim implements KubernetesResource, ClaimSpec {

  /** Starts a claim named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1PersistentVolumeClaim>> customizers();

  @Override
  public final String apiVersion() {
    return "v1";
  }

  @Override
  public final String kind() {
    return "PersistentVolumeClaim";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    Claims.validate(v.field("spec"), this);
    v.throwIfInvalid();
  }

  @Override
  public V1PersistentVolumeClaim render(RenderContext context) {
    V1PersistentVolumeClaim rendered = new V1PersistentVolumeClaim()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .spec(Claims.render(this));
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  @Override
  public V1PersistentVolumeClaim render() {
    return render(RenderContext.standalone());
  }

  /** Builds a {@link PersistentVolumeClaim}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutablePersistentVolumeClaim.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /**
     * No StorageClass ({@code storageClassName: ""}): binds only an existing volume that has no
     * class, and nothing is provisioned. Leaving the class out instead means the default class.
     */
    public Builder noStorageClass() {
      return storageClass("");
    }
  }
}
