package dev.mizzen.examples.bench;

import dev.mizzen.testkit.lint.Lint;
import dev.mizzen.testkit.lint.LintReport;
import dev.mizzen.testkit.policy.Policies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Warm, in-process lint throughput: {@code LintThroughput DIR [ROUNDS]} lints every file of DIR
 * (read, schema check, all policies) ROUNDS times after as many warm-up rounds, and prints the
 * median objects per second.
 */
public final class LintThroughput {
  private LintThroughput() {}

  public static void main(String[] args) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of(args[0]))) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Lint lint = Lint.with(Policies.all());
    for (int i = 0; i < rounds; i++) {
      lint.files(files);
    }
    List<Double> rates = new ArrayList<>();
    LintReport report = null;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      report = lint.files(files);
      rates.add(report.objects() / ((System.nanoTime() - start) / 1e9));
    }
    Collections.sort(rates);
    System.out.printf("warm in-process lint: %d objects, %d findings; median %.0f objects/s (min %.0f, max %.0f, %d rounds)%n",
        report.objects(), report.findings().size(), rates.get(rates.size() / 2), rates.get(0),
        rates.get(rates.size() - 1), rounds);
  }
}
