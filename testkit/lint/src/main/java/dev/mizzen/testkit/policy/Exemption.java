package dev.mizzen.testkit.policy;

import org.immutables.value.Value;

/**
 * Why a {@link Finding} is not in force: the annotation that exempts the object from it, and
 * the reason that annotation gives. Two kinds of annotation exempt:
 *
 * <ul>
 *   <li>an exemption from a whole rule on the object's own metadata,
 *       {@code policy.mizzen.dev/exempt.<rule-id>: <reason>} ({@link Policy#exemptionAnnotation});
 *   <li>a security opt-out the DSL records on the pod template ({@code security.mizzen.dev/opt-out}
 *       for the pod, {@code opt-out.security.mizzen.dev/<container>} for a container, one
 *       {@code <what>: <reason>} line each), which exempts only the Pod Security findings about
 *       the setting it relaxes, in the pod or container it names.
 * </ul>
 *
 * <pre>{@code
 * spec.template.metadata.annotations[opt-out.security.mizzen.dev/web]: legacy image
 * }</pre>
 */
@Value.Immutable(builder = false)
public abstract class Exemption {

  /** An exemption granted by the annotation at field path {@code annotation}, for {@code reason}. */
  public static Exemption of(String annotation, String reason) {
    return ImmutableExemption.of(annotation, reason);
  }

  /**
   * The field path of the annotation that grants it:
   * {@code metadata.annotations[policy.mizzen.dev/exempt.privileged]} or
   * {@code spec.template.metadata.annotations[opt-out.security.mizzen.dev/web]}.
   */
  @Value.Parameter
  public abstract String annotation();

  /** Why, as the annotation says it: {@code legacy image}. */
  @Value.Parameter
  public abstract String reason();

  /** {@code annotation: reason}. */
  @Override
  public String toString() {
    return annotation() + ": " + reason();
  }
}
