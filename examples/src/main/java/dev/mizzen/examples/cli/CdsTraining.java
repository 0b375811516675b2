package dev.mizzen.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run that {@code scripts/cds-archive.sh} records into the class-data sharing archive:
 * {@code render} and then {@code lint} of its output, as text and as JSON, so that these commands
 * start fast. Fails (exit 1) if a command does not succeed: a smoke test of the jar. Ends with
 * {@code Runtime.halt}, as {@code Main} does, so that the exit path is in the archive too.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Path yaml = Path.of(args[0]);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int render = Main.run(List.of("render", "--out", yaml.toString()), quiet, quiet);
    int lint = Main.run(List.of("lint", yaml.toString()), quiet, quiet);
    int lintJson = Main.run(List.of("lint", "--format", "json", yaml.toString()), quiet, quiet);
    if (render != 0 || lint != 0 || lintJson != 0 || Files.size(yaml) == 0) {
      System.err.println("CDS training run failed: render exit " + render + ", lint exit " + lint
          + ", lint --format json exit " + lintJson);
      Runtime.getRuntime().halt(1);
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
