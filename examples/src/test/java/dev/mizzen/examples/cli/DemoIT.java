package dev.mizzen.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, as a user runs it: {@code java -jar examples/target/mizzen.jar demo}, in
 * a process of its own, with a local cluster of its own.
 */
class DemoIT {
  private static final Path JAR = Path.of("target/mizzen.jar");

  @Test
  void theDemoPromotesACanaryThenAbortsABadVersion() throws IOException, InterruptedException {
    Path log = Files.createTempFile("mizzen-demo", ".log");
    Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "demo").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = demo.waitFor(6, TimeUnit.MINUTES);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (!ended) {
      demo.destroyForcibly();
    }

    assertThat(ended).as("the demo ends within 6 minutes:%n%s", output).isTrue();
    assertThat(demo.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("[demo] outcome: promoted, revision ")
        .contains("[demo] outcome: aborted at step 1: setWeight 33%: only 0 of 1 new pods Ready after 10s")
        .contains("[demo] web serves ghcr.io/acme/web:1.5.0 again")
        .contains("deleted in");
  }
}
