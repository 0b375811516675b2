package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitySyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "250m", "1.5", ".5", "1.", "+1", "-1", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi",
      "1Ei", "1n", "1u", "1m", "1k", "1M", "1G", "1T", "1P", "1E", "1e3", "1E3", "1e-3", "1e+3", "12.5E6"})
  void acceptsWhatApimachineryParses(String quantity) {
    assertThat(QuantitySyntax.problem(quantity)).isEmpty();
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
  })
  void explainsWhatIsWrong(String quantity, String problem) {
    assertThat(QuantitySyntax.problem(quantity)).contains(problem);
  }
}
