package dev.mizzen.scheduling.explain;

import static dev.mizzen.scheduling.explain.Specs.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests as the scheduler computes them (component-helpers resource.PodRequests, KEP-753). */
class PodResourcesTest {

  @Test
  void containersAddUpAndInitContainersSetAFloor() {
    V1PodSpec spec = new V1PodSpec()
        .addContainersItem(container("a", Map.of("cpu", "500m", "memory", "1Gi")))
        .addContainersItem(container("b", Map.of("cpu", "250m")))
        .addInitContainersItem(container("init", Map.of("cpu", "2", "memory", "512Mi")));

    assertThat(PodResources.requests(spec)).containsEntry("cpu", 2000L).containsEntry("memory", 1024L * 1024 * 1024);
  }

  @Test
  void sidecarsRunAlongsideAndLaterInitContainers() {
    // KEP-753 example: sidecar 1 cpu; a later init container of 2 cpu runs next to it (3); containers 1 cpu + sidecar = 2.
    V1Container sidecar = container("proxy", Map.of("cpu", "1")).restartPolicy("Always");
    V1PodSpec spec = new V1PodSpec()
        .addInitContainersItem(sidecar)
        .addInitContainersItem(container("migrate", Map.of("cpu", "2")))
        .addContainersItem(container("app", Map.of("cpu", "1")));

    assertThat(PodResources.requests(spec)).containsEntry("cpu", 3000L);

    V1PodSpec smallInit = new V1PodSpec()
        .addInitContainersItem(sidecar)
        .addInitContainersItem(container("migrate", Map.of("cpu", "500m")))
        .addContainersItem(container("app", Map.of("cpu", "1")));
    assertThat(PodResources.requests(smallInit)).containsEntry("cpu", 2000L);
  }

  @Test
  void overheadIsAddedAndLimitsStandInForMissingRequests() {
    V1PodSpec spec = new V1PodSpec()
        .addContainersItem(new V1Container().name("a").resources(new V1ResourceRequirements()
            .limits(Map.of("cpu", Quantity.fromString("1"), "nvidia.com/gpu", Quantity.fromString("2")))))
        .overhead(Map.of("cpu", Quantity.fromString("250m"), "memory", Quantity.fromString("120Mi")));

    assertThat(PodResources.requests(spec))
        .containsEntry("cpu", 1250L).containsEntry("memory", 120L * 1024 * 1024).containsEntry("nvidia.com/gpu", 2L);
  }

  @Test
  void scoringCountsDefaultsForContainersWithoutRequestsButKeepsExplicitZeros() {
    V1PodSpec spec = new V1PodSpec()
        .addContainersItem(new V1Container().name("a"))
        .addContainersItem(container("b", Map.of("cpu", "0")));

    assertThat(PodResources.nonZeroRequests(spec)).containsEntry("cpu", 100L).containsEntry("memory", 2L * 200 * 1024 * 1024);
    assertThat(PodResources.requests(spec)).containsEntry("cpu", 0L).doesNotContainKey("memory");
  }

  @Test
  void amountsRoundUpAsMilliValueAndValueDo() {
    assertThat(PodResources.amount("cpu", new java.math.BigDecimal("0.0001"))).isEqualTo(1);
    assertThat(PodResources.amount("memory", new java.math.BigDecimal("1.5"))).isEqualTo(2);
  }
}
