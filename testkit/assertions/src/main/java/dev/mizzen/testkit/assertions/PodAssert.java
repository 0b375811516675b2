package dev.mizzen.testkit.assertions;

import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.scheduling.Taint;
import dev.mizzen.scheduling.TaintEffect;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Assertions on a pod template (or a bare pod spec): its containers, security, placement and
 * identity. Pod-wide checks look at every container and report each offender on its own line.
 */
public class PodAssert extends AbstractMizzenAssert<PodAssert, V1PodTemplateSpec> {
  private boolean bareSpec;

  /** An assert on {@code actual}, named {@code PodTemplate} in messages. */
  public PodAssert(V1PodTemplateSpec actual) {
    super(actual, PodAssert.class, "PodTemplate");
  }

  /** Marks the spec as the root of this assert's location (a bare {@code V1PodSpec}, no template around it). */
  final PodAssert specAtRoot() {
    this.bareSpec = true;
    return myself;
  }

  private Location specLocation() {
    return bareSpec ? location() : location().field("spec");
  }

  private V1PodSpec spec() {
    return actual.getSpec() == null ? new V1PodSpec() : actual.getSpec();
  }

  private Map<String, String> podLabels() {
    return actual.getMetadata() == null || actual.getMetadata().getLabels() == null
        ? Map.of() : actual.getMetadata().getLabels();
  }

  /** Navigates to the app container named {@code name}; fails when there is none. */
  public ContainerAssert container(String name) {
    return container("containers", actual == null ? null : spec().getContainers(), name);
  }

  /** Navigates to the init container (or native sidecar) named {@code name}; fails when there is none. */
  public ContainerAssert initContainer(String name) {
    return container("initContainers", actual == null ? null : spec().getInitContainers(), name);
  }

  private ContainerAssert container(String field, List<V1Container> containers, String name) {
    List<V1Container> list = containers == null ? List.of() : containers;
    V1Container found = list.stream().filter(c -> name.equals(c.getName())).findFirst().orElse(null);
    List<String> names = list.stream().map(V1Container::getName).toList();
    return navigate(ContainerAssert.class, V1Container.class, ContainerAssert::new, found,
        () -> new V1Container().name(name), specLocation().field(field).key(name),
        () -> "expected a container named " + quote(name) + ", but found " + names)
        .inPod(actual == null ? null : spec().getSecurityContext());
  }

  /** Every container, init containers first, each with its assert (at its own location). */
  private List<ContainerAssert> containers(boolean withInit) {
    List<ContainerAssert> asserts = new ArrayList<>();
    V1PodSpec spec = spec();
    if (withInit && spec.getInitContainers() != null) {
      spec.getInitContainers().forEach(c -> asserts.add(delegate(ContainerAssert::new, c,
          specLocation().field("initContainers").key(c.getName())).inPod(spec.getSecurityContext())));
    }
    if (spec.getContainers() != null) {
      spec.getContainers().forEach(c -> asserts.add(delegate(ContainerAssert::new, c,
          specLocation().field("containers").key(c.getName())).inPod(spec.getSecurityContext())));
    }
    return asserts;
  }

  /** Runs {@code check} on every container and fails with every failure, one per line. */
  private PodAssert everyContainer(boolean withInit, Function<ContainerAssert, ContainerAssert> check) {
    requireActual();
    List<String> problems = new ArrayList<>();
    for (ContainerAssert container : containers(withInit)) {
      try {
        check.apply(container);
      } catch (AssertionError e) {
        problems.add(e.getMessage());
      }
    }
    failAll(problems);
    return myself;
  }

  /**
   * Asserts every container, init containers included, runs as non-root (see {@link
   * ContainerAssert#runsAsNonRoot()}).
   */
  public PodAssert runsAsNonRoot() {
    return everyContainer(true, ContainerAssert::runsAsNonRoot);
  }

  /** Asserts every container, init containers included, has CPU and memory requests and a memory limit. */
  public PodAssert hasResources() {
    return everyContainer(true, ContainerAssert::hasResources);
  }

  /** Asserts every app container has a readiness and a liveness probe. */
  public PodAssert hasProbes() {
    return everyContainer(false, ContainerAssert::hasProbes);
  }

  /** Asserts every container, init containers included, has a pinned image (a digest or a tag other than latest). */
  public PodAssert hasPinnedImages() {
    return everyContainer(true, ContainerAssert::hasPinnedImage);
  }

  /** Asserts the pods run as service account {@code name}. */
  public PodAssert hasServiceAccount(String name) {
    requireActual();
    String found = spec().getServiceAccountName();
    if (!Objects.equals(name, found)) {
      failAt(specLocation().field("serviceAccountName"), "expected " + quote(name) + ", but was "
          + (found == null ? "unset (the namespace's \"default\" service account)" : quote(found)));
    }
    return myself;
  }

  /** Asserts {@code automountServiceAccountToken: false}: the pods hold no API credentials. */
  public PodAssert doesNotMountServiceAccountToken() {
    requireActual();
    Boolean automount = spec().getAutomountServiceAccountToken();
    if (!Boolean.FALSE.equals(automount)) {
      failAt(specLocation().field("automountServiceAccountToken"), "expected false, but was "
          + (automount == null ? "unset (the API server mounts the token by default)" : "true"));
    }
    return myself;
  }

