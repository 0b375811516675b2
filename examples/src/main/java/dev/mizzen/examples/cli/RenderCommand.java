package dev.mizzen.examples.cli;

import dev.mizzen.dsl.app.App;
import dev.mizzen.examples.presets.PresetsApp;
import dev.mizzen.examples.shop.ShopApp;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code render [shop|presets] [--format yaml|json] [--out FILE]}: writes the manifests of the
 * shop app (the default) or of the presets' example app.
 */
final class RenderCommand implements Command {

  @Override
  public String name() {
    return "render";
  }

  @Override
  public String summary() {
    return "render [shop|presets] [--format yaml|json] [--out FILE]   write the shop app's 19 manifests, or the\n"
        + "      presets' example app's (stdout without --out)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, java.io.IOException {
    Path file = null;
    String format = "yaml";
    App app = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--out", "-o" -> file = Path.of(Command.argument(args, ++i, arg));
        case "--format" -> format = Command.argument(args, ++i, arg);
        case "shop", "presets" -> {
          if (app != null) {
            throw new UsageException("render takes one app, shop or presets");
          }
          app = arg.equals("shop") ? ShopApp.app() : PresetsApp.app();
        }
        default -> throw new UsageException("unknown argument for render: " + arg + " (the apps are shop and presets)");
      }
    }
    if (app == null) {
      app = ShopApp.app();
    }
    String text = switch (format) {
      case "yaml" -> app.yaml();
      case "json" -> app.json();
      default -> throw new UsageException("--format must be yaml or json, was " + format);
    };
    if (file == null) {
      out.print(text);
      out.flush();
    } else {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      err.println("wrote " + app.resources().size() + " objects to " + file);
    }
    return 0;
  }
}
