package dev.mizzen.dsl.config;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A ConfigMap: string entries mounted as files or read into the environment.
 *
 * <pre>{@code
 * ConfigMap config = ConfigMap.named("web-config")
 *     .data("LOG_FORMAT", "json")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ConfigMap implements KubernetesResource {

  /** Starts a ConfigMap named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /**
   * The API server's limit on the total size of a ConfigMap's values, in UTF-8 bytes
   * ({@code ValidateConfigMap}, {@code MaxSecretSize}); keys do not count.
   */
  public static final int MAX_SIZE = 1024 * 1024;

  /** The entries, in the order they were added. */
  public abstract Map<String, String> data();

  /** Whether the API server refuses changes to the data. Absent means mutable. */
  public abstract java.util.Optional<Boolean> immutable();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1ConfigMap>> customizers();

  @Override
  public final String apiVersion() {
    return "v1";
  }

  @Override
  public final String kind() {
    return "ConfigMap";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    long size = 0;
    for (Map.Entry<String, String> entry : data().entrySet()) {
      Names.checkConfigKey(v.field("data").key(entry.getKey()), entry.getKey());
      size += entry.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    // ValidateConfigMap reports the whole object ("[]"); here the values are under data.
    v.field("data").check(size <= MAX_SIZE,
        "total size of the values must be at most %d bytes (UTF-8), was %d", MAX_SIZE, size);
    v.throwIfInvalid();
  }

  @Override
  public V1ConfigMap render(RenderContext context) {
    V1ConfigMap rendered = new V1ConfigMap()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context));
    if (!data().isEmpty()) {
      rendered.setData(new LinkedHashMap<>(data()));
    }
    immutable().ifPresent(rendered::setImmutable);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link ConfigMap}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableConfigMap.Builder implements KubernetesResource.Buildable {
    Builder() {}
  }
}
