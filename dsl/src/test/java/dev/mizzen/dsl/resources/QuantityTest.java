package dev.mizzen.dsl.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, canonical rendering, comparison and arithmetic of {@link Cpu}, {@link Memory} and {@link Storage}. */
class QuantityTest {

  @ParameterizedTest(name = "cpu {0} renders {1}")
  @CsvSource({
      "250m, 250m",
      "0.25, 250m",
      "1.5, 1500m",
      "2, 2",
      "+2, 2",
      "1000, 1k",
      "1500, 1500",
      "0.1, 100m",
      "100u, 100u",
      "0.0001, 100u",
      "1n, 1n",
      "0.000000001, 1n",
      "0, 0",
      "0.000, 0",
      "0m, 0",
      ".5, 500m",
      "1., 1",
      "1k, 1k",
      "1E, 1E",
      "1e3, 1e3",
      "1E3, 1e3",
      "1e+3, 1e3",
      "1.5e3, 1500",
      "12e2, 1200",
      "1e-3, 1e-3",
      "2Ki, 2Ki",
      "0.5Ki, 512",
      "1.5Ki, 1536",
      "-1, -1",
      "-250m, -250m",
      "9223372036854775807, 9223372036854775807",
  })
  void cpuRendersAsTheApiServerDoes(String text, String canonical) {
    Cpu cpu = Cpu.parse(text);
    assertThat(cpu).hasToString(canonical);
  }

  @ParameterizedTest(name = "memory {0} renders {1}")
  @CsvSource({
      "512Mi, 512Mi",
      "1Gi, 1Gi",
      "1024Mi, 1Gi",
      "1.5Gi, 1536Mi",
      "0.5Ki, 512",
      "1023, 1023",
      "1024, 1024",
      "2048, 2048",
      "1G, 1G",
      "1000M, 1G",
      "1.5G, 1500M",
      "268435456, 268435456",
      "1e9, 1e9",
      "128974848, 128974848",
      "129e6, 129e6",
      "123Mi, 123Mi",
      "0, 0",
  })
  void memoryRendersAsTheApiServerDoes(String text, String canonical) {
    assertThat(Memory.parse(text)).hasToString(canonical);
    assertThat(Storage.parse(text)).hasToString(canonical);
  }

  @ParameterizedTest(name = "cpu {0} serializes through client-java unchanged")
  @ValueSource(strings = {"250m", "1.5", "2", "1000", "1500", "100u", "1n", "1e3", "1.5e3", "1e-3",
      "0.5Ki", "2Ki", "1.0001Ki", "0", "9223372036854775807"})
  void clientJavaCpuQuantitySerializesToTheCanonicalText(String text) {
    Cpu cpu = Cpu.parse(text);
    assertThat(cpu.toQuantity().toSuffixedString()).isEqualTo(cpu.toString());
  }

  @ParameterizedTest(name = "memory {0} serializes through client-java unchanged")
  @ValueSource(strings = {"512Mi", "1Gi", "1.5Gi", "0.5Ki", "1536", "1G", "1.5G", "0", "1e9",
      "7Ei", "1023"})
  void clientJavaMemoryQuantitySerializesToTheCanonicalText(String text) {
    Memory memory = Memory.parse(text);
    assertThat(memory.toQuantity().toSuffixedString()).isEqualTo(memory.toString());
  }

  @Test
  void factoriesRenderAsWritten() {
    assertThat(Cpu.millis(250)).hasToString("250m");
    assertThat(Cpu.millis(2000)).hasToString("2");
    assertThat(Cpu.cores(2)).hasToString("2");
    assertThat(Memory.bytes(1000)).hasToString("1k");
    assertThat(Memory.kibibytes(64)).hasToString("64Ki");
    assertThat(Memory.mebibytes(256)).hasToString("256Mi");
    assertThat(Memory.mebibytes(1024)).hasToString("1Gi");
    assertThat(Memory.gibibytes(1)).hasToString("1Gi");
    assertThat(Memory.tebibytes(2)).hasToString("2Ti");
    assertThat(Memory.kilobytes(5)).hasToString("5k");
    assertThat(Memory.megabytes(512)).hasToString("512M");
    assertThat(Memory.gigabytes(1)).hasToString("1G");
    assertThat(Memory.terabytes(1)).hasToString("1T");
    assertThat(Storage.gibibytes(10)).hasToString("10Gi");
    assertThat(Storage.mebibytes(64)).hasToString("64Mi");
  }

  @Test
  void exactValues() {
    assertThat(Cpu.parse("250m").toCores()).isEqualTo(new BigDecimal("0.25"));
    assertThat(Cpu.parse("1k").toCores()).isEqualTo(new BigDecimal("1000"));
    assertThat(Cpu.parse("250m").toMillis()).isEqualTo(new BigDecimal("250"));
    assertThat(Cpu.parse("500u").toMillis()).isEqualTo(new BigDecimal("0.5"));
    assertThat(Memory.parse("512Mi").toBytes()).isEqualTo(536_870_912L);
    assertThat(Memory.parse("1G").toBytes()).isEqualTo(1_000_000_000L);
    assertThat(Storage.parse("1.5Ki").toBytes()).isEqualTo(1536L);
    assertThat(Cpu.cores(0).isZero()).isTrue();
    assertThat(Cpu.parse("-1").isNegative()).isTrue();
    assertThat(Memory.bytes(0).isZero()).isTrue();
  }