  /**
   * Asserts the pods spread over {@code topologyKey}: a topology spread constraint, or a required
   * or preferred pod anti-affinity term, on that key whose label selector selects the pods' own
   * labels (when the template has labels; any selector is accepted for a bare pod spec).
   */
  public PodAssert isSpreadOver(String topologyKey) {
    requireActual();
    V1PodSpec spec = spec();
    List<String> found = new ArrayList<>();
    List<V1TopologySpreadConstraint> constraints =
        spec.getTopologySpreadConstraints() == null ? List.of() : spec.getTopologySpreadConstraints();
    for (int i = 0; i < constraints.size(); i++) {
      V1TopologySpreadConstraint c = constraints.get(i);
      String where = "topologySpreadConstraints[" + i + "]";
      if (spreads(topologyKey, c.getTopologyKey(), c.getLabelSelector(), where, found)) {
        return myself;
      }
    }
    V1Affinity affinity = spec.getAffinity();
    V1PodAntiAffinity anti = affinity == null ? null : affinity.getPodAntiAffinity();
    if (anti != null) {
      List<V1PodAffinityTerm> required = anti.getRequiredDuringSchedulingIgnoredDuringExecution() == null
          ? List.of() : anti.getRequiredDuringSchedulingIgnoredDuringExecution();
      for (int i = 0; i < required.size(); i++) {
        V1PodAffinityTerm term = required.get(i);
        String where = "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[" + i + "]";
        if (spreads(topologyKey, term.getTopologyKey(), term.getLabelSelector(), where, found)) {
          return myself;
        }
      }
      List<V1WeightedPodAffinityTerm> preferred = anti.getPreferredDuringSchedulingIgnoredDuringExecution() == null
          ? List.of() : anti.getPreferredDuringSchedulingIgnoredDuringExecution();
      for (int i = 0; i < preferred.size(); i++) {
        V1PodAffinityTerm term = preferred.get(i).getPodAffinityTerm();
        String where = "affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[" + i + "]";
        if (term != null && spreads(topologyKey, term.getTopologyKey(), term.getLabelSelector(), where, found)) {
          return myself;
        }
      }
    }
    failAt(specLocation(), "expected the pods to spread over " + topologyKey + " (a topologySpreadConstraint or a"
        + " pod anti-affinity term on that key, selecting the pods' own labels), but found "
        + (found.isEmpty() ? "neither" : String.join("; ", found)));
    return myself;
  }

  private boolean spreads(String wanted, String key, V1LabelSelector selector, String where, List<String> found) {
    Map<String, String> labels = podLabels();
    boolean selectsOwnPods = labels.isEmpty() ? selector != null : LabelSelector.matches(selector, labels);
    if (wanted.equals(key) && selectsOwnPods) {
      return true;
    }
    found.add(where + " on " + key + (wanted.equals(key)
        ? " selecting " + LabelSelectors.describe(selector) + ", which does not select the pods' labels "
            + LabelSelectors.describe(labels)
        : ""));
    return false;
  }

  /** Asserts a toleration of the taint {@code key=value:effect} ({@code effect}: {@code NoSchedule}, ...). */
  public PodAssert toleratesTaint(String key, String value, String effect) {
    requireActual();
    List<V1Toleration> tolerations = spec().getTolerations() == null ? List.of() : spec().getTolerations();
    if (tolerations.stream().noneMatch(t -> Tolerations.tolerates(t, key, value, effect))) {
      failAt(specLocation().field("tolerations"), "expected a toleration of the taint "
          + Tolerations.describeTaint(key, value, effect) + ", but found "
          + tolerations.stream().map(Tolerations::describe).toList());
    }
    return myself;
  }

  /** Asserts a toleration of the taint {@code key=value:effect}. */
  public PodAssert toleratesTaint(String key, String value, TaintEffect effect) {
    return toleratesTaint(key, value, effect.apiValue());
  }

  /** Asserts a toleration of {@code taint}. */
  public PodAssert toleratesTaint(Taint taint) {
    return toleratesTaint(taint.key(), taint.value(), taint.effect().apiValue());
  }

  /**
   * Asserts the pods tolerate every taint: a toleration with operator {@code Exists}, no key and
   * no effect (as node agents in DaemonSets carry).
   */
  public PodAssert toleratesEveryTaint() {
    requireActual();
    List<V1Toleration> tolerations = spec().getTolerations() == null ? List.of() : spec().getTolerations();
    boolean everything = tolerations.stream().anyMatch(t -> "Exists".equals(t.getOperator())
        && (t.getKey() == null || t.getKey().isEmpty()) && (t.getEffect() == null || t.getEffect().isEmpty()));
    if (!everything) {
      failAt(specLocation().field("tolerations"), "expected a toleration of every taint (operator Exists, no key,"
          + " no effect), but found " + tolerations.stream().map(Tolerations::describe).toList());
    }
    return myself;
  }
}
