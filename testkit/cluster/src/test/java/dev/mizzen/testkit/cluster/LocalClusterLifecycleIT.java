package dev.mizzen.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting and stopping a cluster of its own: nothing may be left behind. */
class LocalClusterLifecycleIT {

  @Test
  void closeLeavesNoProcessesPortsOrDirectories() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Path workDir;
    List<ProcessHandle> processes = new ArrayList<>();
    int port;
    try (LocalCluster cluster = LocalCluster.start(
        dev.mizzen.scheduling.fleet.Fleet.of(TestFleet.standard().nodes().get(0)), new PrintStream(progress, true, StandardCharsets.UTF_8))) {
      workDir = cluster.workDir();
      assertThat(new CoreV1Api(cluster.client()).listNode().execute().getItems()).hasSize(1);
      for (Component component : Component.values()) {
        assertThat(cluster.isRunning(component)).as(component.kwokName()).isTrue();
      }
      ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(cluster.name())).orElse(false))
          .forEach(processes::add);
      port = java.net.URI.create(cluster.client().getBasePath()).getPort();
    }
    assertThat(workDir).doesNotExist();
    assertThat(processes).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    try (var socket = new java.net.ServerSocket(port)) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("control plane up in").contains("1 nodes ready in").contains("deleted in");
  }
}
