package dev.mizzen.dsl.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConfigMapTest {

  /** {@code IsConfigMapKey}: the kubelet keeps {@code ..data} and the like in the mounted directory. */
  @Test
  void refusesKeysStartingWithTwoDots() {
    assertThat(problems(() -> ConfigMap.named("cfg")
            .data("..data", "x").data("..", "x").data(".", "x").data("a..b", "x").data(".env", "x").build()))
        .containsExactly(
            "ConfigMap/cfg: data[..data]: key '..data' must not be '.' or start with '..'",
            "ConfigMap/cfg: data[..]: key '..' must not be '.' or start with '..'",
            "ConfigMap/cfg: data[.]: key '.' must not be '.' or start with '..'");
  }

  /** {@code ValidateConfigMap}: the values' UTF-8 bytes, keys not counted, at most 1 MiB. */
  @Test
  void limitsTheTotalSizeOfTheValuesTo1MiBOfUtf8() {
    String half = "x".repeat(ConfigMap.MAX_SIZE / 2);
    assertThat(ConfigMap.named("ok").data("a", half).data("b", half).build().data()).containsKeys("a", "b");
    assertThat(problems(() -> ConfigMap.named("big").data("a", half).data("b", "\u00e9".repeat(ConfigMap.MAX_SIZE / 4 + 1))
            .build()))
        .containsExactly("ConfigMap/big: data: total size of the values must be at most 1048576 bytes (UTF-8),"
            + " was 1048578");
  }

  private static List<String> problems(Supplier<?> build) {
    try {
      build.get();
      return List.of();
    } catch (InvalidSpecException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
