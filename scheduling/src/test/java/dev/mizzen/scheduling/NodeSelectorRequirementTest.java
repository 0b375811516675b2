package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSelectorRequirementTest {

  private static List<String> problems(NodeSelectorRequirement requirement) {
    Validation v = Validation.of("pod/p");
    PlacementChecks.validate(v.field("r"), requirement);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void labelOperatorsRenderToTheirApiNames() {
    assertThat(NodeLabel.key("node-pool").in("general", "batch").toV1NodeSelectorRequirement())
        .isEqualTo(new V1NodeSelectorRequirement().key("node-pool").operator("In").values(List.of("general", "batch")));
    assertThat(NodeLabel.key("node-pool").notIn(List.of("gpu")).toV1NodeSelectorRequirement())
        .isEqualTo(new V1NodeSelectorRequirement().key("node-pool").operator("NotIn").values(List.of("gpu")));
    assertThat(NodeLabel.key("example.com/generation").greaterThan(3).toV1NodeSelectorRequirement())
        .isEqualTo(new V1NodeSelectorRequirement().key("example.com/generation").operator("Gt").values(List.of("3")));
    assertThat(NodeLabel.key("example.com/generation").lessThan(10).toV1NodeSelectorRequirement())
        .isEqualTo(new V1NodeSelectorRequirement().key("example.com/generation").operator("Lt").values(List.of("10")));
  }

  @Test
  void existsAndDoesNotExistRenderWithoutValues() {
    assertThat(NodeLabel.key("gpu").exists().toV1NodeSelectorRequirement())
        .isEqualTo(new V1NodeSelectorRequirement().key("gpu").operator("Exists").values(null));
    assertThat(JSON.serialize(NodeLabel.key("spot").doesNotExist().toV1NodeSelectorRequirement()))
        .isEqualTo("{\"key\":\"spot\",\"operator\":\"DoesNotExist\"}");
  }

  @Test
  void nodeFieldIsAFieldRequirementOnTheNodeName() {
    NodeSelectorRequirement in = NodeField.name().in("node-1");
    assertThat(in.onField()).isTrue();
    assertThat(in.toV1NodeSelectorRequirement())
        .isEqualTo(new V1NodeSelectorRequirement().key("metadata.name").operator("In").values(List.of("node-1")));
    assertThat(NodeField.name().notIn("node-2").operator()).isEqualTo(NodeSelectorOperator.NOT_IN);
    assertThat(NodeLabel.key("a").exists().onField()).isFalse();
  }

  @Test
  void validRequirementsHaveNoProblems() {
    assertThat(problems(NodeLabel.key("node-pool").in("general"))).isEmpty();
    assertThat(problems(NodeLabel.key("gpu").exists())).isEmpty();
    assertThat(problems(NodeLabel.key("gen").greaterThan(0))).isEmpty();
    assertThat(problems(NodeField.name().notIn("node-1.example.com"))).isEmpty();
  }

  @Test
  void inAndNotInNeedValues() {
    assertThat(problems(NodeLabel.key("a").in()))
        .containsExactly("pod/p: r.values: must not be empty when operator is In");
    assertThat(problems(NodeLabel.key("a").notIn(List.of())))
        .containsExactly("pod/p: r.values: must not be empty when operator is NotIn");
  }

  @Test
  void existsAndDoesNotExistTakeNoValues() {
    assertThat(problems(NodeSelectorRequirement.label("a", NodeSelectorOperator.EXISTS, List.of("x"))))
        .containsExactly("pod/p: r.values: must be empty when operator is Exists, was [x]");
    assertThat(problems(NodeSelectorRequirement.label("a", NodeSelectorOperator.DOES_NOT_EXIST, List.of("x", "y"))))
        .containsExactly("pod/p: r.values: must be empty when operator is DoesNotExist, was [x, y]");
  }

  @Test
  void gtAndLtNeedExactlyOneInteger() {
    assertThat(problems(NodeSelectorRequirement.label("a", NodeSelectorOperator.GREATER_THAN, List.of("1", "2"))))
        .containsExactly("pod/p: r.values: must be exactly one integer when operator is Gt, was [1, 2]");
    assertThat(problems(NodeSelectorRequirement.label("a", NodeSelectorOperator.LESS_THAN, List.of())))
        .containsExactly("pod/p: r.values: must be exactly one integer when operator is Lt, was []");
    assertThat(problems(NodeSelectorRequirement.label("a", NodeSelectorOperator.GREATER_THAN, List.of("three"))))
        .containsExactly("pod/p: r.values[0]: must be an integer when operator is Gt, was 'three'");
  }

  @Test
  void negativeGtValuesAreNotLabelValuesSoTheApiServerRejectsThem() {
    assertThat(problems(NodeLabel.key("a").lessThan(-1))).containsExactly(
        "pod/p: r.values[0]: label value '-1' must be at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric");
  }

  @Test
  void keysMustBeQualifiedNamesAndValuesLabelValues() {
    assertThat(problems(NodeLabel.key("bad key").in("zone a", "ok"))).containsExactly(
        "pod/p: r.key: key 'bad key' must have a name part of at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric",
        "pod/p: r.values[0]: label value 'zone a' must be at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric");
  }

  @Test
  void fieldRequirementsOnlyTakeMetadataNameWithInOrNotInAndOneNodeName() {
    NodeSelectorRequirement wrong = new NodeSelectorRequirement.Builder()
        .key("metadata.labels")
        .operator(NodeSelectorOperator.EXISTS)
        .onField(true)
        .build();
    assertThat(problems(wrong)).containsExactly(
        "pod/p: r.key: must be metadata.name, the only node field a selector can use, was 'metadata.labels'",
        "pod/p: r.operator: must be In or NotIn for a node field, was Exists",
        "pod/p: r.values: must be exactly one node name for a node field, was []");
    assertThat(problems(NodeField.name().in("Node_1"))).containsExactly(
        "pod/p: r.values[0]: must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-' and '.',"
            + " starting and ending with a letter or digit), was 'Node_1'");
  }
}
