package dev.mizzen.dsl.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.validation.InvalidSpecException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

class ContainerServiceTest {
  private static final ContainerService HELLO = Presets.containerService("hello");

  private static Deployment deployment(ContainerService service, Container.Builder container) {
    return service.deployment().pod(PodTemplate.container(container)).build();
  }

  private static Container.Builder withResources(Container.Builder container) {
    return container.resources(Resources.requests(Cpu.millis(500), Memory.mebibytes(512)).limits(Memory.mebibytes(512)));
  }

  @Test
  void theContainerListensOnPortWhichIsNamedAndProbed() {
    V1Container container = withResources(HELLO.container("ghcr.io/acme/hello:1.0.0")).build().toV1Container();

    assertThat(container.getName()).isEqualTo("hello");
    assertThat(container.getEnv()).containsExactly(new V1EnvVar().name("PORT").value("8080"));
    assertThat(container.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getContainerPort()).isEqualTo(8080);
    });
    assertThat(container.getReadinessProbe().getTcpSocket().getPort().getStrValue()).isEqualTo("http");
  }

  @Test
  void anotherPortAndAnHttpReadinessPath() {
    ContainerService custom = HELLO.port(9000).readinessPath("/ready");

    V1Container container = custom.container("ghcr.io/acme/hello:1.0.0").build().toV1Container();

    assertThat(container.getEnv()).containsExactly(new V1EnvVar().name("PORT").value("9000"));
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(9000);
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrValue()).isEqualTo("http");
    assertThat(custom.containerPort()).isEqualTo(9000);
  }

  @Test
  void aServiceAndAnAutoscalerMakeAValidApp() {
    Deployment deployment = deployment(HELLO, withResources(HELLO.container("ghcr.io/acme/hello:1.0.0")));
    Service service = HELLO.service().build();
    HorizontalPodAutoscaler autoscaler = HELLO.instances(3, 20).cpuTarget(50).autoscaler(deployment).build();

    App app = App.named("hello").namespace("apps").add(deployment, service, autoscaler).build();

    assertThat(deployment.replicas()).isEmpty();
    assertThat(deployment.render().getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntValue()).isZero();
    V1Service renderedService = service.render();
    assertThat(renderedService.getSpec().getPorts().get(0).getPort()).isEqualTo(80);
    assertThat(renderedService.getSpec().getPorts().get(0).getTargetPort().getStrValue()).isEqualTo("http");
    V2HorizontalPodAutoscaler hpa = autoscaler.render();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(50);
    assertThat(app.objects()).hasSize(3);
  }

  @Test
  void theDefaultsAreTwoToTenInstancesAtSixtyPercent() {
    Deployment deployment = deployment(HELLO, withResources(HELLO.container("ghcr.io/acme/hello:1.0.0")));

    V2HorizontalPodAutoscaler hpa = HELLO.autoscaler(deployment).build().render();

    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(60);
  }

  @Test
  void theAutoscalerNeedsCpuRequestsAndReplicasLeftToIt() {
    Deployment withoutRequests = deployment(HELLO, HELLO.container("ghcr.io/acme/hello:1.0.0"));
    Deployment withReplicas = HELLO.deployment().replicas(3)
        .pod(PodTemplate.container(withResources(HELLO.container("ghcr.io/acme/hello:1.0.0")))).build();

    assertThatThrownBy(() -> HELLO.autoscaler(withoutRequests)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("Deployment/hello: spec.template.spec.containers[hello].resources.requests.cpu: is required:"
            + " the autoscaler keeps CPU utilization, a share of the requests, at 60%");
    assertThatThrownBy(() -> HELLO.autoscaler(withReplicas)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("Deployment/hello: spec.replicas: must be left unset, was 3: the autoscaler owns the replica count");
  }
}
