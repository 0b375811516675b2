package dev.mizzen.examples.bench;

import dev.mizzen.examples.shop.ShopApp;
import io.kubernetes.client.util.Yaml;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One "app" = the shop app's 19 objects built, validated and rendered to one multi-document
 * YAML string. Compared side by side in one run: Mizzen's DSL, and the same objects built
 * directly with client-java's models and dumped with client-java's {@link Yaml}.
 *
 * <p>Run: {@code scripts/bench.sh} (or {@code java -cp examples/target/mizzen.jar
 * org.openjdk.jmh.Main RenderBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 3, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class RenderBenchmark {

  /** Mizzen: build (with validation) and render the shop app. */
  @Benchmark
  public String mizzenDsl() {
    return ShopApp.app().yaml();
  }

  /** Baseline: client-java models built by hand, dumped with client-java's Yaml. */
  @Benchmark
  public String clientJavaDirect() {
    return Yaml.dumpAll(ShopAppDirect.objects().iterator());
  }
}
