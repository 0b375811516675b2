package dev.mizzen.dsl.intstr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.internal.Amounts;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.IntOrString;
import org.junit.jupiter.api.Test;

class AmountTest {

  @Test
  void countsAndPercentsRenderAsIntOrString() {
    assertThat(Amount.count(2).toIntOrString()).isEqualTo(new IntOrString(2));
    assertThat(Amount.percent(25).toIntOrString()).isEqualTo(new IntOrString("25%"));
    assertThat(Amount.count(2)).hasToString("2");
    assertThat(Amount.percent(25)).hasToString("25%");
    assertThat(Amount.count(2).isCount()).isTrue();
    assertThat(Amount.percent(25).isPercent()).isTrue();
    assertThat(Amount.count(0).isZero()).isTrue();
    assertThat(Amount.percent(0).isZero()).isTrue();
  }

  @Test
  void parsesWhatItPrints() {
    assertThat(Amount.parse("3")).isEqualTo(Amount.count(3));
    assertThat(Amount.parse("25%")).isEqualTo(Amount.percent(25));
    assertThat(Amount.parse(" 0% ")).isEqualTo(Amount.percent(0));
    assertThat(Amount.parse(Amount.percent(40).toString())).isEqualTo(Amount.percent(40));
    assertThat(Amount.count(3)).isNotEqualTo(Amount.percent(3));
  }

  @Test
  void refusesMalformedText() {
    assertThatThrownBy(() -> Amount.parse("25 %"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be an integer (\"3\") or a percentage (\"25%\"), was '25 %'");
    assertThatThrownBy(() -> Amount.parse("1.5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.parse("%")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.parse("99999999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount is out of the int range, was '99999999999'");
  }

  @Test
  void readsClientJavaValues() {
    assertThat(Amount.from(new IntOrString(1))).isEqualTo(Amount.count(1));
    assertThat(Amount.from(new IntOrString("10%"))).isEqualTo(Amount.percent(10));
  }

  @Test
  void scalesAsKubernetesDoes() {
    assertThat(Amount.count(2).scaledValue(10, true)).isEqualTo(2);
    assertThat(Amount.percent(25).scaledValue(10, true)).isEqualTo(3);
    assertThat(Amount.percent(25).scaledValue(10, false)).isEqualTo(2);
    assertThat(Amount.percent(100).scaledValue(7, false)).isEqualTo(7);
    assertThat(Amount.percent(0).scaledValue(7, true)).isZero();
  }

  @Test
  void validatesNonNegativeAndAtMost100Percent() {
    Validation v = Validation.of("PodDisruptionBudget/web");
    Amounts.validate(v.field("spec.minAvailable"), Amount.count(-1));
    Amounts.validate(v.field("spec.maxUnavailable"), Amount.percent(-5));
    Amounts.validateAtMost100Percent(v.field("spec.maxUnavailable"), Amount.percent(150));
    Amounts.validateAtMost100Percent(v.field("spec.minAvailable"), Amount.count(150));
    Amounts.validate(v.field("ok"), Amount.percent(100));
    Amounts.validateAtMost100Percent(v.field("ok"), Amount.percent(100));
    assertThat(v.problems()).extracting(Problem::toString).containsExactly(
        "PodDisruptionBudget/web: spec.minAvailable: must be >= 0, was -1",
        "PodDisruptionBudget/web: spec.maxUnavailable: must be >= 0%, was -5%",
        "PodDisruptionBudget/web: spec.maxUnavailable: must be at most 100%, was 150%");
  }
}
