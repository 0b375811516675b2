package dev.mizzen.testkit.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer: seeded specs built through the DSL, each verdict of {@code build()}
 * compared with the API server's dry run in a namespace without Pod Security. Fails on any false
 * accept and on any false reject that docs/validation.md does not mark as deliberately stricter.
 *
 * <p>{@code -Dparity.specs=100000 -Dparity.seed=<n>} runs longer or other specs (see
 * docs/validation.md); the default seed and count make the test command deterministic.
 */
@ClusterTest(podSecurity = "privileged")
class ValidationParityIT {
  private static final long DEFAULT_SEED = 20261203L;
  private static final int DEFAULT_SPECS = 2000;
  /** Dry runs in flight: the API server is local and the machine small. */
  private static final int THREADS = 4;
  /** Failures reproduced and printed; the count covers them all. */
  private static final int REPRODUCED = 30;

  @Test
  void theDslAgreesWithTheApiServer(ApiClient client, TestNamespace namespace) throws Exception {
    long seed = Long.getLong("parity.seed", DEFAULT_SEED);
    int specs = Integer.getInteger("parity.specs", DEFAULT_SPECS);
    SpecGenerator generator = new SpecGenerator(seed, Catalogue.all());
    ApiServerJudge judge = new ApiServerJudge(client, namespace.name());
    Tally tally = new Tally();
    List<Comparison> failures = Collections.synchronizedList(new ArrayList<>());
    List<String> rawMismatches = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();

    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < specs; i = next.getAndIncrement()) {
            Spec spec = generator.spec(i);
            Comparison comparison = Comparison.of(spec, judge);
            tally.add(comparison);
            if (comparison.outcome().isFailure()) {
              failures.add(comparison);
            }
            if (comparison.dsl().accepted()) {
              RawEquivalence.difference(spec, comparison.dsl()).ifPresent(d -> rawMismatches.add(spec + "\n    " + d));
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    failures.sort(Comparator.comparingInt(c -> c.spec().index()));
    StringBuilder report = new StringBuilder();
    report.append(String.format("Validation parity: %d specs, seed %d, %d s%n", tally.specs(), seed, seconds));
    report.append(tally.table());
    if (!rawMismatches.isEmpty()) {
      report.append(rawMismatches.size()).append(" specs whose hand-made object differs from the DSL's (catalogue mistakes):\n");
      rawMismatches.stream().sorted().limit(10).forEach(m -> report.append("  ").append(m).append('\n'));
    }
    if (!failures.isEmpty()) {
      report.append(failures.size()).append(" failures; reproductions from the valid base (seed ").append(seed)
          .append("):\n");
      report.append(failures.stream().limit(REPRODUCED)
          .map(f -> "  spec " + f.spec().index() + ": " + Reproduction.of(f, judge).describe())
          .collect(Collectors.joining("\n")));
      report.append('\n');
    }
    System.out.println(report);

    assertThat(tally.specs()).isEqualTo(specs);
    assertThat(failures).as(report.toString()).isEmpty();
    assertThat(rawMismatches).as(report.toString()).isEmpty();
  }
}
