package dev.mizzen.testkit.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs {@code kwokctl} for one cluster, with its own work directory and binaries on PATH. */
final class Kwokctl {
  private final ControlPlaneBinaries binaries;
  private final Path workDir;
  private final String clusterName;
  private final Path config;

  Kwokctl(ControlPlaneBinaries binaries, Path workDir, String clusterName, Path config) {
    this.binaries = binaries;
    this.workDir = workDir;
    this.clusterName = clusterName;
    this.config = config;
  }

  /** Runs {@code kwokctl <args> --name <cluster> --config <file>}; returns its output, throws on failure. */
  String run(Duration timeout, String... args) {
    return run(timeout, Optional::empty, args);
  }

  /**
   * As {@link #run(Duration, String...)}, polling {@code failure} every 250 ms while kwokctl
   * runs: when it reports a reason, kwokctl is stopped and a {@link ClusterStartException}
   * with that reason is thrown (a component that died would otherwise keep kwokctl waiting
   * for minutes).
   */
  String run(Duration timeout, Supplier<Optional<String>> failure, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binaries.binary("kwokctl").toString());
    command.addAll(List.of(args));
    command.add("--name");
    command.add(clusterName);
    command.add("--config");
    command.add(config.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // kwokctl keeps everything under KWOK_WORKDIR, and finds kubectl on PATH (else it downloads).
    builder.environment().put("KWOK_WORKDIR", workDir.toString());
    builder.environment().put("PATH", binaries.directory() + java.io.File.pathSeparator + System.getenv("PATH"));
    Path output = workDir.resolve("kwokctl-" + args[0] + ".log");
    builder.redirectOutput(output.toFile());
    try {
      Process process = builder.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!process.waitFor(250, TimeUnit.MILLISECONDS)) {
        Optional<String> reason = failure.get();
        if (reason.isPresent()) {
          process.destroyForcibly();
          process.waitFor();
          throw new ClusterStartException(reason.get());
        }
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("kwokctl " + String.join(" ", args) + " timed out after " + timeout
              + "; output:\n" + read(output));
        }
      }
      String text = read(output);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("kwokctl " + String.join(" ", args) + " failed (exit "
            + process.exitValue() + "):\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running kwokctl " + args[0], e);
    }
  }

  /** The cluster's own directory: pids/, logs/, pki/, kubeconfig. */
  Path clusterDir() {
    return workDir.resolve("clusters").resolve(clusterName);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
