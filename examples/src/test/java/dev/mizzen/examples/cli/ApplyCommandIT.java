package dev.mizzen.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.identity.PodSecurityLevel;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.strategies.rollout.RolloutStatus;
import dev.mizzen.testkit.cluster.LocalCluster;
import dev.mizzen.testkit.junit.ClusterTest;
import dev.mizzen.testkit.junit.TestNamespace;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mizzen apply} and {@code mizzen diff} against the local control plane. */
@ClusterTest
class ApplyCommandIT {

  @Test
  void diffShowsWhatApplyingWouldChangeByFieldPathAndApplyWritesIt(LocalCluster cluster, TestNamespace ns,
                                                                  @TempDir Path dir) throws Exception {
    Path v1 = write(dir.resolve("v1.yaml"), ns, 2, "web:1");
    Path v2 = write(dir.resolve("v2.yaml"), ns, 3, "web:2");
    String kubeconfig = cluster.kubeconfig().toString();

    assertThat(run("diff", "--kubeconfig", kubeconfig, v1.toString())).startsWith("1\n")
        .contains("Deployment/" + ns.name() + "/web: created");
    assertThat(run("apply", "--kubeconfig", kubeconfig, v1.toString())).startsWith("0\n")
        .contains("applied Deployment/" + ns.name() + "/web");
    assertThat(run("diff", "--kubeconfig", kubeconfig, v1.toString())).startsWith("0\n");

    String diff = run("diff", "--kubeconfig", kubeconfig, v2.toString());
    assertThat(diff).startsWith("1\n").contains(
        "Deployment/" + ns.name() + "/web: spec.replicas: 2 → 3",
        "Deployment/" + ns.name() + "/web: spec.template.spec.containers[0].image: ghcr.io/acme/web:1 → ghcr.io/acme/web:2");
  }

  @Test
  void rolloutStatusTakesKubectlsTypeAndNameForStatefulSetsAndDaemonSets(LocalCluster cluster, TestNamespace ns,
                                                                          @TempDir Path dir) throws Exception {
    StatefulSet db = StatefulSet.named("db").replicas(2)
        .pod(PodTemplate.container(Container.named("db").image("ghcr.io/acme/db:1"))).build();
    Path file = Files.writeString(dir.resolve("db.yaml"), App.named("shop").namespace(ns.name()).add(db).build().yaml());
    String kubeconfig = cluster.kubeconfig().toString();
    assertThat(run("apply", "--kubeconfig", kubeconfig, file.toString())).startsWith("0\n");
    RolloutStatus.using(cluster.client()).statefulSet(ns.name(), "db").await(java.time.Duration.ofMinutes(2));

    assertThat(run("rollout", "status", "sts/db", "-n", ns.name(), "--kubeconfig", kubeconfig))
        // The API server defaults rollingUpdate.partition to 0, so kubectl reports a partitioned roll out.
        .isEqualTo("0\nStatefulSet/" + ns.name() + "/db: no rollout running\n"
            + "partitioned roll out complete: 2 new pods have been updated...\n");
    assertThat(run("rollout", "pause", "statefulset/db", "-n", ns.name(), "--kubeconfig", kubeconfig))
        .startsWith("2\n").contains("rollout pause is for the engine's rollouts of Deployments; a StatefulSet rolls"
            + " out with its own controller: use rollout status statefulset/db");
  }

  @Test
  void applyPrintsTheApiServersWarningsUnderTheirObject(LocalCluster cluster, TestNamespace ns, @TempDir Path dir)
      throws Exception {
    // Named apart from the other test's "web": the tests share the namespace.
    Deployment privileged = Deployment.named("privileged").replicas(1)
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1")))
        .customize(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setSecurityContext(
            new V1SecurityContext().privileged(true).runAsNonRoot(true)
                .seccompProfile(new V1SeccompProfile().type("RuntimeDefault"))))
        .build();
    Path file = Files.writeString(dir.resolve("warned.yaml"), App.named("shop").namespace(ns.name())
        .add(Namespace.named(ns.name()).warn(PodSecurityLevel.RESTRICTED).build(), privileged).build().yaml());

    assertThat(run("apply", "--kubeconfig", cluster.kubeconfig().toString(), file.toString())).startsWith("0\n")
        .contains("applied Deployment/" + ns.name() + "/privileged\n  warning: would violate PodSecurity \"restricted:latest\"")
        .contains("1 warning from the API server");
  }

  private static Path write(Path file, TestNamespace ns, int replicas, String image) throws Exception {
    Deployment web = Deployment.named("web").replicas(replicas)
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/" + image))).build();
    return Files.writeString(file, App.named("shop").namespace(ns.name()).add(web).build().yaml());
  }

  /** The exit code, a newline, then what the command printed on stdout. */
  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return code + "\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }
}
