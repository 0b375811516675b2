package dev.mizzen.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.examples.presets.PresetsApp;
import dev.mizzen.examples.shop.ShopApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void renderWritesTheShopAppToStdout() {
    assertThat(run("render")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(ShopApp.app().yaml());
  }

  @Test
  void renderWritesToAFileAndSaysSo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/shop.yaml");
    assertThat(run("render", "--out", file.toString())).isZero();
    assertThat(Files.readString(file)).isEqualTo(ShopApp.app().yaml());
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("wrote 19 objects to " + file + "\n");
    assertThat(out.size()).isZero();
  }

  @Test
  void renderPresetsWritesThePresetsExampleApp() {
    assertThat(run("render", "presets")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(PresetsApp.app().yaml());
    assertThat(run("render", "shop", "presets")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("mizzen: render takes one app, shop or presets");
  }

  @Test
  void renderJson() {
    assertThat(run("render", "--format", "json")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\"");
  }

  @Test
  void badUsageExitsWithTwoAndShowsUsage() {
    assertThat(run("render", "--out")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("mizzen: --out needs a value").contains("usage:");
    err.reset();
    assertThat(run("deploy")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'deploy'");
    assertThat(run()).isEqualTo(2);
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("render [shop|presets] [--format yaml|json] [--out FILE]");
  }
}