  @Test
  void comparesExactlyRegardlessOfRendering() {
    assertThat(Memory.parse("1Gi")).isEqualByComparingTo(Memory.parse("1073741824"));
    assertThat(Memory.parse("1Gi")).isEqualTo(Memory.mebibytes(1024));
    assertThat(Memory.parse("1G")).isLessThan(Memory.parse("1Gi"));
    assertThat(Memory.parse("1000Mi")).isGreaterThan(Memory.parse("1G"));
    assertThat(Cpu.parse("0.25")).isEqualTo(Cpu.millis(250)).isEqualTo(Cpu.parse("250m"));
    assertThat(Cpu.parse("1k")).isEqualByComparingTo(Cpu.parse("1e3"));
    // like BigDecimal's scale: equal amounts that render differently are not equal values
    assertThat(Cpu.parse("1k")).isNotEqualTo(Cpu.parse("1e3"));
    assertThat(Cpu.parse("1n")).isLessThan(Cpu.parse("2n"));
    assertThat(Cpu.parse("999999999n")).isLessThan(Cpu.cores(1));
  }

  @Test
  void arithmetic() {
    assertThat(Cpu.millis(250).plus(Cpu.millis(750))).hasToString("1");
    assertThat(Cpu.millis(250).minus(Cpu.millis(750))).hasToString("-500m");
    assertThat(Cpu.millis(250).times(4)).isEqualTo(Cpu.cores(1));
    assertThat(Cpu.millis(1).times(0)).hasToString("0");
    assertThat(Memory.mebibytes(512).times(2)).hasToString("1Gi");
    assertThat(Memory.gibibytes(1).minus(Memory.mebibytes(512))).hasToString("512Mi");
    assertThat(Storage.gibibytes(1).plus(Storage.gibibytes(1))).hasToString("2Gi");
    // the sum renders like the left operand, as the API server's Quantity.Add
    assertThat(Memory.gigabytes(1).plus(Memory.mebibytes(1))).hasToString("1001048576");
    assertThat(Memory.mebibytes(1).plus(Memory.gigabytes(1))).hasToString("1001048576");
    assertThat(Memory.mebibytes(1).plus(Memory.mebibytes(1))).hasToString("2Mi");
    // ... unless the left operand is zero
    assertThat(Memory.bytes(0).plus(Memory.mebibytes(1))).hasToString("1Mi");
  }

  @Test
  void arithmeticBeyondWhatKubernetesKeepsIsRefused() {
    assertThatThrownBy(() -> Memory.bytes(Long.MAX_VALUE).plus(Memory.bytes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memory quantity 9223372036854775808 is larger than Kubernetes keeps (2^63-1)");
    assertThatThrownBy(() -> Memory.tebibytes(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cpu.cores(Long.MAX_VALUE).times(2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "''{0}'' is not a quantity")
  @ValueSource(strings = {"", " ", "abc", "1K", "1Kb", "1 Gi", "1.2.3", "Mi", "1e", "1Mi2",
      "--1", ".", "1ee3", "1e3.5", "1i", "0x10", "1,5", "e3"})
  void malformedQuantitiesAreRefused(String text) {
    assertThatThrownBy(() -> Cpu.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cpu quantity '" + text + "' is not a Kubernetes quantity: expected a decimal number"
            + " with an optional suffix n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent"
            + " such as e3 (for example 250m, 1.5, 512Mi, 1G)");
  }

  /** {@code Quantity.UnmarshalJSON} trims the string before {@code ParseQuantity}; Mizzen renders it canonical. */
  @Test
  void surroundingWhiteSpaceIsTrimmedAsTheApiServerDoes() {
    assertThat(Memory.parse(" 512Mi\t")).isEqualTo(Memory.parse("512Mi"));
    assertThat(Cpu.parse("\u00a0250m\n").toQuantity().toSuffixedString()).isEqualTo("250m");
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> Memory.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memory quantity must not be null");
  }

  @Test
  void quantitiesKubernetesWouldRoundOrCapAreRefused() {
    assertThatThrownBy(() -> Cpu.parse("0.1n"))
        .hasMessage("cpu quantity 0.1n is more precise than Kubernetes keeps (1n = 10^-9)");
    assertThatThrownBy(() -> Cpu.parse("9223372036854775808"))
        .hasMessage("cpu quantity 9223372036854775808 is larger than Kubernetes keeps (2^63-1)");
    assertThatThrownBy(() -> Cpu.parse("1e19"))
        .hasMessage("cpu quantity 1e19 is larger than Kubernetes keeps (2^63-1)");
    assertThatThrownBy(() -> Memory.parse("8Ei"))
        .hasMessage("memory quantity 8Ei is larger than Kubernetes keeps (2^63-1)");
  }

  @Test
  void fractionalBytesAreRefusedWithAHint() {
    assertThatThrownBy(() -> Memory.parse("500m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memory quantity '500m' is 0.5 bytes, which is not a whole number of bytes"
            + " ('m' means milli: write 500Mi or 500M for mebi- or megabytes)");
    assertThatThrownBy(() -> Storage.parse("0.5"))
        .hasMessage("storage quantity '0.5' is 0.5 bytes, which is not a whole number of bytes");
  }
}
