package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PreferredSchedulingTerm;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSelectorTermTest {

  private static List<String> problems(java.util.function.Consumer<Validation> validate) {
    Validation v = Validation.of("pod/p");
    validate.accept(v.field("t"));
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void labelRequirementsRenderAsMatchExpressionsAndFieldRequirementsAsMatchFields() {
    NodeSelectorTerm term = NodeSelectorTerm.of(
        NodeLabel.key("node-pool").in("general"),
        NodeField.name().notIn("node-7"),
        NodeLabel.key("spot").doesNotExist());

    assertThat(term.toV1NodeSelectorTerm()).isEqualTo(new V1NodeSelectorTerm()
        .matchExpressions(List.of(
            new V1NodeSelectorRequirement().key("node-pool").operator("In").values(List.of("general")),
            new V1NodeSelectorRequirement().key("spot").operator("DoesNotExist").values(null)))
        .matchFields(List.of(
            new V1NodeSelectorRequirement().key("metadata.name").operator("NotIn").values(List.of("node-7")))));
  }

  @Test
  void aTermWithOnlyLabelsLeavesMatchFieldsNull() {
    V1NodeSelectorTerm rendered = NodeSelectorTerm.of(NodeLabel.key("a").exists()).toV1NodeSelectorTerm();
    assertThat(rendered.getMatchFields()).isNull();
    assertThat(rendered.getMatchExpressions()).hasSize(1);
  }

  @Test
  void problemsAreIndexedWithinMatchExpressionsAndMatchFieldsSeparately() {
    NodeSelectorTerm term = NodeSelectorTerm.of(
        NodeLabel.key("ok").exists(),
        NodeField.name().in("Bad_Name"),
        NodeLabel.key("a").in());
    assertThat(problems(v -> PlacementChecks.validate(v, term))).containsExactly(
        "pod/p: t.matchExpressions[1].values: must not be empty when operator is In",
        "pod/p: t.matchFields[0].values[0]: must be a lowercase RFC 1123 subdomain (lowercase letters, digits,"
            + " '-' and '.', starting and ending with a letter or digit), was 'Bad_Name'");
  }

  @Test
  void anEmptyTermIsAProblem() {
    assertThat(problems(v -> PlacementChecks.validate(v, NodeSelectorTerm.of())))
        .containsExactly("pod/p: t: must have at least one requirement (matchExpressions or matchFields), was empty");
  }

  @Test
  void preferredTermsRenderWeightAndPreference() {
    PreferredSchedulingTerm preferred = PreferredSchedulingTerm.of(50, NodeSelectorTerm.of(NodeLabel.key("z").in("a")));
    assertThat(preferred.toV1PreferredSchedulingTerm()).isEqualTo(new V1PreferredSchedulingTerm()
        .weight(50)
        .preference(new V1NodeSelectorTerm()
            .matchExpressions(List.of(new V1NodeSelectorRequirement().key("z").operator("In").values(List.of("a"))))
            .matchFields(null)));
  }

  @Test
  void preferredWeightsMustBe1To100() {
    NodeSelectorTerm term = NodeSelectorTerm.of(NodeLabel.key("z").in("a"));
    assertThat(problems(v -> PlacementChecks.validate(v, PreferredSchedulingTerm.of(0, term))))
        .containsExactly("pod/p: t.weight: must be 1..100, was 0");
    assertThat(problems(v -> PlacementChecks.validate(v, PreferredSchedulingTerm.of(101, term))))
        .containsExactly("pod/p: t.weight: must be 1..100, was 101");
    assertThat(problems(v -> PlacementChecks.validate(v, PreferredSchedulingTerm.of(1, term)))).isEmpty();
    assertThat(problems(v -> PlacementChecks.validate(v,
        PreferredSchedulingTerm.of(100, NodeSelectorTerm.of(NodeLabel.key("z").in())))))
        .containsExactly("pod/p: t.preference.matchExpressions[0].values: must not be empty when operator is In");
  }
}
