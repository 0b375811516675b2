package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  private static List<String> problems(LabelSelector selector) {
    Validation v = Validation.of("pod/p");
    PlacementChecks.validate(v.field("s"), selector);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void rendersLabelsAndExpressionsInOrder() {
    LabelSelector selector = LabelSelector.matchLabel("app.kubernetes.io/name", "db")
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
  void matchesLabelsAndEveryExpression() {
    Map<String, String> web = Map.of("app", "web", "tier", "front");
    assertThat(LabelSelector.everything().matches(Map.of())).isTrue();
    assertThat(LabelSelector.matching("app", "web").matches(web)).isTrue();
    assertThat(LabelSelector.matching("app", "db").matches(web)).isFalse();
    assertThat(LabelSelector.matching("zone", "a").matches(web)).isFalse();
    assertThat(LabelSelector.of(Label.key("tier").in("front", "edge")).matches(web)).isTrue();
    assertThat(LabelSelector.of(Label.key("tier").in("back")).matches(web)).isFalse();
    assertThat(LabelSelector.of(Label.key("zone").in("a")).matches(web)).isFalse();
    assertThat(LabelSelector.of(Label.key("tier").notIn("back")).matches(web)).isTrue();
    assertThat(LabelSelector.of(Label.key("zone").notIn("a")).matches(web)).as("NotIn holds without the label").isTrue();
    assertThat(LabelSelector.of(Label.key("tier").notIn("front")).matches(web)).isFalse();
    assertThat(LabelSelector.of(Label.key("tier").exists()).matches(web)).isTrue();
    assertThat(LabelSelector.of(Label.key("zone").exists()).matches(web)).isFalse();
    assertThat(LabelSelector.of(Label.key("zone").doesNotExist()).matches(web)).isTrue();
    assertThat(LabelSelector.of(Label.key("tier").doesNotExist()).matches(web)).isFalse();
    assertThat(LabelSelector.matchLabel("app", "web").matchExpression(Label.key("tier").in("back"))
        .build().matches(web)).as("labels and expressions must all hold").isFalse();
  }

  @Test
  void expressionsTheApiServerCannotBuildMatchNothing() {
    Map<String, String> web = Map.of("app", "web");
    assertThat(LabelSelector.of(Label.key("zone").notIn()).matches(web)).isFalse();
    assertThat(LabelSelector.of(Label.key("app").in()).matches(web)).isFalse();
    assertThat(LabelSelector.of(LabelSelectorRequirement.of("app", LabelSelectorOperator.EXISTS, List.of("web")))
        .matches(web)).isFalse();
    assertThat(LabelSelector.of(LabelSelectorRequirement.of("x", LabelSelectorOperator.DOES_NOT_EXIST, List.of("y")))
        .matches(web)).isFalse();
  }

  @Test
  void clientJavaSelectorsMatchAsTheApiServerReadsThem() {
    Map<String, String> web = Map.of("app", "web", "tier", "front");
    assertThat(LabelSelector.matches((V1LabelSelector) null, web)).as("null selects nothing").isFalse();
    assertThat(LabelSelector.matches(new V1LabelSelector(), Map.of())).as("{} selects everything").isTrue();
    assertThat(LabelSelector.matches(new V1LabelSelector().matchLabels(null).matchExpressions(null), web)).isTrue();
    V1LabelSelector selector = new V1LabelSelector().matchLabels(Map.of("app", "web")).matchExpressions(List.of(
        new V1LabelSelectorRequirement().key("tier").operator("In").values(List.of("front", "edge")),
        new V1LabelSelectorRequirement().key("canary").operator("DoesNotExist")));
    assertThat(LabelSelector.matches(selector, web)).isTrue();
    assertThat(LabelSelector.matches(selector, Map.of("app", "web", "tier", "back"))).isFalse();
    assertThat(LabelSelector.fromV1LabelSelector(selector)).contains(LabelSelector.matchLabel("app", "web")
        .matchExpression(Label.key("tier").in("front", "edge"))
        .matchExpression(Label.key("canary").doesNotExist())
        .build());

    V1LabelSelector unknownOperator = new V1LabelSelector().matchExpressions(List.of(
        new V1LabelSelectorRequirement().key("tier").operator("Equals").values(List.of("front"))));
    assertThat(LabelSelector.fromV1LabelSelector(unknownOperator)).isEmpty();
    assertThat(LabelSelector.matches(unknownOperator, web)).isFalse();
    assertThat(LabelSelector.fromV1LabelSelector(null)).isEmpty();
  }

  @Test
  void mapSelectorsNeedEveryEntry() {
    Map<String, String> web = Map.of("app", "web", "tier", "front");
    assertThat(LabelSelector.matches(Map.of("app", "web"), web)).isTrue();
    assertThat(LabelSelector.matches(Map.of("app", "web", "tier", "back"), web)).isFalse();
    assertThat(LabelSelector.matches(Map.of(), web)).isTrue();
  }

  @Test
  void validSelectorsHaveNoProblems() {
    assertThat(problems(LabelSelector.everything())).isEmpty();
    assertThat(problems(LabelSelector.matchLabel("app.kubernetes.io/name", "web")
        .matchExpression(Label.key("tier").in("front"))
        .matchExpression(Label.key("canary").doesNotExist())
        .build())).isEmpty();
  }

  @Test
  void aSelectorStartsWithItsFirstLabelOrExpression() {
    assertThat(LabelSelector.matchExpression(Label.key("tier").in("front")).matchLabel("app", "web").build())
        .isEqualTo(LabelSelector.matchLabel("app", "web").matchExpression(Label.key("tier").in("front")).build());
    assertThat(LabelSelector.matchLabel("app", "web").build()).isEqualTo(LabelSelector.matching("app", "web"));
    assertThat(LabelSelector.matchExpression(Label.key("a").exists())
            .matchExpressions(Label.key("b").exists(), Label.key("c").exists())
            .matchExpressions(List.of(Label.key("d").exists()))
            .matchLabels(Map.of("app", "web"))
            .build().keys())
        .containsExactly("app", "a", "b", "c", "d");
  }
}
