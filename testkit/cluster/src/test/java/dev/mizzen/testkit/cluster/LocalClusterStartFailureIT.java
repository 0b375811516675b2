package dev.mizzen.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mizzen.scheduling.fleet.Fleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A component that cannot start: the failure names it, shows its log, and leaves nothing behind. */
class LocalClusterStartFailureIT {

  @Test
  void aDyingApiServerIsNamedWithItsLogWithinSeconds(@TempDir Path bin) throws Exception {
    ControlPlaneBinaries real = ControlPlaneBinaries.locate().verify();
    for (String name : ControlPlaneBinaries.REQUIRED) {
      if (!name.equals("kube-apiserver")) {
        Files.createSymbolicLink(bin.resolve(name), real.binary(name));
      }
    }
    // Answers kwokctl's version probe like the real one, then fails as a bad flag would.
    Path fake = bin.resolve("kube-apiserver");
    Files.writeString(fake, "#!/bin/sh\n"
        + "case \"$1\" in version|--version) exec " + real.binary("kube-apiserver") + " \"$@\";; esac\n"
        + "echo 'E1121 unknown flag: --bogus-flag' >&2\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

    String previous = System.getProperty("mizzen.controlPlane.bin");
    System.setProperty("mizzen.controlPlane.bin", bin.toString());
    long start = System.nanoTime();
    ClusterStartException failure;
    try {
      failure = catchThrowableOfType(ClusterStartException.class, () -> LocalCluster.start(
          Fleet.none(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    } finally {
      if (previous == null) {
        System.clearProperty("mizzen.controlPlane.bin");
      } else {
        System.setProperty("mizzen.controlPlane.bin", previous);
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage())
        .contains("kube-apiserver exited while the cluster was starting")
        .contains("--- last 30 lines of kube-apiserver log ---")
        .contains("E1121 unknown flag: --bogus-flag");
    assertThat(seconds).as("reported without waiting for kwokctl's timeouts").isLessThan(60);
    Matcher name = Pattern.compile("local cluster (mizzen-\\d+-\\d+) did not start").matcher(failure.getMessage());
    assertThat(name.find()).isTrue();
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments()
        .map(args -> String.join(" ", args).contains("/clusters/" + name.group(1) + "/")).orElse(false)))
        .as("processes of the failed cluster").isEmpty();
  }
}
