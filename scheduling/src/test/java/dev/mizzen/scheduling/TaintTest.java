package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Taint;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaintTest {

  private static List<String> problems(Taint taint) {
    Validation v = Validation.of("Node/n");
    PlacementChecks.validate(v.field("spec.taints").index(0), taint);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void rendersKeyValueAndEffect() {
    assertThat(Taint.of("dedicated", "web", TaintEffect.NO_SCHEDULE).toV1Taint())
        .isEqualTo(new V1Taint().key("dedicated").value("web").effect("NoSchedule"));
  }

  @Test
  void anEmptyValueIsLeftUnset() {
    Taint taint = Taint.of("node.kubernetes.io/unreachable", TaintEffect.NO_EXECUTE);
    assertThat(taint.value()).isEmpty();
    assertThat(taint.toV1Taint()).isEqualTo(new V1Taint().key("node.kubernetes.io/unreachable").effect("NoExecute"));
  }

  @Test
  void printsAsKubectlWritesIt() {
    assertThat(Taint.of("dedicated", "web", TaintEffect.NO_SCHEDULE)).hasToString("dedicated=web:NoSchedule");
    assertThat(Taint.of("gpu", TaintEffect.PREFER_NO_SCHEDULE)).hasToString("gpu:PreferNoSchedule");
  }

  @Test
  void keysMustBeQualifiedNamesAndValuesLabelValues() {
    assertThat(problems(Taint.of("dedicated", "web", TaintEffect.NO_SCHEDULE))).isEmpty();
    assertThat(problems(Taint.of("", "bad value!", TaintEffect.NO_SCHEDULE))).containsExactly(
        "Node/n: spec.taints[0].key: key must not be empty",
        "Node/n: spec.taints[0].value: label value 'bad value!' must be at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric");
  }
}
