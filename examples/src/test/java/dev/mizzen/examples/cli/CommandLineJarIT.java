package dev.mizzen.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The command-line jar that {@code mvn package} shades ({@code examples/target/mizzen.jar}, run
 * after packaging, hence an IT): it ships what the commands need and no test library or
 * benchmark harness.
 */
class CommandLineJarIT {
  private static final Path JAR = Path.of("target/mizzen.jar");

  @Test
  void shipsNoTestLibraryAndNoBenchmarkHarness() throws IOException {
    assertThat(JAR).exists();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> entries = jar.stream().map(ZipEntry::getName).toList();
      assertThat(entries).as("the commands and what they use")
          .contains("dev/mizzen/examples/cli/Main.class", "dev/mizzen/testkit/lint/Lint.class",
              "dev/mizzen/testkit/cluster/LocalCluster.class", "dev/mizzen/strategies/rollout/Rollouts.class",
              "dev/mizzen/dsl/app/App.class", "io/kubernetes/client/openapi/models/V1Deployment.class");
      assertThat(entries).as("no test library, assertion, JUnit extension or benchmark code (the demo's cluster is in)")
          .noneMatch(e -> e.startsWith("org/junit/") || e.startsWith("org/assertj/")
              || e.startsWith("org/openjdk/jmh/") || e.startsWith("net/bytebuddy/")
              || e.startsWith("dev/mizzen/testkit/assertions/")
              || e.startsWith("dev/mizzen/testkit/junit/") || e.startsWith("dev/mizzen/examples/bench/"));
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.mizzen.examples.cli.Main");
    }
    assertThat(Files.size(JAR)).isPositive();
  }
}
