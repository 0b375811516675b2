package dev.mizzen.testkit.cluster;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Where the control-plane binaries are: kube-apiserver, kube-controller-manager,
 * kube-scheduler, kubectl, etcd, kwok and kwokctl, all in one directory.
 *
 * <p>Looked up in this order: system property {@code mizzen.controlPlane.bin}, environment
 * variable {@code MIZZEN_CONTROL_PLANE_BIN}, then the cache that
 * {@code scripts/provision-control-plane.sh} fills:
 * {@code ${MIZZEN_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/mizzen}/control-plane/<versions>/bin}.
 */
public record ControlPlaneBinaries(Path directory) {

  /** The binaries a cluster needs, by file name. */
  public static final List<String> REQUIRED = ImmutableList.of(
      "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl", "etcd", "kwok", "kwokctl");

  /** Finds the directory as described in the class documentation. */
  public static ControlPlaneBinaries locate() {
    String property = System.getProperty("mizzen.controlPlane.bin");
    if (property != null && !property.isBlank()) {
      return new ControlPlaneBinaries(Path.of(property));
    }
    String env = System.getenv("MIZZEN_CONTROL_PLANE_BIN");
    if (env != null && !env.isBlank()) {
      return new ControlPlaneBinaries(Path.of(env));
    }
    return new ControlPlaneBinaries(defaultCache().resolve("bin"));
  }

  /** The cache directory of the pinned versions, whether or not it is filled yet. */
  public static Path defaultCache() {
    String cache = System.getenv("MIZZEN_CACHE_DIR");
    Path root;
    if (cache != null && !cache.isBlank()) {
      root = Path.of(cache);
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      root = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
          .resolve("mizzen");
    }
    Properties versions = versions();
    String key = "k8s-" + versions.getProperty("kubernetes")
        + "_etcd-" + versions.getProperty("etcd")
        + "_kwok-" + versions.getProperty("kwok");
    return root.resolve("control-plane").resolve(key);
  }

  /** The pinned versions: {@code kubernetes}, {@code etcd}, {@code kwok}. */
  public static Properties versions() {
    Properties versions = new Properties();
    try (InputStream in = ControlPlaneBinaries.class.getResourceAsStream("control-plane.properties")) {
      if (in == null) {
        throw new IllegalStateException("control-plane.properties is missing from the testkit jar");
      }
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions;
  }

  /** The path of one binary. */
  public Path binary(String name) {
    return directory.resolve(name);
  }

  /** Throws, saying how to fix it, unless every required binary is present and executable. */
  public ControlPlaneBinaries verify() {
    List<String> missing = REQUIRED.stream().filter(name -> !Files.isExecutable(binary(name))).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("control-plane binaries missing in " + directory + ": " + missing
          + ". Run scripts/provision-control-plane.sh (it builds them into the cache on first use),"
          + " or set MIZZEN_CONTROL_PLANE_BIN (or -Dmizzen.controlPlane.bin) to a directory holding "
          + REQUIRED + ".");
    }
    return this;
  }
}
