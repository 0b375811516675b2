package dev.mizzen.scheduling.internal;

import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.scheduling.LabelSelectorRequirement;
import dev.mizzen.scheduling.NodeSelectorOperator;
import dev.mizzen.scheduling.NodeSelectorRequirement;
import dev.mizzen.scheduling.NodeSelectorTerm;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.PodAffinityTerm;
import dev.mizzen.scheduling.PreferredSchedulingTerm;
import dev.mizzen.scheduling.Taint;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Toleration;
import dev.mizzen.scheduling.TolerationOperator;
import dev.mizzen.scheduling.TopologySpreadConstraint;
import dev.mizzen.scheduling.WeightedPodAffinityTerm;
import dev.mizzen.scheduling.WhenUnsatisfiable;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API server's checks of the placement vocabulary (k8s.io/kubernetes/pkg/apis/core/validation),
 * reading each value's public accessors. A pod template runs {@link #validate(Validation, Placement)}
 * with its other checks and a node runs {@link #validate(Validation, Taint)}, so every problem
 * of an object is reported at once, at the path of the rendered field. Each method adds its
 * problems to {@code v}, positioned at the value.
 */
public final class PlacementChecks {
  private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
  private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

  private PlacementChecks() {}

  /**
   * Checks {@code placement}; {@code atPodSpec} is positioned at the pod spec (for example
   * {@code spec.template.spec}), so problems land at {@code nodeSelector[key]},
   * {@code affinity.nodeAffinity...}, {@code tolerations[i]...},
   * {@code topologySpreadConstraints[i]...}.
   */
  public static void validate(Validation atPodSpec, Placement placement) {
    validate(atPodSpec, placement, Set.of());
  }

  /**
   * As {@link #validate(Validation, Placement)}, where terms about the pod's own pods (no label
   * selector of their own) render with a selector of {@code ownPodSelectorKeys}: their
   * {@code matchLabelKeys} must not repeat those keys either, as the API server would see them
   * in the rendered selector.
   */
  public static void validate(Validation atPodSpec, Placement placement, Set<String> ownPodSelectorKeys) {
    validateLabels(atPodSpec.field("nodeSelector"), placement.nodeSelector());
    Validation affinity = atPodSpec.field("affinity");
    Validation nodeAffinity = affinity.field("nodeAffinity");
    Validation requiredTerms = nodeAffinity.field(REQUIRED).field("nodeSelectorTerms");
    for (int i = 0; i < placement.requiredNodeTerms().size(); i++) {
      validate(requiredTerms.index(i), placement.requiredNodeTerms().get(i));
    }
    for (int i = 0; i < placement.preferredNodeTerms().size(); i++) {
      validate(nodeAffinity.field(PREFERRED).index(i), placement.preferredNodeTerms().get(i));
    }
    validatePodTerms(affinity.field("podAffinity"),
        placement.requiredPodAffinityTerms(), placement.preferredPodAffinityTerms(), ownPodSelectorKeys);
    validatePodTerms(affinity.field("podAntiAffinity"),
        placement.requiredPodAntiAffinityTerms(), placement.preferredPodAntiAffinityTerms(), ownPodSelectorKeys);
    for (int i = 0; i < placement.tolerations().size(); i++) {
      validate(atPodSpec.field("tolerations").index(i), placement.tolerations().get(i));
    }
    validateSpread(atPodSpec.field("topologySpreadConstraints"), placement.topologySpreadConstraints(),
        ownPodSelectorKeys);
  }

  private static void validatePodTerms(Validation v, List<PodAffinityTerm> required,
      List<WeightedPodAffinityTerm> preferred, Set<String> ownPodSelectorKeys) {
    for (int i = 0; i < required.size(); i++) {
      validate(v.field(REQUIRED).index(i), required.get(i), ownPodSelectorKeys);
    }
    for (int i = 0; i < preferred.size(); i++) {
      Validation at = v.field(PREFERRED).index(i);
      at.field("weight").checkRange(preferred.get(i).weight(), 1, 100);
      validate(at.field("podAffinityTerm"), preferred.get(i).podAffinityTerm(), ownPodSelectorKeys);
    }
  }

  private static void validateSpread(
      Validation v, List<TopologySpreadConstraint> constraints, Set<String> ownPodSelectorKeys) {
    Map<String, Integer> firstByPair = new HashMap<>();
    for (int i = 0; i < constraints.size(); i++) {
      TopologySpreadConstraint constraint = constraints.get(i);
      Validation at = v.index(i);
      validate(at, constraint, ownPodSelectorKeys);
      String pair = "{" + constraint.topologyKey() + ", " + constraint.whenUnsatisfiable().apiValue() + "}";
      Integer first = firstByPair.putIfAbsent(pair, i);
      at.check(first == null,
          "duplicate {topologyKey, whenUnsatisfiable} pair %s, already at topologySpreadConstraints[%s]:"
              + " merge the two constraints", pair, first);
    }
  }

  /**
   * Checks a node selector term: requirements land at {@code matchExpressions[i]} and
   * {@code matchFields[i]}. A term without requirements is a problem, stricter than the API
   * server: as a required term it matches no node, as a preference it changes no score.
   */
  public static void validate(Validation v, NodeSelectorTerm term) {
    v.check(!term.requirements().isEmpty(),
        "must have at least one requirement (matchExpressions or matchFields), was empty");
    List<NodeSelectorRequirement> expressions = term.matchExpressions();
    for (int i = 0; i < expressions.size(); i++) {
      validate(v.field("matchExpressions").index(i), expressions.get(i));
    }
    List<NodeSelectorRequirement> fields = term.matchFields();
    for (int i = 0; i < fields.size(); i++) {
      validate(v.field("matchFields").index(i), fields.get(i));
    }
  }

  /**
   * Checks a preferred node term: {@code weight} must be 1..100
   * ({@code ValidatePreferredSchedulingTerms}), the preference lands at {@code preference}.
   */
  public static void validate(Validation v, PreferredSchedulingTerm term) {
    v.field("weight").checkRange(term.weight(), 1, 100);
    validate(v.field("preference"), term.preference());
  }

  /**
   * Checks a node requirement as the API server's {@code ValidateNodeSelectorRequirement} and
   * {@code ValidateNodeFieldSelectorRequirement} do; {@code v} is at the requirement
   * ({@code ...matchExpressions[0]}).
   */
  public static void validate(Validation v, NodeSelectorRequirement requirement) {
    if (requirement.onField()) {
      validateField(v, requirement);
    } else {
      validateLabel(v, requirement);
    }
  }

  private static void validateLabel(Validation v, NodeSelectorRequirement requirement) {
    List<String> values = requirement.values();
    NodeSelectorOperator operator = requirement.operator();
    Names.checkQualifiedName(v.field("key"), requirement.key());
    Validation atValues = v.field("values");
    switch (operator) {
      case IN, NOT_IN -> {
        atValues.check(!values.isEmpty(), "must not be empty when operator is %s", operator.apiValue());
        checkLabelValues(atValues, values);
      }
      case EXISTS, DOES_NOT_EXIST -> atValues.check(values.isEmpty(),
          "must be empty when operator is %s, was %s", operator.apiValue(), values);
      case GREATER_THAN, LESS_THAN -> {
        if (atValues.check(values.size() == 1,
            "must be exactly one integer when operator is %s, was %s", operator.apiValue(), values)) {
          if (atValues.index(0).check(isInteger(values.get(0)),
              "must be an integer when operator is %s, was '%s'", operator.apiValue(), values.get(0))) {
            checkLabelValues(atValues, values);
          }
        }
      }
    }
  }

  private static void validateField(Validation v, NodeSelectorRequirement requirement) {
    List<String> values = requirement.values();
    NodeSelectorOperator operator = requirement.operator();
    v.field("key").check(requirement.key().equals(NodeSelectorRequirement.NODE_NAME_FIELD),
        "must be %s, the only node field a selector can use, was '%s'", NodeSelectorRequirement.NODE_NAME_FIELD,
        requirement.key());
    v.field("operator").check(operator == NodeSelectorOperator.IN || operator == NodeSelectorOperator.NOT_IN,
        "must be In or NotIn for a node field, was %s", operator.apiValue());
    Validation atValues = v.field("values");
    if (atValues.check(values.size() == 1,
        "must be exactly one node name for a node field, was %s", values)) {
      Names.checkDns1123Subdomain(atValues.index(0), values.get(0));
    }
  }

  private static void checkLabelValues(Validation atValues, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      Names.checkLabelValue(atValues.index(i), values.get(i));
    }
  }

  private static boolean isInteger(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Checks a pod affinity term ({@code validatePodAffinityTerm}): topologyKey present and a
   * qualified name; selectors valid; namespaces DNS labels; matchLabelKeys and
   * mismatchLabelKeys qualified names, disjoint, and matchLabelKeys not in the label selector.
   */
  public static void validate(Validation v, PodAffinityTerm term) {
    validate(v, term, Set.of());
  }

  private static void validate(Validation v, PodAffinityTerm term, Set<String> ownPodSelectorKeys) {
    validateTopologyKey(v.field("topologyKey"), term.topologyKey());
    term.labelSelector().ifPresent(s -> validate(v.field("labelSelector"), s));
    term.namespaceSelector().ifPresent(s -> validate(v.field("namespaceSelector"), s));
    for (int i = 0; i < term.namespaces().size(); i++) {
      Names.checkDns1123Label(v.field("namespaces").index(i), term.namespaces().get(i));
    }
    validateKeys(v.field("matchLabelKeys"), term.matchLabelKeys());
    validateKeys(v.field("mismatchLabelKeys"), term.mismatchLabelKeys());
    Set<String> selectorKeys = term.labelSelector().map(LabelSelector::keys).orElse(ownPodSelectorKeys);
    Set<String> mismatch = new HashSet<>(term.mismatchLabelKeys());
    for (int i = 0; i < term.matchLabelKeys().size(); i++) {
      String key = term.matchLabelKeys().get(i);
      Validation at = v.field("matchLabelKeys").index(i);
      at.check(!mismatch.contains(key),
          "'%s' must not be in both matchLabelKeys and mismatchLabelKeys", key);
      at.check(!selectorKeys.contains(key),
          "'%s' must not be in both matchLabelKeys and labelSelector", key);
    }
  }

  /**
   * Checks a weighted pod affinity term ({@code validateWeightedPodAffinityTerms}):
   * {@code weight} 1..100, the term at {@code podAffinityTerm}.
   */
  public static void validate(Validation v, WeightedPodAffinityTerm term) {
    v.field("weight").checkRange(term.weight(), 1, 100);
    validate(v.field("podAffinityTerm"), term.podAffinityTerm());
  }

  /**
   * Checks a toleration as the API server's {@code ValidateTolerations}: a qualified key when
   * present; {@code Exists} when the key is absent; {@code tolerationSeconds} only with
   * {@code NoExecute}; a label value with {@code Equal}; no value with {@code Exists}.
   * Stricter: the period must be whole, non-negative seconds.
   */
  public static void validate(Validation v, Toleration toleration) {
    toleration.key().filter(k -> !k.isEmpty()).ifPresent(k -> Names.checkQualifiedName(v.field("key"), k));
    if (toleration.key().map(String::isEmpty).orElse(true)) {
      v.field("operator").check(toleration.operator() == TolerationOperator.EXISTS,
          "must be Exists when key is empty (an empty key with Exists tolerates every taint), was %s",
          toleration.operator().apiValue());
    }
    switch (toleration.operator()) {
      case EQUAL -> toleration.value().ifPresent(value -> Names.checkLabelValue(v.field("value"), value));
      case EXISTS -> toleration.value().ifPresent(value -> v.field("value").check(value.isEmpty(),
          "must be empty when operator is Exists, was '%s'", value));
    }
    toleration.tolerationPeriod().ifPresent(period -> {
      Validation seconds = v.field("tolerationSeconds");
      seconds.check(toleration.effect().equals(Optional.of(TaintEffect.NO_EXECUTE)),
          "may only be set when effect is NoExecute, was %s",
          toleration.effect().map(TaintEffect::apiValue).orElse("every effect"));
      Seconds.check(seconds, period, 0, Seconds.INT64);
    });
  }

  /**
   * Checks a topology spread constraint ({@code validateTopologySpreadConstraints}): maxSkew 1
   * or more; topologyKey present (and, stricter, a qualified name); minDomains 1 or more and
   * only with DoNotSchedule; matchLabelKeys qualified names and not in the label selector; the
   * selector valid. Duplicate (topologyKey, whenUnsatisfiable) pairs are the placement's to check.
   */
  public static void validate(Validation v, TopologySpreadConstraint constraint) {
    validate(v, constraint, Set.of());
  }

  private static void validate(
      Validation v, TopologySpreadConstraint constraint, Set<String> ownPodSelectorKeys) {
    v.field("maxSkew").checkAtLeast(constraint.maxSkew(), 1);
    validateTopologyKey(v.field("topologyKey"), constraint.topologyKey());
    constraint.minDomains().ifPresent(min -> {
      Validation at = v.field("minDomains");
      at.checkAtLeast(min, 1);
      at.check(constraint.whenUnsatisfiable() == WhenUnsatisfiable.DO_NOT_SCHEDULE,
          "may only be set when whenUnsatisfiable is DoNotSchedule, was %s",
          constraint.whenUnsatisfiable().apiValue());
    });
    validateKeys(v.field("matchLabelKeys"), constraint.matchLabelKeys());
    Set<String> selectorKeys = constraint.labelSelector().map(LabelSelector::keys).orElse(ownPodSelectorKeys);
    for (int i = 0; i < constraint.matchLabelKeys().size(); i++) {
      String key = constraint.matchLabelKeys().get(i);
      v.field("matchLabelKeys").index(i).check(!selectorKeys.contains(key),
          "'%s' must not be in both matchLabelKeys and labelSelector", key);
    }
    constraint.labelSelector().ifPresent(s -> validate(v.field("labelSelector"), s));
  }

  /**
   * Checks a label selector ({@code ValidateLabelSelector}): labels at {@code matchLabels[key]},
   * expressions at {@code matchExpressions[i]}.
   */
  public static void validate(Validation v, LabelSelector selector) {
    validateLabels(v.field("matchLabels"), selector.matchLabels());
    for (int i = 0; i < selector.matchExpressions().size(); i++) {
      validate(v.field("matchExpressions").index(i), selector.matchExpressions().get(i));
    }
  }

  /**
   * Checks a label selector expression as the API server's {@code ValidateLabelSelectorRequirement}:
   * a qualified key; values for {@code In} and {@code NotIn}, none for {@code Exists} and
   * {@code DoesNotExist}; each value a label value.
   */
  public static void validate(Validation v, LabelSelectorRequirement requirement) {
    List<String> values = requirement.values();
    Names.checkQualifiedName(v.field("key"), requirement.key());
    Validation atValues = v.field("values");
    switch (requirement.operator()) {
      case IN, NOT_IN -> atValues.check(!values.isEmpty(),
          "must not be empty when operator is %s", requirement.operator().apiValue());
      case EXISTS, DOES_NOT_EXIST -> atValues.check(values.isEmpty(),
          "must be empty when operator is %s, was %s", requirement.operator().apiValue(), values);
    }
    for (int i = 0; i < values.size(); i++) {
      Names.checkLabelValue(atValues.index(i), values.get(i));
    }
  }

  /**
   * Checks a taint ({@code validateNodeTaints}): {@code key} a qualified name, {@code value} a
   * label value. Uniqueness of (key, effect) is the node's to check.
   */
  public static void validate(Validation v, Taint taint) {
    Names.checkQualifiedName(v.field("key"), taint.key());
    Names.checkLabelValue(v.field("value"), taint.value());
  }

  /** Each key a qualified name and each value a label value; problems land at {@code [key]}. */
  private static void validateLabels(Validation labels, Map<String, String> values) {
    values.forEach((key, value) -> {
      Validation entry = labels.key(key);
      Names.checkQualifiedName(entry, key);
      Names.checkLabelValue(entry, value);
    });
  }

  /** Each key a qualified name; problems land at {@code [index]}. */
  private static void validateKeys(Validation keys, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      Names.checkQualifiedName(keys.index(i), values.get(i));
    }
  }

  /** A topology key: present and a qualified name (node label keys are). */
  private static void validateTopologyKey(Validation topologyKey, String key) {
    if (topologyKey.check(!key.isEmpty(),
        "must not be empty: name a node label such as topology.kubernetes.io/zone")) {
      Names.checkQualifiedName(topologyKey, key);
    }
  }
}
