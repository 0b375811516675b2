package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which pods a pod wants to be near (affinity) or away from (anti-affinity), and what "near"
 * means: the same value of the node label {@link #topologyKey()}.
 *
 * <pre>{@code
 * PodAffinityTerm.ownPods(Topology.HOSTNAME)                        // the pod's own replicas
 * PodAffinityTerm.on(Topology.ZONE)
 *     .labelSelector(LabelSelector.matching("app.kubernetes.io/name", "cache"))
 *     .namespace("infra")
 * }</pre>
 */
@Value.Immutable
public abstract class PodAffinityTerm {

  /** Starts a term whose domain is the node label {@code topologyKey} ({@link Topology}). */
  public static Builder on(String topologyKey) {
    return new Builder().topologyKey(topologyKey);
  }

  /**
   * A term about the pod's own pods (those carrying its selector labels, known when the pod
   * template renders) in the pod's namespace, per {@code topologyKey}.
   */
  public static PodAffinityTerm ownPods(String topologyKey) {
    return on(topologyKey).build();
  }

  /** The node label whose value defines a domain ({@code kubernetes.io/hostname}: each node). */
  public abstract String topologyKey();

  /**
   * The pods this term is about. Absent (the default) means the pod's own pods: a selector of
   * the pod's selector labels, filled in when the pod template renders.
   */
  public abstract Optional<LabelSelector> labelSelector();

  /**
   * Namespaces whose pods count, in addition to those selected by {@link #namespaceSelector()}.
   * With neither, only the pod's own namespace counts.
   */
  public abstract List<String> namespaces();

  /** Namespaces (by label) whose pods count; {@link LabelSelector#everything()} means all namespaces. */
  public abstract Optional<LabelSelector> namespaceSelector();

  /**
   * Pod label keys whose values, taken from the incoming pod, are added to the selector as
   * {@code key In (value)} (for example {@code pod-template-hash}).
   */
  public abstract List<String> matchLabelKeys();

  /** Pod label keys whose values, taken from the incoming pod, are added as {@code key NotIn (value)}. */
  public abstract List<String> mismatchLabelKeys();

  /** Whether the term is about the pod's own pods ({@link #labelSelector()} absent). */
  public final boolean isAboutOwnPods() {
    return labelSelector().isEmpty();
  }

  /**
   * The client-java model. {@code ownPodLabels} (the pod's selector labels) become the label
   * selector when {@link #labelSelector()} is absent.
   *
   * @throws IllegalArgumentException if the term is about the pod's own pods and
   *     {@code ownPodLabels} is empty
   */
  public V1PodAffinityTerm toV1PodAffinityTerm(Map<String, String> ownPodLabels) {
    return new V1PodAffinityTerm()
        .topologyKey(topologyKey())
        .labelSelector(OwnPods.selector(labelSelector(), ownPodLabels))
        .namespaces(Models.list(namespaces()))
        .namespaceSelector(namespaceSelector().map(LabelSelector::toV1LabelSelector).orElse(null))
        .matchLabelKeys(Models.list(matchLabelKeys()))
        .mismatchLabelKeys(Models.list(mismatchLabelKeys()));
  }

  /** Builds a {@link PodAffinityTerm}; start with {@link PodAffinityTerm#on(String)}. */
  public static final class Builder extends ImmutablePodAffinityTerm.Builder {
    Builder() {}

    /** The pods this term is about: those carrying the label {@code key=value}. */
    public Builder podsLabelled(String key, String value) {
      return labelSelector(LabelSelector.matching(key, value));
    }

    /** Counts pods in every namespace. */
    public Builder allNamespaces() {
      return namespaceSelector(LabelSelector.everything());
    }
  }
}
