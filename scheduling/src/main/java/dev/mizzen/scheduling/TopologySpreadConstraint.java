package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Spreads matching pods evenly across the domains of a node label: in no domain may the number
 * of matching pods exceed the smallest domain's by more than {@link #maxSkew()}.
 *
 * <pre>{@code
 * TopologySpreadConstraint.over(Topology.ZONE)                 // own pods, maxSkew 1, ScheduleAnyway
 * TopologySpreadConstraint.over(Topology.HOSTNAME)
 *     .maxSkew(2)
 *     .whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE)
 *     .minDomains(3)
 * }</pre>
 */
@Value.Immutable
public abstract class TopologySpreadConstraint {

  /** Starts a constraint over the domains of the node label {@code topologyKey} ({@link Topology}). */
  public static Builder over(String topologyKey) {
    return new Builder().topologyKey(topologyKey);
  }

  /** The node label whose values are the domains, such as {@link Topology#ZONE}. */
  public abstract String topologyKey();

  /** The largest allowed difference in matching pods between two domains, 1 or more. Defaults to 1. */
  @Value.Default
  public int maxSkew() {
    return 1;
  }

  /**
   * What the scheduler does when the constraint cannot be met. Defaults to
   * {@link WhenUnsatisfiable#SCHEDULE_ANYWAY}: a soft constraint, so spreading never leaves a
   * pod pending; choose {@link WhenUnsatisfiable#DO_NOT_SCHEDULE} for a hard one.
   */
  @Value.Default
  public WhenUnsatisfiable whenUnsatisfiable() {
    return WhenUnsatisfiable.SCHEDULE_ANYWAY;
  }

  /**
   * The pods counted. Absent (the default) means the pod's own pods: a selector of the pod's
   * selector labels, filled in when the pod template renders.
   */
  public abstract Optional<LabelSelector> labelSelector();

  /**
   * The least number of eligible domains; fewer count as having zero matching pods. Only with
   * {@link WhenUnsatisfiable#DO_NOT_SCHEDULE}. Absent means 1.
   */
  public abstract OptionalInt minDomains();

  /** Whether nodes the pod's node affinity excludes count. Absent means the API default, Honor. */
  public abstract Optional<NodeInclusionPolicy> nodeAffinityPolicy();

  /** Whether nodes with taints the pod does not tolerate count. Absent means the API default, Ignore. */
  public abstract Optional<NodeInclusionPolicy> nodeTaintsPolicy();

  /**
   * Pod label keys whose values, taken from the incoming pod, narrow the pods counted (for
   * example {@code pod-template-hash}, to spread each revision on its own).
   */
  public abstract List<String> matchLabelKeys();

  /** Whether the constraint counts the pod's own pods ({@link #labelSelector()} absent). */
  public final boolean isAboutOwnPods() {
    return labelSelector().isEmpty();
  }

  /**
   * The client-java model. {@code ownPodLabels} (the pod's selector labels) become the label
   * selector when {@link #labelSelector()} is absent.
   *
   * @throws IllegalArgumentException if the constraint counts the pod's own pods and
   *     {@code ownPodLabels} is empty
   */
  public V1TopologySpreadConstraint toV1TopologySpreadConstraint(Map<String, String> ownPodLabels) {
    V1TopologySpreadConstraint rendered = new V1TopologySpreadConstraint()
        .maxSkew(maxSkew())
        .topologyKey(topologyKey())
        .whenUnsatisfiable(whenUnsatisfiable().apiValue())
        .labelSelector(OwnPods.selector(labelSelector(), ownPodLabels))
        .matchLabelKeys(Models.list(matchLabelKeys()));
    minDomains().ifPresent(rendered::setMinDomains);
    nodeAffinityPolicy().ifPresent(p -> rendered.setNodeAffinityPolicy(p.apiValue()));
    nodeTaintsPolicy().ifPresent(p -> rendered.setNodeTaintsPolicy(p.apiValue()));
    return rendered;
  }

  /** Builds a {@link TopologySpreadConstraint}; start with {@link TopologySpreadConstraint#over(String)}. */
  public static final class Builder extends ImmutableTopologySpreadConstraint.Builder {
    Builder() {}

    /** A hard constraint: pods stay pending rather than exceed the skew. */
    public Builder strict() {
      return whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE);
    }
  }
}
