package dev.mizzen.dsl.identity;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A Namespace (cluster-scoped), with its Pod Security admission levels as typed options.
 *
 * <pre>{@code
 * Namespace shop = Namespace.named("shop").podSecurity(PodSecurityLevel.RESTRICTED).build();
 * Namespace legacy = Namespace.named("legacy")
 *     .enforce(PodSecurityLevel.BASELINE).enforceVersion("v1.33")
 *     .warn(PodSecurityLevel.RESTRICTED).audit(PodSecurityLevel.RESTRICTED)
 *     .build();
 * }</pre>
 *
 * <p>Each level renders as the label {@code pod-security.kubernetes.io/<mode>} and each version
 * as {@code pod-security.kubernetes.io/<mode>-version}; nothing is rendered for a mode left
 * unset, so the cluster's admission defaults apply to it.
 */
@Value.Immutable
public abstract class Namespace implements KubernetesResource {
  /** The prefix of the Pod Security admission labels. */
  public static final String POD_SECURITY_PREFIX = "pod-security.kubernetes.io/";
  private static final Pattern VERSION = Pattern.compile("latest|v1\\.(0|[1-9][0-9]*)");

  /** Starts a Namespace named {@code name} (a DNS-1123 label). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The level pods must meet to be admitted; absent leaves the cluster's default. */
  public abstract Optional<PodSecurityLevel> enforce();

  /** The Kubernetes version of the enforce level's rules ({@code v1.33} or {@code latest}); absent means latest. */
  public abstract Optional<String> enforceVersion();

  /** The level whose violations are written to the audit log. */
  public abstract Optional<PodSecurityLevel> audit();

  /** The version of the audit level's rules. */
  public abstract Optional<String> auditVersion();

  /** The level whose violations are returned to the client as warnings. */
  public abstract Optional<PodSecurityLevel> warn();

  /** The version of the warn level's rules. */
  public abstract Optional<String> warnVersion();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1Namespace>> customizers();

  /** The {@code pod-security.kubernetes.io/*} labels the typed options produce, in a fixed order. */
  public final Map<String, String> podSecurityLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    enforce().ifPresent(level -> labels.put(POD_SECURITY_PREFIX + "enforce", level.value()));
    enforceVersion().ifPresent(version -> labels.put(POD_SECURITY_PREFIX + "enforce-version", version));
    audit().ifPresent(level -> labels.put(POD_SECURITY_PREFIX + "audit", level.value()));
    auditVersion().ifPresent(version -> labels.put(POD_SECURITY_PREFIX + "audit-version", version));
    warn().ifPresent(level -> labels.put(POD_SECURITY_PREFIX + "warn", level.value()));
    warnVersion().ifPresent(version -> labels.put(POD_SECURITY_PREFIX + "warn-version", version));
    return labels;
  }

  @Override
  public final String apiVersion() {
    return "v1";
  }

  @Override
  public final String kind() {
    return "Namespace";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_LABEL);
    Validation metadata = v.field("metadata");
    metadata.field("namespace").check(namespace().isEmpty(), "must not be set: Namespace is cluster-scoped");
    Validation labels = metadata.field("labels");
    checkVersion(labels, "enforce", enforce(), enforceVersion());
    checkVersion(labels, "audit", audit(), auditVersion());
    checkVersion(labels, "warn", warn(), warnVersion());
    podSecurityLabels().keySet().forEach(key -> labels.key(key).check(!labels().containsKey(key),
        "is set by the typed Pod Security option and again as a label; keep one"));
    labels().keySet().stream().filter(key -> key.startsWith(POD_SECURITY_PREFIX)
            && !podSecurityLabels().containsKey(key))
        .forEach(key -> labels.key(key).problem(
            "use the typed options enforce/audit/warn(PodSecurityLevel) and *Version(..) instead"));
    v.throwIfInvalid();
  }

  private static void checkVersion(
      Validation labels, String mode, Optional<PodSecurityLevel> level, Optional<String> version) {
    version.ifPresent(text -> {
      Validation at = labels.key(POD_SECURITY_PREFIX + mode + "-version");
      at.check(VERSION.matcher(text).matches(), "must be 'latest' or 'v1.<minor>' (as v1.33), was '%s'", text);
      at.check(level.isPresent(), "needs a level: call %s(PodSecurityLevel) too", mode);
    });
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1Namespace render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1Namespace render(RenderContext context) {
    V1ObjectMeta metadata = Metadata.renderClusterScoped(this, context);
    metadata.getLabels().putAll(podSecurityLabels());
    V1Namespace rendered = new V1Namespace()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(metadata);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link Namespace}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableNamespace.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Admits only pods meeting {@code level} (the {@code enforce} mode). */
    public Builder podSecurity(PodSecurityLevel level) {
      return enforce(level);
    }
  }
}
