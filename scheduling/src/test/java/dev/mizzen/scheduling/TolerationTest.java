package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TolerationTest {

  private static List<String> problems(Toleration.Builder toleration) {
    Validation v = Validation.of("pod/p");
    PlacementChecks.validate(v.field("t"), toleration.build());
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void equalRendersKeyValueAndEffect() {
    assertThat(Toleration.of("dedicated", "web", TaintEffect.NO_SCHEDULE).build().toV1Toleration())
        .isEqualTo(new V1Toleration().key("dedicated").operator("Equal").value("web").effect("NoSchedule"));
    assertThat(Toleration.of("dedicated", "web").build().toV1Toleration())
        .isEqualTo(new V1Toleration().key("dedicated").operator("Equal").value("web"));
  }

  @Test
  void existsRendersWithoutValue() {
    assertThat(Toleration.exists("example.com/gpu").build().toV1Toleration())
        .isEqualTo(new V1Toleration().key("example.com/gpu").operator("Exists"));
    assertThat(Toleration.exists("example.com/gpu", TaintEffect.PREFER_NO_SCHEDULE).build().toV1Toleration())
        .isEqualTo(new V1Toleration().key("example.com/gpu").operator("Exists").effect("PreferNoSchedule"));
  }

  @Test
  void everythingIsExistsWithNoKeyNoValueNoEffect() {
    Toleration everything = Toleration.everything().build();
    assertThat(everything.isEverything()).isTrue();
    assertThat(JSON.serialize(everything.toV1Toleration())).isEqualTo("{\"operator\":\"Exists\"}");
    assertThat(Toleration.exists("k").build().isEverything()).isFalse();
    assertThat(Toleration.everything().effect(TaintEffect.NO_EXECUTE).build().isEverything()).isFalse();
  }

  @Test
  void tolerationPeriodRendersAsTolerationSeconds() {
    Toleration unreachable = Toleration.exists("node.kubernetes.io/unreachable", TaintEffect.NO_EXECUTE)
        .tolerationPeriod(Duration.ofMinutes(5))
        .build();
    assertThat(unreachable.toV1Toleration()).isEqualTo(new V1Toleration()
        .key("node.kubernetes.io/unreachable").operator("Exists").effect("NoExecute").tolerationSeconds(300L));
    assertThat(Toleration.exists("k", TaintEffect.NO_EXECUTE).tolerationSeconds(0).build().toV1Toleration()
        .getTolerationSeconds()).isZero();
  }

  @Test
  void validTolerationsHaveNoProblems() {
    assertThat(problems(Toleration.of("dedicated", "web", TaintEffect.NO_SCHEDULE))).isEmpty();
    assertThat(problems(Toleration.of("dedicated", ""))).isEmpty();
    assertThat(problems(Toleration.everything())).isEmpty();
    assertThat(problems(Toleration.exists("k", TaintEffect.NO_EXECUTE).tolerationSeconds(30))).isEmpty();
  }

  @Test
  void anEmptyKeyNeedsExists() {
    assertThat(problems(Toleration.of("", "web", TaintEffect.NO_SCHEDULE))).containsExactly(
        "pod/p: t.operator: must be Exists when key is empty (an empty key with Exists tolerates every taint), was Equal");
  }

  @Test
  void keysMustBeQualifiedNames() {
    assertThat(problems(Toleration.exists("bad key"))).containsExactly(
        "pod/p: t.key: key 'bad key' must have a name part of at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric");
  }

  @Test
  void equalValuesMustBeLabelValuesAndExistsTakesNone() {
    assertThat(problems(Toleration.of("k", "bad value!", TaintEffect.NO_SCHEDULE))).containsExactly(
        "pod/p: t.value: label value 'bad value!' must be at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric");
    assertThat(problems(Toleration.exists("k").value("web")))
        .containsExactly("pod/p: t.value: must be empty when operator is Exists, was 'web'");
  }

  @Test
  void tolerationSecondsOnlyWithNoExecuteAndInWholeSeconds() {
    assertThat(problems(Toleration.of("k", "v", TaintEffect.NO_SCHEDULE).tolerationSeconds(30)))
        .containsExactly("pod/p: t.tolerationSeconds: may only be set when effect is NoExecute, was NoSchedule");
    assertThat(problems(Toleration.exists("k").tolerationSeconds(30)))
        .containsExactly("pod/p: t.tolerationSeconds: may only be set when effect is NoExecute, was every effect");
    assertThat(problems(Toleration.exists("k", TaintEffect.NO_EXECUTE).tolerationPeriod(Duration.ofMillis(1500))))
        .containsExactly("pod/p: t.tolerationSeconds: must be a whole number of seconds, was 1.5s");
    assertThat(problems(Toleration.exists("k", TaintEffect.NO_EXECUTE).tolerationSeconds(-1)))
        .containsExactly("pod/p: t.tolerationSeconds: must be at least 0s, was -1s");
  }
}
