package dev.mizzen.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneBinariesTest {

  @Test
  void missingBinariesAreNamedWithTheFix(@TempDir Path dir) throws Exception {
    Path kubectl = Files.createFile(dir.resolve("kubectl"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThat(kubectl).isExecutable();
    assertThatThrownBy(() -> new ControlPlaneBinaries(dir).verify())
        .hasMessageContaining("control-plane binaries missing in " + dir)
        .hasMessageContaining("[kube-apiserver, kube-controller-manager, kube-scheduler, etcd, kwok, kwokctl]")
        .hasMessageContaining("scripts/provision-control-plane.sh")
        .hasMessageContaining("MIZZEN_CONTROL_PLANE_BIN");
  }

  @Test
  void systemPropertyWins() {
    String previous = System.getProperty("mizzen.controlPlane.bin");
    System.setProperty("mizzen.controlPlane.bin", "/opt/k8s/bin");
    try {
      assertThat(ControlPlaneBinaries.locate().directory()).isEqualTo(Path.of("/opt/k8s/bin"));
    } finally {
      if (previous == null) {
        System.clearProperty("mizzen.controlPlane.bin");
      } else {
        System.setProperty("mizzen.controlPlane.bin", previous);
      }
    }
  }

  @Test
  void defaultCacheIsKeyedByEveryVersion() {
    var versions = ControlPlaneBinaries.versions();
    assertThat(versions.getProperty("kubernetes")).startsWith("v1.33.");
    assertThat(versions.getProperty("etcd")).startsWith("v3.5.");
    assertThat(ControlPlaneBinaries.defaultCache().getFileName().toString())
        .isEqualTo("k8s-" + versions.getProperty("kubernetes") + "_etcd-" + versions.getProperty("etcd")
            + "_kwok-" + versions.getProperty("kwok"));
  }
}
