package dev.mizzen.testkit.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The component processes of one kwokctl cluster, found through the pid and log files kwokctl
 * keeps under the cluster's directory ({@code pids/<name>.pid}, {@code logs/<name>.log}).
 */
final class ComponentProcesses {
  private final Path clusterDir;

  /** How long after starting a component kwokctl may take to write its pid file. */
  private static final Duration PID_FILE_SLACK = Duration.ofSeconds(2);

  ComponentProcesses(Path clusterDir) {
    this.clusterDir = clusterDir;
  }

  /** Whether the component's process is alive. */
  boolean isRunning(Component component) {
    return process(component).isPresent();
  }

  /** The components whose process is not running, in start order. */
  List<Component> stopped() {
    List<Component> down = new ArrayList<>();
    for (Component component : Component.values()) {
      if (!isRunning(component)) {
        down.add(component);
      }
    }
    return down;
  }

  /** The last {@code lines} lines of a component's log. */
  String logTail(Component component, int lines) {
    Path log = clusterDir.resolve("logs").resolve(component.kwokName() + ".log");
    if (!Files.exists(log)) {
      log = clusterDir.resolve("logs").resolve(binaryName(component) + ".log");
    }
    try {
      if (!Files.exists(log)) {
        return "(no log at " + log + ")";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** The component's live process, if any. */
  Optional<ProcessHandle> process(Component component) {
    for (String file : List.of(component.kwokName(), binaryName(component))) {
      Path pid = clusterDir.resolve("pids").resolve(file + ".pid");
      if (Files.exists(pid)) {
        try {
          long id = Long.parseLong(Files.readString(pid).trim());
          Instant written = Files.getLastModifiedTime(pid).toInstant();
          return ProcessHandle.of(id)
              .filter(ComponentProcesses::isAliveAndNotZombie)
              .filter(process -> startedBy(process, written));
        } catch (IOException | NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Removes the pid file of each component that is not running, so that {@code kwokctl start}
   * starts it again. kwokctl counts a component as running when the pid in its file answers a
   * signal; after a component dies, the kernel may give that pid to another process (pids wrap
   * at 32768 here, and every thread of a busy machine takes one), and kwokctl would then wait for
   * a component it never started.
   */
  void forgetStopped() {
    for (Component component : stopped()) {
      Path pid = pidFile(component);
      if (Files.exists(pid)) {
        try {
          Files.deleteIfExists(pid);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * Whether {@code process} is the one kwokctl started when it wrote the pid file at
   * {@code written}, not a later process that was given the same pid: kwokctl writes the file
   * right after starting the process.
   */
  private static boolean startedBy(ProcessHandle process, Instant written) {
    return process.info().startInstant().map(started -> !started.isAfter(written.plus(PID_FILE_SLACK))).orElse(true);
  }

  /**
   * A component that exited but whose parent (kwokctl, while it still runs) has not reaped it
   * is a zombie, which {@link ProcessHandle#isAlive()} still counts as alive.
   */
  private static boolean isAliveAndNotZombie(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      int afterName = stat.lastIndexOf(')');
      return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
    } catch (IOException e) {
      return true; // no /proc: trust isAlive
    }
  }

  private static String binaryName(Component component) {
    return component == Component.KWOK_CONTROLLER ? "kwok" : component.kwokName();
  }

  /**
   * Watches the components while kwokctl starts them: one whose process is gone for two
   * seconds after it started has failed, and waiting longer would only delay the report.
   */
  /** A fresh watch for one start. */
  Supplier<Optional<String>> deathWatch() {
    return new DeathWatch();
  }

  private final class DeathWatch implements Supplier<Optional<String>> {
    private final Map<Component, Integer> deadPolls = new EnumMap<>(Component.class);

    @Override
    public Optional<String> get() {
      for (Component component : Component.values()) {
        boolean started = Files.exists(pidFile(component));
        int dead = started && !isRunning(component) ? deadPolls.getOrDefault(component, 0) + 1 : 0;
        deadPolls.put(component, dead);
        if (dead >= 8) {
          return Optional.of(component.kwokName() + " exited while the cluster was starting");
        }
      }
      return Optional.empty();
    }
  }

  /** Where kwokctl keeps the pid of {@code component}. */
  Path pidFile(Component component) {
    Path pids = clusterDir.resolve("pids");
    Path byName = pids.resolve(component.kwokName() + ".pid");
    return Files.exists(byName) ? byName : pids.resolve(binaryName(component) + ".pid");
  }

  /** Names each component that is not running, with the tail of its log. */
  String diagnose() {
    StringBuilder text = new StringBuilder();
    List<Component> down = stopped();
    List<Component> report = down.isEmpty() ? List.of(Component.KUBE_APISERVER) : down;
    if (!down.isEmpty()) {
      text.append("\nnot running: ").append(down.stream().map(Component::kwokName).toList());
    }
    for (Component component : report) {
      text.append("\n--- last 30 lines of ").append(component.kwokName()).append(" log ---\n")
          .append(logTail(component, 30));
    }
    return text.toString();
  }
}
