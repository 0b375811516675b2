package dev.mizzen.scheduling;

import dev.mizzen.style.MizzenFacadeStyle;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1PodAffinity;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Where a pod may and should run: node selector, node affinity, pod affinity and anti-affinity,
 * tolerations and topology spread constraints, in one value.
 *
 * <pre>{@code
 * Placement web = Placement.requireNodes(NodeLabel.key("node-pool").in("general"))
 *     .preferNodes(50, NodeLabel.key(Topology.ZONE).in("zone-a"))
 *     .avoidOwnPods(Topology.HOSTNAME)
 *     .spreadOver(Topology.ZONE, 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)
 *     .tolerate(Toleration.of("dedicated", "web", TaintEffect.NO_SCHEDULE))
 *     .build();
 * }</pre>
 *
 * <p>Nothing is checked on {@code build()}: the object whose pod template holds it checks it
 * with its other checks when that object is built, so every problem of the object is reported
 * at once, with its field path; it renders with {@link #applyTo(V1PodSpec, Map)}. Terms about
 * "own pods" use the pod's selector labels, known only then.
 */
@Value.Immutable
@MizzenFacadeStyle
public abstract class Placement {
  private static final Placement NONE = new Builder().build();

  /** No constraints: the pod may run on any node without taints (it tolerates none). */
  public static Placement none() {
    return NONE;
  }

  /** Starts a placement that requires the node label {@code key=value}; see {@link Builder#nodeSelector}. */
  public static Builder nodeSelector(String key, String value) {
    return new Builder().nodeSelector(key, value);
  }

  /** Starts a placement that requires nodes meeting every one of {@code requirements}; see {@link Builder#requireNodes}. */
  public static Builder requireNodes(NodeSelectorRequirement... requirements) {
    return new Builder().requireNodes(requirements);
  }

  /** Starts a placement that prefers, with {@code weight}, nodes meeting every one of {@code requirements}. */
  public static Builder preferNodes(int weight, NodeSelectorRequirement... requirements) {
    return new Builder().preferNodes(weight, requirements);
  }

  /** Starts a placement that requires the pod to run in a domain where {@code term}'s pods run. */
  public static Builder requirePodAffinity(PodAffinityTerm.Builder term) {
    return new Builder().requirePodAffinity(term);
  }

  /** Starts a placement that prefers, with {@code weight}, domains where {@code term}'s pods run. */
  public static Builder preferPodAffinity(int weight, PodAffinityTerm.Builder term) {
    return new Builder().preferPodAffinity(weight, term);
  }

  /** Starts a placement that forbids the pod from running in a domain where {@code term}'s pods run. */
  public static Builder requirePodAntiAffinity(PodAffinityTerm.Builder term) {
    return new Builder().requirePodAntiAffinity(term);
  }

  /** Starts a placement that prefers, with {@code weight}, domains where {@code term}'s pods do not run. */
  public static Builder preferPodAntiAffinity(int weight, PodAffinityTerm.Builder term) {
    return new Builder().preferPodAntiAffinity(weight, term);
  }

  /** Starts a placement that keeps the pod's replicas apart per {@code topologyKey}; see {@link Builder#avoidOwnPods(String)}. */
  public static Builder avoidOwnPods(String topologyKey) {
    return new Builder().avoidOwnPods(topologyKey);
  }

  /** Starts a placement that allows at most one of the pod's replicas per domain; see {@link Builder#requireApartFromOwnPods}. */
  public static Builder requireApartFromOwnPods(String topologyKey) {
    return new Builder().requireApartFromOwnPods(topologyKey);
  }

  /** Starts a placement that spreads the pod's replicas over {@code topologyKey}; see {@link Builder#spreadOver(String)}. */
  public static Builder spreadOver(String topologyKey) {
    return new Builder().spreadOver(topologyKey);
  }

  /** Starts a placement that spreads the pod's replicas over {@code topologyKey}; see {@link Builder#spreadOver(String, int, WhenUnsatisfiable)}. */
  public static Builder spreadOver(String topologyKey, int maxSkew, WhenUnsatisfiable whenUnsatisfiable) {
    return new Builder().spreadOver(topologyKey, maxSkew, whenUnsatisfiable);
  }

  /** Starts a placement with the topology spread constraint {@code constraint}. */
  public static Builder spread(TopologySpreadConstraint.Builder constraint) {
    return new Builder().spread(constraint);
  }

  /** Starts a placement with the topology spread constraint {@code constraint}. */
  public static Builder spread(TopologySpreadConstraint constraint) {
    return new Builder().spread(constraint);
  }

  /** Starts a placement with the toleration {@code toleration}. */
  public static Builder tolerate(Toleration.Builder toleration) {
    return new Builder().tolerate(toleration);
  }

  /** Starts a placement with the toleration {@code toleration}. */
  public static Builder tolerate(Toleration toleration) {
    return new Builder().tolerate(toleration);
  }

  /** Starts a placement that tolerates every taint, as node-level DaemonSets need. */
  public static Builder tolerateEverything() {
    return new Builder().tolerateEverything();
  }

  /** Node labels a node must carry, with these values ({@code nodeSelector}). */
  public abstract Map<String, String> nodeSelector();

  /**
   * Required node affinity: a node must meet at least one term (terms are ORed; the
   * requirements inside a term are ANDed).
   */
  public abstract List<NodeSelectorTerm> requiredNodeTerms();

  /** Preferred node affinity: weighted terms that raise the score of nodes meeting them. */
  public abstract List<PreferredSchedulingTerm> preferredNodeTerms();

  /** Required pod affinity: the pod only runs in a domain where every term's pods already run. */
  public abstract List<PodAffinityTerm> requiredPodAffinityTerms();

  /** Preferred pod affinity: weighted terms that favour domains where the term's pods run. */
  public abstract List<WeightedPodAffinityTerm> preferredPodAffinityTerms();

  /** Required pod anti-affinity: the pod never runs in a domain where any term's pods run. */
  public abstract List<PodAffinityTerm> requiredPodAntiAffinityTerms();

  /** Preferred pod anti-affinity: weighted terms that disfavour domains where the term's pods run. */
  public abstract List<WeightedPodAffinityTerm> preferredPodAntiAffinityTerms();

  /** Taints the pod tolerates. */
  public abstract List<Toleration> tolerations();

  /** How the pod's replicas (or other pods) spread over topology domains. */
  public abstract List<TopologySpreadConstraint> topologySpreadConstraints();

  /** Whether this placement constrains nothing (as {@link #none()}). */
  public final boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * Sets {@code nodeSelector}, {@code affinity}, {@code tolerations} and
   * {@code topologySpreadConstraints} of {@code spec}, replacing what was there; each is left
   * {@code null} when this placement has nothing for it.
   *
   * @param ownPodLabels the pod's selector labels, used by terms and spread constraints about
   *     the pod's own pods (those without a label selector of their own)
   * @throws IllegalArgumentException if a term is about own pods and {@code ownPodLabels} is empty
   */
  public void applyTo(V1PodSpec spec, Map<String, String> ownPodLabels) {
    spec.setNodeSelector(Models.map(nodeSelector()));
    spec.setAffinity(renderAffinity(ownPodLabels));
    spec.setTolerations(Models.list(tolerations(), Toleration::toV1Toleration));
    spec.setTopologySpreadConstraints(
        Models.list(topologySpreadConstraints(), c -> c.toV1TopologySpreadConstraint(ownPodLabels)));
  }

  private V1Affinity renderAffinity(Map<String, String> own) {
    V1NodeAffinity nodeAffinity = null;
    if (!requiredNodeTerms().isEmpty() || !preferredNodeTerms().isEmpty()) {
      nodeAffinity = new V1NodeAffinity()
          .requiredDuringSchedulingIgnoredDuringExecution(requiredNodeTerms().isEmpty() ? null
              : new V1NodeSelector().nodeSelectorTerms(
                  Models.list(requiredNodeTerms(), NodeSelectorTerm::toV1NodeSelectorTerm)))
          .preferredDuringSchedulingIgnoredDuringExecution(
              Models.list(preferredNodeTerms(), PreferredSchedulingTerm::toV1PreferredSchedulingTerm));
    }
    V1PodAffinity podAffinity = null;
    if (!requiredPodAffinityTerms().isEmpty() || !preferredPodAffinityTerms().isEmpty()) {
      podAffinity = new V1PodAffinity()
          .requiredDuringSchedulingIgnoredDuringExecution(
              Models.list(requiredPodAffinityTerms(), t -> t.toV1PodAffinityTerm(own)))
          .preferredDuringSchedulingIgnoredDuringExecution(
              Models.list(preferredPodAffinityTerms(), t -> t.toV1WeightedPodAffinityTerm(own)));
    }
    V1PodAntiAffinity podAntiAffinity = null;
    if (!requiredPodAntiAffinityTerms().isEmpty() || !preferredPodAntiAffinityTerms().isEmpty()) {
      podAntiAffinity = new V1PodAntiAffinity()
          .requiredDuringSchedulingIgnoredDuringExecution(
              Models.list(requiredPodAntiAffinityTerms(), t -> t.toV1PodAffinityTerm(own)))
          .preferredDuringSchedulingIgnoredDuringExecution(
              Models.list(preferredPodAntiAffinityTerms(), t -> t.toV1WeightedPodAffinityTerm(own)));
    }
    if (nodeAffinity == null && podAffinity == null && podAntiAffinity == null) {
      return null;
    }
    return new V1Affinity().nodeAffinity(nodeAffinity).podAffinity(podAffinity).podAntiAffinity(podAntiAffinity);
  }

  /**
   * Builds a {@link Placement} with the phrases below, one spelling each; each call adds to
   * what is there. The generated builder behind it stays package-private.
   */
  public static final class Builder {
    private final ImmutablePlacement.Builder generated = ImmutablePlacement.builder();

    Builder() {}

    /** Requires the node label {@code key=value} ({@code nodeSelector}). */
    public Builder nodeSelector(String key, String value) {
      generated.nodeSelector(key, value);
      return this;
    }

    /**
     * Requires nodes meeting every one of {@code requirements} (ANDed, one node selector term).
     * Each call adds another term, and terms are ORed: {@code requireNodes(a).requireNodes(b)}
     * accepts nodes meeting {@code a} or {@code b}. To AND, pass all requirements in one call.
     */
    public Builder requireNodes(NodeSelectorRequirement... requirements) {
      generated.addRequiredNodeTerm(NodeSelectorTerm.of(requirements));
      return this;
    }

    /** Prefers, with {@code weight} (1..100), nodes meeting every one of {@code requirements}. */
    public Builder preferNodes(int weight, NodeSelectorRequirement... requirements) {
      generated.addPreferredNodeTerm(PreferredSchedulingTerm.of(weight, NodeSelectorTerm.of(requirements)));
      return this;
    }

    /** Requires the pod to run in a domain where {@code term}'s pods run. */
    public Builder requirePodAffinity(PodAffinityTerm.Builder term) {
      generated.addRequiredPodAffinityTerm(term.build());
      return this;
    }

    /** Prefers, with {@code weight} (1..100), domains where {@code term}'s pods run. */
    public Builder preferPodAffinity(int weight, PodAffinityTerm.Builder term) {
      generated.addPreferredPodAffinityTerm(WeightedPodAffinityTerm.of(weight, term.build()));
      return this;
    }

    /** Forbids the pod from running in a domain where {@code term}'s pods run. */
    public Builder requirePodAntiAffinity(PodAffinityTerm.Builder term) {
      generated.addRequiredPodAntiAffinityTerm(term.build());
      return this;
    }

    /** Prefers, with {@code weight} (1..100), domains where {@code term}'s pods do not run. */
    public Builder preferPodAntiAffinity(int weight, PodAffinityTerm.Builder term) {
      generated.addPreferredPodAntiAffinityTerm(WeightedPodAffinityTerm.of(weight, term.build()));
      return this;
    }

    /**
     * Prefers to keep the pod away from its own replicas per {@code topologyKey}
     * ({@link Topology#HOSTNAME}: one per node where possible): preferred pod anti-affinity
     * against the pod's own selector labels, with weight 100, the strongest preference.
     */
    public Builder avoidOwnPods(String topologyKey) {
      return avoidOwnPods(topologyKey, 100);
    }

    /** As {@link #avoidOwnPods(String)}, with {@code weight} (1..100). */
    public Builder avoidOwnPods(String topologyKey, int weight) {
      generated.addPreferredPodAntiAffinityTerm(
          WeightedPodAffinityTerm.of(weight, PodAffinityTerm.ownPods(topologyKey)));
      return this;
    }

    /**
     * Requires at most one of the pod's own replicas per domain of {@code topologyKey}:
     * required pod anti-affinity against the pod's own selector labels. Replicas beyond the
     * number of domains stay pending.
     */
    public Builder requireApartFromOwnPods(String topologyKey) {
      generated.addRequiredPodAntiAffinityTerm(PodAffinityTerm.ownPods(topologyKey));
      return this;
    }

    /** Tolerates {@code toleration}. */
    public Builder tolerate(Toleration toleration) {
      generated.addToleration(toleration);
      return this;
    }

    /** Tolerates {@code toleration}. */
    public Builder tolerate(Toleration.Builder toleration) {
      generated.addToleration(toleration.build());
      return this;
    }

    /** Tolerates every taint ({@link Toleration#everything()}), as node-level DaemonSets need. */
    public Builder tolerateEverything() {
      return tolerate(Toleration.everything());
    }

    /**
     * Spreads the pod's own replicas over the domains of {@code topologyKey} with the
     * defaults of {@link TopologySpreadConstraint}: maxSkew 1, ScheduleAnyway.
     */
    public Builder spreadOver(String topologyKey) {
      generated.addTopologySpreadConstraint(TopologySpreadConstraint.over(topologyKey).build());
      return this;
    }

    /** Spreads the pod's own replicas over the domains of {@code topologyKey}. */
    public Builder spreadOver(String topologyKey, int maxSkew, WhenUnsatisfiable whenUnsatisfiable) {
      generated.addTopologySpreadConstraint(TopologySpreadConstraint.over(topologyKey)
          .maxSkew(maxSkew)
          .whenUnsatisfiable(whenUnsatisfiable)
          .build());
      return this;
    }

    /** Adds the topology spread constraint {@code constraint}. */
    public Builder spread(TopologySpreadConstraint.Builder constraint) {
      generated.addTopologySpreadConstraint(constraint.build());
      return this;
    }

    /** Adds the topology spread constraint {@code constraint}. */
    public Builder spread(TopologySpreadConstraint constraint) {
      generated.addTopologySpreadConstraint(constraint);
      return this;
    }

    /** Adds every constraint of {@code other} to this placement. */
    public Builder merge(Placement other) {
      generated.nodeSelector(other.nodeSelector());
      generated.addAllRequiredNodeTerms(other.requiredNodeTerms());
      generated.addAllPreferredNodeTerms(other.preferredNodeTerms());
      generated.addAllRequiredPodAffinityTerms(other.requiredPodAffinityTerms());
      generated.addAllPreferredPodAffinityTerms(other.preferredPodAffinityTerms());
      generated.addAllRequiredPodAntiAffinityTerms(other.requiredPodAntiAffinityTerms());
      generated.addAllPreferredPodAntiAffinityTerms(other.preferredPodAntiAffinityTerms());
      generated.addAllTolerations(other.tolerations());
      generated.addAllTopologySpreadConstraints(other.topologySpreadConstraints());
      return this;
    }

    /** The placement. */
    public Placement build() {
      return generated.build();
    }
  }
}
