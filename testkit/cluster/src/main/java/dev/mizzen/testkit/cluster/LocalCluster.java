package dev.mizzen.testkit.cluster;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Kubernetes control plane on this machine: etcd, kube-apiserver,
 * kube-controller-manager and kube-scheduler as local processes, with kwok simulating the
 * nodes of a {@link Fleet} and the status of their pods ({@link PodBehaviour}).
 * Started by {@code kwokctl} with its binary runtime from {@link ControlPlaneBinaries}; nothing
 * is downloaded.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start()) {
 *   ApiClient client = cluster.client();
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} deletes the cluster completely: no processes, ports or directories are left.
 */
public final class LocalCluster implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final Path workDir;
  private final Kwokctl kwokctl;
  private final ControlPlaneBinaries binaries;
  private final PrintStream progress;
  private final ComponentProcesses processes;
  private volatile ApiClient client;
  private boolean closed;

  private LocalCluster(String name, Path workDir, Kwokctl kwokctl, ControlPlaneBinaries binaries, PrintStream progress) {
    this.name = name;
    this.workDir = workDir;
    this.kwokctl = kwokctl;
    this.binaries = binaries;
    this.progress = progress;
    this.processes = new ComponentProcesses(kwokctl.clusterDir());
  }

  /** Starts a cluster with the {@link TestFleet#standard() standard fleet}, reporting progress on stderr. */
  public static LocalCluster start() {
    return start(TestFleet.standard(), System.err);
  }

  /**
   * Starts a cluster whose nodes are those of {@code fleet} (each handed to kwok), printing each
   * step and its duration to {@code progress}.
   *
   * @throws ClusterStartException naming the component that failed, with the tail of its log
   */
  public static LocalCluster start(Fleet fleet, PrintStream progress) {
    ControlPlaneBinaries binaries = ControlPlaneBinaries.locate().verify();
    // kwokctl picks free ports before the components bind them; a cluster starting at the same
    // moment elsewhere on the machine can take one in between. That is worth another try.
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(binaries, fleet, progress);
      } catch (ClusterStartException e) {
        if (attempt >= 3 || !e.getMessage().contains("address already in use")) {
          throw e;
        }
        progress.println("[mizzen] a port was taken by another process while starting; trying again");
      }
    }
  }

  private static LocalCluster startOnce(ControlPlaneBinaries binaries, Fleet fleet, PrintStream progress) {
    List<V1Node> nodes = TestFleet.kwokNodes(fleet);
    String name = "mizzen-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    Path workDir;
    try {
      workDir = Files.createTempDirectory("mizzen-cluster-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path config = workDir.resolve("kwok.yaml");
    writeConfig(config, binaries);
    LocalCluster cluster = new LocalCluster(name, workDir, new Kwokctl(binaries, workDir, name, config), binaries, progress);
    try {
      cluster.create();
      cluster.addNodes(nodes);
      return cluster;
    } catch (RuntimeException e) {
      String diagnosis = cluster.processes.diagnose();
      cluster.close();
      throw new ClusterStartException("local cluster " + name + " did not start: " + e.getMessage() + diagnosis, e);
    }
  }

  private void create() {
    long start = System.nanoTime();
    progress.printf("[mizzen] starting local cluster %s (Kubernetes %s, kwok %s) ...%n",
        name, ControlPlaneBinaries.versions().getProperty("kubernetes"), ControlPlaneBinaries.versions().getProperty("kwok"));
    kwokctl.run(CREATE_TIMEOUT, processes.deathWatch(), "create", "cluster", "--runtime", "binary",
        "--kubeconfig", kubeconfig().toString(), "--wait", "3m");
    client = newClient();
    progress.printf("[mizzen] control plane up in %d ms%n", elapsedMillis(start));
  }

  /** Adds the nodes of {@code fleet} and waits until kwok reports each Ready. */
  public void addNodes(Fleet fleet) {
    addNodes(TestFleet.kwokNodes(fleet));
  }

  private void addNodes(List<V1Node> nodes) {
    long start = System.nanoTime();
    CoreV1Api core = new CoreV1Api(client);
    for (V1Node node : nodes) {
      try {
        core.createNode(node).execute();
      } catch (ApiException e) {
        throw new IllegalStateException("cannot create node " + node.getMetadata().getName() + ": "
            + e.getCode() + " " + e.getResponseBody(), e);
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    for (V1Node node : nodes) {
      String nodeName = node.getMetadata().getName();
      while (!isReady(core, nodeName)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("node " + nodeName + " did not become Ready within 1 minute");
        }
        sleep(Duration.ofMillis(200));
      }
    }
    progress.printf("[mizzen] %d nodes ready in %d ms%n", nodes.size(), elapsedMillis(start));
  }

  private static boolean isReady(CoreV1Api core, String nodeName) {
    try {
      V1Node node = core.readNode(nodeName).execute();
      List<V1NodeCondition> conditions = node.getStatus() == null ? null : node.getStatus().getConditions();
      return conditions != null && conditions.stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    } catch (ApiException e) {
      return false;
    }
  }

  /**
   * Makes {@code count} persistent volumes of {@code size} in storage class {@code storageClass}
   * (created if missing, with no provisioner and immediate binding), so claims of that class
   * bind and their pods schedule. The volumes are hostPath volumes that nothing ever mounts.
   */
  public void providePersistentVolumes(String storageClass, int count, String size) {
    var storage = new io.kubernetes.client.openapi.apis.StorageV1Api(client);
    var core = new CoreV1Api(client);
    try {
      try {
        storage.createStorageClass(new io.kubernetes.client.openapi.models.V1StorageClass()
            .apiVersion("storage.k8s.io/v1").kind("StorageClass")
            .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(storageClass))
            .provisioner("kubernetes.io/no-provisioner")
            .volumeBindingMode("Immediate")).execute();
      } catch (ApiException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
      for (int i = 0; i < count; i++) {
        String volume = storageClass + "-" + COUNTER.incrementAndGet();
        core.createPersistentVolume(new io.kubernetes.client.openapi.models.V1PersistentVolume()
            .apiVersion("v1").kind("PersistentVolume")
            .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(volume))
            .spec(new io.kubernetes.client.openapi.models.V1PersistentVolumeSpec()
                .storageClassName(storageClass)
                .capacity(java.util.Map.of("storage", Quantities.toQuantity(Quantities.parse("storage", size))))
                .accessModes(List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"))
                .hostPath(new io.kubernetes.client.openapi.models.V1HostPathVolumeSource().path("/mizzen/" + volume))))
            .execute();
      }
    } catch (ApiException e) {
      throw new IllegalStateException("cannot provide persistent volumes: " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }

  /** A client for this cluster (cluster-admin). Reconnects by itself after an API server restart. */
  public ApiClient client() {
    return client;
  }

  /** A kubeconfig file for this cluster, for kubectl or other tools. */
  public Path kubeconfig() {
    return workDir.resolve("kubeconfig.yaml");
  }

  /** The kubectl built for this cluster's version. */
  public Path kubectl() {
    return binaries.binary("kubectl");
  }

  /** The cluster's name, unique per process. */
  public String name() {
    return name;
  }

  /** Everything the cluster keeps on disk; gone after {@link #close()}. */
  public Path workDir() {
    return workDir;
  }

  /** Stops one component (SIGTERM, then SIGKILL after 30 s) and waits until its process is gone. */
  public void stop(Component component) {
    Optional<ProcessHandle> process = processes.process(component);
    if (process.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    ProcessHandle handle = process.get();
    handle.destroy();
    try {
      handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      handle.destroyForcibly();
      handle.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping " + component.kwokName(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
    progress.printf("[mizzen] stopped %s in %d ms%n", component.kwokName(), elapsedMillis(start));
  }

  /** Kills one component (SIGKILL: a crash, not a shutdown) and waits until its process is gone. */
  public void kill(Component component) {
    processes.process(component).ifPresent(handle -> {
      handle.destroyForcibly();
      handle.onExit().join();
      progress.printf("[mizzen] killed %s%n", component.kwokName());
    });
  }

  /**
   * Starts every component that is not running, and waits until the API server serves.
   *
   * @throws IllegalStateException naming each component that did not start, with its log tail
   */
  public void startStopped() {
    long start = System.nanoTime();
    processes.forgetStopped();
    kwokctl.run(Duration.ofMinutes(3), processes.deathWatch(), "start", "cluster");
    // kwokctl only warns when the API server does not serve within its wait: say so here.
    List<Component> down = processes.stopped();
    if (!down.isEmpty()) {
      throw new IllegalStateException("kwokctl start cluster left " + down + " stopped" + processes.diagnose());
    }
    progress.printf("[mizzen] components started in %d ms%n", elapsedMillis(start));
  }

  /** Stops and starts one component. */
  public void restart(Component component) {
    stop(component);
    startStopped();
  }

  /** Where kwokctl keeps the pid of {@code component} (for tests of the bookkeeping). */
  Path pidFile(Component component) {
    return processes.pidFile(component);
  }

  /** Whether the component's process is alive. */
  public boolean isRunning(Component component) {
    return processes.isRunning(component);
  }

  /** The last {@code lines} lines of a component's log. */
  public String logTail(Component component, int lines) {
    return processes.logTail(component, lines);
  }

  /** Deletes the cluster: stops every process, frees its ports and removes its directories. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long start = System.nanoTime();
    List<ProcessHandle> alive = new ArrayList<>();
    for (Component component : Component.values()) {
      processes.process(component).ifPresent(alive::add);
    }
    try {
      kwokctl.run(Duration.ofMinutes(2), "delete", "cluster");
    } catch (RuntimeException e) {
      progress.println("[mizzen] kwokctl delete cluster failed, killing processes: " + e.getMessage());
    }
    for (ProcessHandle process : alive) {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.onExit().join();
      }
    }
    deleteRecursively(workDir);
    progress.printf("[mizzen] local cluster %s deleted in %d ms%n", name, elapsedMillis(start));
  }

  private ApiClient newClient() {
    try {
      ApiClient apiClient = Config.fromConfig(kubeconfig().toString());
      apiClient.setReadTimeout(30_000);
      return apiClient;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig(), e);
    }
  }

  private static void writeConfig(Path config, ControlPlaneBinaries binaries) {
    var versions = ControlPlaneBinaries.versions();
    StringBuilder text = new StringBuilder();
    text.append("apiVersion: config.kwok.x-k8s.io/v1alpha1\n")
        .append("kind: KwokctlConfiguration\n")
        .append("options:\n")
        .append("  runtime: binary\n")
        .append("  kubeVersion: ").append(versions.getProperty("kubernetes")).append('\n')
        .append("  etcdVersion: ").append(versions.getProperty("etcd").replaceFirst("^v", "")).append('\n')
        .append("  kwokVersion: ").append(versions.getProperty("kwok")).append('\n')
        .append("  kubeApiserverBinary: ").append(binaries.binary("kube-apiserver")).append('\n')
        .append("  kubeControllerManagerBinary: ").append(binaries.binary("kube-controller-manager")).append('\n')
        .append("  kubeSchedulerBinary: ").append(binaries.binary("kube-scheduler")).append('\n')
        .append("  kubectlBinary: ").append(binaries.binary("kubectl")).append('\n')
        .append("  etcdBinary: ").append(binaries.binary("etcd")).append('\n')
        .append("  kwokControllerBinary: ").append(binaries.binary("kwok")).append('\n')
        .append("---\n");
    try (InputStream stages = LocalCluster.class.getResourceAsStream("pod-stages.yaml")) {
      if (stages == null) {
        throw new IllegalStateException("pod-stages.yaml is missing from the testkit jar");
      }
      text.append(new String(stages.readAllBytes(), StandardCharsets.UTF_8));
      Files.writeString(config, text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
