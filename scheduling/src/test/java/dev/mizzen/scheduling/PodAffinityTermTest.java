package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodAffinityTermTest {
  private static final Map<String, String> OWN =
      ImmutableMap.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop");

  private static List<String> problems(java.util.function.Consumer<Validation> validate) {
    Validation v = Validation.of("pod/p");
    validate.accept(v.field("t"));
    return v.problems().stream().map(Problem::toString).toList();
  }

  private static V1LabelSelector ownSelector() {
    return new V1LabelSelector().matchLabels(OWN).matchExpressions(null);
  }

  @Test
  void ownPodsUsesThePodsSelectorLabelsAtRenderTime() {
    PodAffinityTerm term = PodAffinityTerm.ownPods(Topology.HOSTNAME);
    assertThat(term.isAboutOwnPods()).isTrue();
    assertThat(term.toV1PodAffinityTerm(OWN)).isEqualTo(new V1PodAffinityTerm()
        .topologyKey("kubernetes.io/hostname")
        .labelSelector(ownSelector())
        .namespaces(null)
        .matchLabelKeys(null)
        .mismatchLabelKeys(null));
  }

  @Test
  void ownPodsWithoutLabelsIsAnErrorNotASelectorOfEveryPod() {
    assertThatThrownBy(() -> PodAffinityTerm.ownPods(Topology.ZONE).toV1PodAffinityTerm(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ownPodLabels must not be empty");
  }

  @Test
  void rendersEveryFieldOfAnExplicitTerm() {
    PodAffinityTerm term = PodAffinityTerm.on(Topology.ZONE)
        .labelSelector(LabelSelector.of(Label.key("app.kubernetes.io/name").in("cache")))
        .namespaces("infra", "shop")
        .namespaceSelector(LabelSelector.matching("team", "platform"))
        .matchLabelKey("pod-template-hash")
        .mismatchLabelKey("tenant")
        .build();

    assertThat(term.isAboutOwnPods()).isFalse();
    assertThat(term.toV1PodAffinityTerm(Map.of())).isEqualTo(new V1PodAffinityTerm()
        .topologyKey("topology.kubernetes.io/zone")
        .labelSelector(new V1LabelSelector()
            .matchLabels(null)
            .matchExpressions(List.of(new V1LabelSelectorRequirement()
                .key("app.kubernetes.io/name").operator("In").values(List.of("cache")))))
        .namespaces(List.of("infra", "shop"))
        .namespaceSelector(new V1LabelSelector().matchLabels(Map.of("team", "platform")).matchExpressions(null))
        .matchLabelKeys(List.of("pod-template-hash"))
        .mismatchLabelKeys(List.of("tenant")));
  }

  @Test
  void builderShortcutsSetSelectorAndAllNamespaces() {
    PodAffinityTerm term = PodAffinityTerm.on(Topology.HOSTNAME).podsLabelled("app", "db").allNamespaces().build();
    assertThat(term.labelSelector()).contains(LabelSelector.matching("app", "db"));
    assertThat(term.namespaceSelector()).contains(LabelSelector.everything());
    assertThat(term.toV1PodAffinityTerm(Map.of()).getNamespaceSelector())
        .isEqualTo(new V1LabelSelector().matchLabels(null).matchExpressions(null));
  }

  @Test
  void weightedTermsRenderWeightAndTerm() {
    assertThat(WeightedPodAffinityTerm.of(100, PodAffinityTerm.ownPods(Topology.HOSTNAME)).toV1WeightedPodAffinityTerm(OWN))
        .isEqualTo(new V1WeightedPodAffinityTerm().weight(100).podAffinityTerm(new V1PodAffinityTerm()
            .topologyKey("kubernetes.io/hostname")
            .labelSelector(ownSelector())
            .namespaces(null)
            .matchLabelKeys(null)
            .mismatchLabelKeys(null)));
  }

  @Test
  void topologyKeyIsRequiredAndMustBeALabelKey() {
    assertThat(problems(v -> PlacementChecks.validate(v, PodAffinityTerm.ownPods("")))).containsExactly(
        "pod/p: t.topologyKey: must not be empty: name a node label such as topology.kubernetes.io/zone");
    assertThat(problems(v -> PlacementChecks.validate(v, PodAffinityTerm.ownPods("not a key")))).containsExactly(
        "pod/p: t.topologyKey: key 'not a key' must have a name part of at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric");
  }

  @Test
  void selectorsNamespacesAndLabelKeysAreChecked() {
    PodAffinityTerm term = PodAffinityTerm.on(Topology.ZONE)
        .labelSelector(LabelSelector.of(Label.key("app").in()))
        .namespaceSelector(LabelSelector.matching("team", "bad value!"))
        .namespaces("ok", "Not_OK")
        .matchLabelKeys("bad key", "tenant", "app")
        .mismatchLabelKeys("tenant", "bad/")
        .build();
    assertThat(problems(v -> PlacementChecks.validate(v, term))).containsExactly(
        "pod/p: t.labelSelector.matchExpressions[0].values: must not be empty when operator is In",
        "pod/p: t.namespaceSelector.matchLabels[team]: label value 'bad value!' must be at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric",
        "pod/p: t.namespaces[1]: must be a lowercase RFC 1123 label (lowercase letters, digits and '-',"
            + " starting and ending with a letter or digit), was 'Not_OK'",
        "pod/p: t.matchLabelKeys[0]: key 'bad key' must have a name part of at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric",
        "pod/p: t.mismatchLabelKeys[1]: key 'bad/' must have a name part of at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric",
        "pod/p: t.matchLabelKeys[1]: 'tenant' must not be in both matchLabelKeys and mismatchLabelKeys",
        "pod/p: t.matchLabelKeys[2]: 'app' must not be in both matchLabelKeys and labelSelector");
  }

  @Test
  void weightsMustBe1To100() {
    assertThat(problems(v -> PlacementChecks.validate(v, WeightedPodAffinityTerm.of(0, PodAffinityTerm.ownPods("")))))
        .containsExactly(
            "pod/p: t.weight: must be 1..100, was 0",
            "pod/p: t.podAffinityTerm.topologyKey: must not be empty: name a node label such as topology.kubernetes.io/zone");
    assertThat(problems(v -> PlacementChecks.validate(v,
        WeightedPodAffinityTerm.of(101, PodAffinityTerm.ownPods(Topology.ZONE)))))
        .containsExactly("pod/p: t.weight: must be 1..100, was 101");
  }
}
