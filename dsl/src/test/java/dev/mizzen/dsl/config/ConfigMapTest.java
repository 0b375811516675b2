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
            .entry("..data", "x").entry("..", "x").entry(".", "x").entry("a..b", "x").entry(".env", "x").build()))
        .containsExactly(
            "ConfigMap/cfg: data[..data]: key '..data' must not be '.' or start with '..'",
            "ConfigMap/cfg: data[..]: key '..' must not be '.' or start with '..'",
            "ConfigMap/cfg: data[.]: key '.' must not be '.' or start with '..'");
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
