package dev.mizzen.examples.cli;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.strategies.apply.ApiWarning;
import dev.mizzen.strategies.apply.ApplyException;
import dev.mizzen.strategies.apply.ServerSideApply;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apply} and {@code diff} of manifest files, with server-side apply under field manager
 * {@code mizzen}: {@code apply} writes them, printing each object and the API server's warnings
 * about it; {@code diff} sends the same apply as a server-side
 * dry run and prints, by field path, how what the server would store differs from what it stores
 * now (what {@code kubectl diff --server-side} shows, as lines rather than a unified diff).
 */
final class ApplyCommand implements Command {
  private final boolean diff;

  ApplyCommand(boolean diff) {
    this.diff = diff;
  }

  @Override
  public String name() {
    return diff ? "diff" : "apply";
  }

  @Override
  public String summary() {
    return diff
        ? "diff [-n NAMESPACE] [--kubeconfig FILE] FILE...   what applying the files would change, by field path"
            + " (server-side dry run); exit 0 none, 1 some"
        : "apply [--force] [-n NAMESPACE] [--kubeconfig FILE] FILE...   server-side apply of the files";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    String namespace = null;
    String kubeconfig = null;
    boolean force = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "-n", "--namespace" -> namespace = Command.argument(args, ++i, arg);
        case "--kubeconfig" -> kubeconfig = Command.argument(args, ++i, arg);
        case "--force" -> {
          if (diff) {
            throw new UsageException("diff takes no --force");
          }
          force = true;
        }
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown argument for " + name() + ": " + arg);
          }
          files.add(Path.of(arg));
        }
      }
    }
    if (files.isEmpty()) {
      throw new UsageException(name() + " needs at least one manifest file");
    }
    List<KubernetesObject> objects = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no such file: " + file);
      }
      for (KubernetesObject object : Manifests.read(Files.readString(file, StandardCharsets.UTF_8))) {
        if (namespace != null && object.getMetadata().getNamespace() == null) {
          object.getMetadata().setNamespace(namespace);
        }
        objects.add(object);
      }
    }
    ApiClient client = kubeconfig == null ? Config.defaultClient() : Config.fromConfig(kubeconfig);
    try {
      if (!diff) {
        // The server's warnings print under their object's line; the count, like kubectl's warnings, to err.
        List<ApiWarning> warnings = ServerSideApply.using(client).force(force).progress(out)
            .applyWithWarnings(objects).warnings();
        if (!warnings.isEmpty()) {
          err.println(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
              + " from the API server (the objects were applied)");
        }
        return 0;
      }
      int changed = 0;
      ServerSideApply apply = ServerSideApply.using(client);
      for (KubernetesObject object : objects) {
        String ref = object.getKind() + "/" + (object.getMetadata().getNamespace() == null ? ""
            : object.getMetadata().getNamespace() + "/") + object.getMetadata().getName();
        List<String> lines = apply.diff(object);
        for (String line : lines) {
          out.println(ref + ": " + line);
        }
        changed += lines.isEmpty() ? 0 : 1;
      }
      err.println(changed + " of " + objects.size() + " objects would change");
      return changed == 0 ? 0 : 1;
    } catch (ApplyException e) {
      err.println("mizzen " + name() + ": " + e.getMessage());
      return 1;
    }
  }
}
