package dev.mizzen.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "250m", "1.5", ".5", "1.", "+1", "-1", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi",
      "1Ei", "1n", "1u", "1m", "1k", "1M", "1G", "1T", "1P", "1E", "1e3", "1E3", "1e-3", "1e+3", "12.5E6",
      "1e99999", "007"})
  void acceptsWhatApimachineryParses(String quantity) {
    assertThat(Quantities.problem(quantity)).isEmpty();
    assertThat(Quantities.isValid(quantity)).isTrue();
    assertThat(Quantities.read(quantity)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "-", "+", "Mi", "m", "e3", "-.Ki"})
  void digitlessFormsAreZeroToTheApiServer(String quantity) {
    assertThat(Quantities.problem(quantity)).isEmpty();
    assertThat(Quantities.read(quantity)).map(Quantities.Parsed::value).contains(BigDecimal.ZERO);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 Gi | has a space between the number and the unit",
      "1GB | has the unknown unit \"GB\" (use Gi for binary units or G for decimal ones)",
      "1kb | has the unknown unit \"kb\" (use Ki for binary units or k for decimal ones)",
      "1KiB | has the unknown unit \"KiB\" (write Ki)",
      "1K | has the unknown unit \"K\" (use k or Ki)",
      "1mi | has the unknown unit \"mi\"",
      "1e | has the unknown unit \"e\"",
      "1.5.5 | is not a number with an optional unit",
      "abc | is not a number with an optional unit",
      "1,5 | is not a number with an optional unit",
      "1e3.5 | is not a number with an optional unit",
      "1e99999999999999999999 | is not a number with an optional unit",
  })
  void explainsWhatIsWrong(String quantity, String problem) {
    assertThat(Quantities.problem(quantity)).contains(problem);
    assertThat(Quantities.isValid(quantity)).isFalse();
    assertThat(Quantities.read(quantity)).isEmpty();
  }

  @Test
  void emptyIsNotAQuantity() {
    assertThat(Quantities.problem("")).contains("is empty");
  }

  @ParameterizedTest
  @CsvSource({
      "250m, 0.25, DECIMAL_SI",
      "1.5, 1.5, DECIMAL_SI",
      "+2, 2, DECIMAL_SI",
      "-1k, -1000, DECIMAL_SI",
      "1.5Gi, 1610612736, BINARY_SI",
      "0.5Ki, 512, BINARY_SI",
      "1e3, 1000, DECIMAL_EXPONENT",
      "12.5E-3, 0.0125, DECIMAL_EXPONENT",
      "0.1n, 0.0000000001, DECIMAL_SI",
  })
  void readsTheExactValueAndFormat(String text, BigDecimal value, QuantityFormat format) {
    Quantities.Parsed parsed = Quantities.read(text).orElseThrow();
    assertThat(parsed.value()).isEqualByComparingTo(value);
    assertThat(parsed.format()).isEqualTo(format);
  }

  @Test
  void parseRefusesWhatTheApiServerWouldChange() {
    assertThat(Quantities.parse("cpu", "250m")).isEqualTo(Quantities.read("250m").orElseThrow());
    assertThat(Quantities.parse("cpu", "0e99999999999").value()).isEqualTo(BigDecimal.ZERO);
    assertThatThrownBy(() -> Quantities.parse("cpu", "Mi")).hasMessageStartingWith("cpu quantity 'Mi' is not a"
        + " Kubernetes quantity");
    assertThatThrownBy(() -> Quantities.parse("cpu", "0.1n"))
        .hasMessage("cpu quantity 0.1n is more precise than Kubernetes keeps (1n = 10^-9)");
    assertThatThrownBy(() -> Quantities.parse("cpu", "1e99999"))
        .hasMessage("cpu quantity 1e99999 is larger than Kubernetes keeps (2^63-1)");
    assertThatThrownBy(() -> Quantities.parse("cpu", "1e99999999999"))
        .hasMessage("cpu quantity 1e99999999999 is larger than Kubernetes keeps (2^63-1)");
    assertThatThrownBy(() -> Quantities.parse("cpu", "1e-99999999999"))
        .hasMessage("cpu quantity 1e-99999999999 is more precise than Kubernetes keeps (1n = 10^-9)");
    assertThatThrownBy(() -> Quantities.parse("cpu", null)).hasMessage("cpu quantity must not be null");
  }

  @Test
  void rendersAsTheApiServer() {
    assertThat(render("1000")).isEqualTo("1k");
    assertThat(render("0.5")).isEqualTo("500m");
    assertThat(render("1024Mi")).isEqualTo("1Gi");
    assertThat(render("1.5Gi")).isEqualTo("1536Mi");
    assertThat(render("0.5Ki")).isEqualTo("512");
    assertThat(render("1e3")).isEqualTo("1e3");
    Quantity quantity = Quantities.toQuantity(Quantities.read("512Mi").orElseThrow());
    assertThat(quantity.toSuffixedString()).isEqualTo("512Mi");
    assertThat(quantity).isEqualTo(Quantity.fromString("512Mi"));
  }

  private static String render(String text) {
    Quantities.Parsed parsed = Quantities.read(text).orElseThrow();
    return Quantities.format(parsed.value(), parsed.format());
  }
}
