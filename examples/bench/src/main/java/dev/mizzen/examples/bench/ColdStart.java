package dev.mizzen.examples.bench;

import dev.mizzen.examples.shop.ShopApp;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold render in a fresh JVM, for {@code scripts/bench-cold-start.sh}:
 * {@code ColdStart mizzen|client-java FILE} writes the shop app's YAML to FILE and exits.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ColdStart mizzen|client-java FILE");
      System.exit(2);
    }
    String yaml = switch (args[0]) {
      case "mizzen" -> ShopApp.app().yaml();
      case "client-java" -> Yaml.dumpAll(ShopAppDirect.objects().iterator());
      default -> throw new IllegalArgumentException("unknown variant " + args[0]);
    };
    Files.writeString(Path.of(args[1]), yaml);
  }
}
