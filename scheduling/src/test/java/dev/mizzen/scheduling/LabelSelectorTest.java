package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  private static List<String> problems(LabelSelector selector) {
    Validation v = Validation.of("pod/p");
    selector.validate(v.field("s"));
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void rendersLabelsAndExpressionsInOrder() {
    LabelSelector selector = LabelSelector.builder()
        .matchLabel("app.kubernetes.io/name", "db")
        .matchLabel("app.kubernetes.io/part-of", "shop")
        .matchExpression(Label.key("tier").in("primary", "replica"))
        .matchExpression(Label.key("canary").doesNotExist())
        .build();

    assertThat(selector.toV1LabelSelector()).isEqualTo(new V1LabelSelector()
        .matchLabels(ImmutableMap.of("app.kubernetes.io/name", "db", "app.kubernetes.io/part-of", "shop"))
        .matchExpressions(List.of(
            new V1LabelSelectorRequirement().key("tier").operator("In").values(List.of("primary", "replica")),
            new V1LabelSelectorRequirement().key("canary").operator("DoesNotExist").values(null))));
    assertThat(selector.keys()).containsExactly(
        "app.kubernetes.io/name", "app.kubernetes.io/part-of", "tier", "canary");
  }

  @Test
  void factoriesBuildTheSelectorsTheyName() {
    assertThat(LabelSelector.matching("a", "b").matchLabels()).isEqualTo(Map.of("a", "b"));
    assertThat(LabelSelector.matching(ImmutableMap.of("a", "b", "c", "d")).matchLabels())
        .containsExactly(Map.entry("a", "b"), Map.entry("c", "d"));
    assertThat(LabelSelector.of(Label.key("x").exists(), Label.key("y").notIn("1")).matchExpressions())
        .containsExactly(Label.key("x").exists(), Label.key("y").notIn("1"));
  }

  @Test
  void theEmptySelectorSelectsEverythingAndRendersAsAnEmptyObject() {
    assertThat(LabelSelector.everything().isEverything()).isTrue();
    assertThat(LabelSelector.matching("a", "b").isEverything()).isFalse();
    assertThat(JSON.serialize(LabelSelector.everything().toV1LabelSelector())).isEqualTo("{}");
  }

  @Test
  void labelsMustHaveQualifiedKeysAndLabelValues() {
    assertThat(problems(LabelSelector.matching("bad key", "bad value!"))).containsExactly(
        "pod/p: s.matchLabels[bad key]: key 'bad key' must have a name part of at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric",
        "pod/p: s.matchLabels[bad key]: label value 'bad value!' must be at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric");
  }

  @Test
  void expressionsFollowTheApiServersOperatorRules() {
    LabelSelector selector = LabelSelector.of(
        Label.key("a").in(),
        LabelSelectorRequirement.of("b", LabelSelectorOperator.EXISTS, List.of("x")),
        Label.key("c").notIn("ok", "not ok"),
        Label.key("Example.com/d").exists());
    assertThat(problems(selector)).containsExactly(
        "pod/p: s.matchExpressions[0].values: must not be empty when operator is In",
        "pod/p: s.matchExpressions[1].values: must be empty when operator is Exists, was [x]",
        "pod/p: s.matchExpressions[2].values[1]: label value 'not ok' must be at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric",
        "pod/p: s.matchExpressions[3].key: key 'Example.com/d' must have a lowercase DNS subdomain prefix"
            + " (at most 253 characters) before '/'");
  }

  @Test
  void validSelectorsHaveNoProblems() {
    assertThat(problems(LabelSelector.everything())).isEmpty();
    assertThat(problems(LabelSelector.builder()
        .matchLabel("app.kubernetes.io/name", "web")
        .matchExpression(Label.key("tier").in("front"))
        .matchExpression(Label.key("canary").doesNotExist())
        .build())).isEmpty();
  }
}
