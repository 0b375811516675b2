package dev.mizzen.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/mizzen} (run on the packaged jar, hence an IT), with every JDK it would pick here: the
 * one running the tests (17: class-data sharing archive) and a JDK 25 when there is one
 * ({@code JAVA25_HOME} or the well-known path: AOT cache). Its output, errors and exit codes are
 * those of {@code java -jar mizzen.jar}'s with the same JDK, whether it builds its cache first,
 * uses it, or rebuilds it because the jar changed.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("../bin/mizzen").toAbsolutePath().normalize();
  private static final Path JAR = Path.of("target/mizzen.jar").toAbsolutePath();

  @TempDir Path dir;

  static Stream<Path> jdks() {
    List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
    String java25 = System.getenv().getOrDefault("JAVA25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64");
    Path jdk25 = Path.of(java25);
    if (Files.isExecutable(jdk25.resolve("bin/java")) && !isSameJdk(jdk25, jdks.get(0))) {
      jdks.add(jdk25);
    }
    return jdks.stream();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void runsAsTheJarDoesAndRebuildsItsCacheWhenTheJarChanges(Path jdk) throws Exception {
    // A copy of the jar: its cache is written next to it, in this test's folder.
    Path jar = Files.copy(JAR, dir.resolve("mizzen.jar"));
    Path manifests = dir.resolve("shop.yaml");
    Files.writeString(manifests, run(List.of(java(jdk), "-jar", jar.toString(), "render"), jdk, jar).out);
    String mode = feature(jdk) >= 25 ? "aot" : "cds";

    String info = launcher(jdk, jar, "--launcher-info").out;
    assertThat(info).contains("mode:    " + mode).contains("(absent)");
    Path cache = cachePath(info);
    assertThat(cache.getParent()).isEqualTo(dir);
    assertThat(cache.getFileName().toString()).endsWith(mode.equals("aot") ? ".aot" : ".jsa");

    // First run: builds the cache, then runs the command; nothing of the build shows.
    assertSameAsJar(jdk, jar, "render");
    assertThat(cache).exists();
    assertThat(launcher(jdk, jar, "--launcher-info").out).contains("(fresh)");
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(Files.getLastModifiedTime(jar));

    // With the cache: every command as the jar runs it, errors and exit codes included.
    assertSameAsJar(jdk, jar, "render");
    assertSameAsJar(jdk, jar, "render", "--format", "json");
    assertSameAsJar(jdk, jar, "lint", "--format", "json", manifests.toString());
    assertSameAsJar(jdk, jar, "lint", dir.resolve("missing.yaml").toString());
    assertSameAsJar(jdk, jar, "render", "--format", "xml");
    assertSameAsJar(jdk, jar, "no-such-command");

    // The jar changes: the cache is stale, and the next run rebuilds it without a trace.
    FileTime later = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000);
    Files.setLastModifiedTime(jar, later);
    assertThat(launcher(jdk, jar, "--launcher-info").out).contains("(stale)");
    assertSameAsJar(jdk, jar, "render");
    assertThat(launcher(jdk, jar, "--launcher-info").out).contains("(fresh)");
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(later);
    assertSameAsJar(jdk, jar, "lint", manifests.toString());
  }

  private void assertSameAsJar(Path jdk, Path jar, String... args) throws Exception {
    List<String> plain = new ArrayList<>(List.of(java(jdk), "-jar", jar.toString()));
    plain.addAll(List.of(args));
    Result expected = run(plain, jdk, jar);
    Result actual = launcher(jdk, jar, args);
    assertThat(actual.out).as("stdout of %s", String.join(" ", args)).isEqualTo(expected.out);
    assertThat(actual.err).as("stderr of %s", String.join(" ", args)).isEqualTo(expected.err);
    assertThat(actual.exit).as("exit code of %s", String.join(" ", args)).isEqualTo(expected.exit);
  }

  private Result launcher(Path jdk, Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command, jdk, jar);
  }

  private Result run(List<String> command, Path jdk, Path jar) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", jdk.toString());
    env.put("MIZZEN_JAR", jar.toString());
    env.keySet().removeAll(List.of("MIZZEN_CACHE", "MIZZEN_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) { // a guard against a hang, not a timing check
      process.destroyForcibly();
      throw new AssertionError("did not finish: " + command);
    }
    Result result = new Result(Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), process.exitValue());
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  private static Path cachePath(String info) {
    String line = info.lines().filter(l -> l.startsWith("cache:")).findFirst().orElseThrow();
    return Path.of(line.substring("cache:".length()).trim().replaceFirst(" \\((absent|stale|fresh)\\)$", ""));
  }

  private static String java(Path jdk) {
    return jdk.resolve("bin/java").toString();
  }

  private static int feature(Path jdk) throws IOException {
    String version = Files.readAllLines(jdk.resolve("release")).stream()
        .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElseThrow()
        .replace("JAVA_VERSION=", "").replace("\"", "");
    return Integer.parseInt(version.split("[.+-]")[0]);
  }

  private static boolean isSameJdk(Path a, Path b) {
    try {
      return a.toRealPath().equals(b.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private record Result(String out, String err, int exit) {}
}
