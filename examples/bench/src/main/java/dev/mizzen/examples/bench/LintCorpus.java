package dev.mizzen.examples.bench;

import dev.mizzen.dsl.app.App;
import dev.mizzen.examples.shop.ShopApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a lint benchmark corpus: {@code LintCorpus DIR APPS} writes APPS copies of the shop app
 * (19 objects each), one namespace per copy, ten copies per file, with findings sprinkled in:
 * every 7th copy runs {@code :latest} images, every 11th has a misspelt field
 * ({@code matchLabel}), every 13th a privileged container.
 */
public final class LintCorpus {
  private LintCorpus() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int apps = Integer.parseInt(args[1]);
    Files.createDirectories(dir);
    StringBuilder file = new StringBuilder();
    int files = 0;
    for (int i = 0; i < apps; i++) {
      App app = ShopApp.app("shop-" + i);
      String yaml = app.yaml();
      if (i % 7 == 0) {
        yaml = yaml.replace("ghcr.io/acme/web:1.4.2", "ghcr.io/acme/web:latest");
      }
      if (i % 11 == 0) {
        yaml = yaml.replaceFirst("matchLabels:", "matchLabel:");
      }
      if (i % 13 == 0) {
        yaml = yaml.replaceFirst("allowPrivilegeEscalation: false", "privileged: true");
      }
      file.append(file.length() == 0 ? "" : "---\n").append(yaml);
      if (i % 10 == 9 || i == apps - 1) {
        Files.writeString(dir.resolve(String.format("apps-%03d.yaml", files++)), file.toString());
        file.setLength(0);
      }
    }
    System.out.printf("%d objects in %d files under %s%n", apps * 19, files, dir);
  }
}
