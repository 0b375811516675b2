package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerAssertTest {

  @Test
  void passesForTheShopsWebContainer() {
    assertThat(Shop.app()).deployment("web").container("web")
        .hasImage("ghcr.io/acme/web:1.4.2")
        .hasPinnedImage()
        .runsAsNonRoot()
        .hasReadOnlyRootFilesystem()
        .hasResources().hasRequests().hasLimits()
        .hasRequest("cpu", "250m").hasRequest("cpu", "0.25").hasLimit("memory", "512Mi")
        .hasProbes()
        .hasPort("http", 8080)
        .hasEnv("LOG_LEVEL", "info")
        .mounts("tmp", "/tmp");
  }

  @Test
  void reportsTheImageWithItsPath() {
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").container("web").hasImage("ghcr.io/acme/web:1.5.0"))
        .hasMessage("Deployment/shop/web: spec.template.spec.containers[web].image:"
            + " expected \"ghcr.io/acme/web:1.5.0\", but was \"ghcr.io/acme/web:1.4.2\"");
  }

  @Test
  void aPinnedImageHasADigestOrATagOtherThanLatest() {
    assertThat(container("nginx@sha256:0123456789abcdef")).hasPinnedImage();
    assertThat(container("registry.local:5000/team/app:2.1")).hasPinnedImage();

    assertThatThrownBy(() -> assertThat(container("nginx")).hasPinnedImage())
        .hasMessage("Container/app: image: expected a pinned image (a tag other than latest, or a digest),"
            + " but was \"nginx\" (no tag, which means latest)");
    assertThatThrownBy(() -> assertThat(container("registry.local:5000/app")).hasPinnedImage())
        .hasMessage("Container/app: image: expected a pinned image (a tag other than latest, or a digest),"
            + " but was \"registry.local:5000/app\" (no tag, which means latest)");
    assertThatThrownBy(() -> assertThat(container("nginx:latest")).hasPinnedImage())
        .hasMessage("Container/app: image: expected a pinned image (a tag other than latest, or a digest),"
            + " but was \"nginx:latest\" (the tag latest)");
  }

  @Test
  void runsAsNonRootWhenTheContainerOrThePodSaysSo() {
    V1Container plain = container("app:1");
    V1Container nonRoot = container("app:1").securityContext(new V1SecurityContext().runAsNonRoot(true));
    V1Container uid = container("app:1").securityContext(new V1SecurityContext().runAsUser(1000L));

    assertThat(nonRoot).runsAsNonRoot();
    assertThat(uid).runsAsNonRoot();
    assertThat(pod(plain, new V1PodSecurityContext().runAsNonRoot(true))).container("app").runsAsNonRoot();
    assertThat(pod(plain, new V1PodSecurityContext().runAsUser(10001L))).container("app").runsAsNonRoot();
    // The container's own setting wins over the pod's.
    assertThat(pod(nonRoot, new V1PodSecurityContext().runAsNonRoot(false))).container("app").runsAsNonRoot();

    assertThatThrownBy(() -> assertThat(plain).runsAsNonRoot())
        .hasMessage("Container/app: securityContext: expected to run as non-root (runAsNonRoot: true or a non-zero"
            + " runAsUser, on the container or the pod), but neither the container nor the pod sets either");
    assertThatThrownBy(() -> assertThat(pod(nonRoot, new V1PodSecurityContext().runAsUser(0L))).container("app").runsAsNonRoot())
        .hasMessage("PodSpec: containers[app].securityContext: expected to run as non-root,"
            + " but runAsUser is 0 (root), inherited from the pod");
    assertThatThrownBy(() -> assertThat(pod(uid, new V1PodSecurityContext().runAsNonRoot(false)))
        .container("app").hasImage("other"))
        .hasMessage("PodSpec: containers[app].image: expected \"other\", but was \"app:1\"");
    assertThatThrownBy(() -> assertThat(pod(plain, new V1PodSecurityContext().runAsNonRoot(false))).container("app").runsAsNonRoot())
        .hasMessage("PodSpec: containers[app].securityContext: expected to run as non-root,"
            + " but runAsNonRoot is false, inherited from the pod");
  }

  @Test
  void resourcesNeedCpuAndMemoryRequestsAndAMemoryLimit() {
    Container apiLike = Container.named("api").image("api:1")
        .resources(Resources.requests(Cpu.millis(100), Memory.mebibytes(128)).limits(Memory.mebibytes(256))).build();
    assertThat(apiLike).hasResources().hasRequests();

    assertThatThrownBy(() -> assertThat(apiLike).hasLimits())
        .hasMessage("Container/api: resources.limits: expected cpu and memory limits, but the cpu limit is missing");
    assertThatThrownBy(() -> assertThat(container("app:1")).hasResources())
        .hasMessage("Container/app: resources: expected requests for cpu and memory and a memory limit,"
            + " but the cpu request and the memory request and the memory limit are missing");
    V1Container cpuOnly = container("app:1").resources(new V1ResourceRequirements()
        .requests(Map.of("cpu", new Quantity("100m"))).limits(Map.of("memory", new Quantity("64Mi"))));
    assertThatThrownBy(() -> assertThat(cpuOnly).hasResources())
        .hasMessage("Container/app: resources: expected requests for cpu and memory and a memory limit,"
            + " but the memory request is missing");
    assertThatThrownBy(() -> assertThat(apiLike).hasRequest("memory", "256Mi"))
        .hasMessage("Container/api: resources.requests[memory]: expected 256Mi, but was 128Mi");
    assertThatThrownBy(() -> assertThat(apiLike).hasLimit("cpu", "1"))
        .hasMessage("Container/api: resources.limits[cpu]: expected 1, but there is none");
  }

  @Test
  void probesMeanReadinessAndLiveness() {
    Container onlyReady = Container.named("app").image("app:1").readiness(Probe.tcp(80)).build();
    assertThatThrownBy(() -> assertThat(onlyReady).hasProbes())
        .hasMessage("Container/app: expected a readiness and a liveness probe, but there is no liveness probe");
    assertThatThrownBy(() -> assertThat(container("app:1")).hasProbes())
        .hasMessage("Container/app: expected a readiness and a liveness probe,"
            + " but there is no readiness and no liveness probe");
  }

  @Test
  void checksPortsEnvironmentAndMounts() {
    Container app = Container.named("app").image("app:1").port(Port.http(8080)).env(Env.literal("MODE", "fast")).build();
    assertThatThrownBy(() -> assertThat(app).hasPort("metrics", 9100))
        .hasMessage("Container/app: ports: expected a port metrics:9100, but found [http:8080]");
    assertThatThrownBy(() -> assertThat(app).hasEnv("MODE", "slow"))
        .hasMessage("Container/app: env[MODE]: expected the value \"slow\", but was \"fast\"");
    assertThatThrownBy(() -> assertThat(app).hasEnv("DEBUG"))
        .hasMessage("Container/app: env: expected a variable DEBUG, but there is none");
    assertThatThrownBy(() -> assertThat(app).mounts("tmp", "/tmp"))
        .hasMessage("Container/app: volumeMounts: expected volume tmp mounted at /tmp, but found []");
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("api").container("api").hasEnv("DB_USER", "shop"))
        .hasMessage("Deployment/shop/api: spec.template.spec.containers[api].env[DB_USER]:"
            + " expected the value \"shop\", but was taken from a reference (valueFrom)");
  }

  private static V1Container container(String image) {
    return new V1Container().name("app").image(image);
  }

  private static V1PodSpec pod(V1Container container, V1PodSecurityContext security) {
    return new V1PodSpec().containers(List.of(container)).securityContext(security);
  }
}
