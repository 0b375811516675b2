package dev.mizzen.dsl.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QosClassTest {

  private static final Resources GUARANTEED_CONTAINER =
      Resources.requests(Cpu.millis(500), Memory.mebibytes(512)).limits(Cpu.millis(500), Memory.mebibytes(512)).build();

  @Test
  void noResourcesAtAllIsBestEffort() {
    assertThat(QosClass.of(List.of(Resources.none(), Resources.none()))).isEqualTo(QosClass.BEST_EFFORT);
    assertThat(QosClass.of(List.of())).isEqualTo(QosClass.BEST_EFFORT);
  }

  @Test
  void onlyCpuAndMemoryCount() {
    Resources storageOnly = Resources.requests(Storage.gibibytes(1)).limits(Storage.gibibytes(1))
        .limit(ExtendedResource.of("nvidia.com/gpu", 1)).build();
    assertThat(QosClass.of(List.of(storageOnly))).isEqualTo(QosClass.BEST_EFFORT);
  }

  @Test
  void zeroAmountsCountAsUnset() {
    Resources zero = Resources.requests(Cpu.cores(0), Memory.bytes(0)).build();
    assertThat(QosClass.of(List.of(zero))).isEqualTo(QosClass.BEST_EFFORT);
  }

  @Test
  void equalRequestsAndLimitsForCpuAndMemoryInEveryContainerIsGuaranteed() {
    assertThat(QosClass.of(List.of(GUARANTEED_CONTAINER, GUARANTEED_CONTAINER))).isEqualTo(QosClass.GUARANTEED);
    assertThat(QosClass.GUARANTEED.value()).isEqualTo("Guaranteed");
  }

  @Test
  void limitsAloneAreGuaranteedBecauseTheApiServerCopiesThemToRequests() {
    Resources limitsOnly = Resources.limits(Cpu.millis(500), Memory.mebibytes(512)).build();
    assertThat(QosClass.of(List.of(limitsOnly))).isEqualTo(QosClass.GUARANTEED);
  }

  @Test
  void equalAmountsWrittenDifferentlyAreStillGuaranteed() {
    Resources mixed = Resources.requests(Cpu.parse("0.5"), Memory.parse("1Gi"))
        .limits(Cpu.millis(500), Memory.parse("1073741824")).build();
    assertThat(QosClass.of(List.of(mixed))).isEqualTo(QosClass.GUARANTEED);
  }

  @Test
  void requestsBelowLimitsAreBurstable() {
    Resources shop = Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
        .limits(Cpu.millis(500), Memory.mebibytes(512)).build();
    assertThat(QosClass.of(List.of(shop))).isEqualTo(QosClass.BURSTABLE);
    assertThat(QosClass.BURSTABLE).hasToString("Burstable");
  }

  @Test
  void aMissingCpuLimitIsBurstable() {
    Resources memoryLimitOnly = Resources.requests(Cpu.millis(100), Memory.mebibytes(128))
        .limits(Memory.mebibytes(128)).build();
    assertThat(QosClass.of(List.of(memoryLimitOnly))).isEqualTo(QosClass.BURSTABLE);
  }

  @Test
  void oneContainerWithoutLimitsMakesTheWholePodBurstable() {
    Resources requestOnly = Resources.requests(Cpu.millis(10)).build();
    assertThat(QosClass.of(List.of(GUARANTEED_CONTAINER, requestOnly))).isEqualTo(QosClass.BURSTABLE);
    assertThat(QosClass.of(List.of(GUARANTEED_CONTAINER, Resources.none()))).isEqualTo(QosClass.BURSTABLE);
  }

  @Test
  void aZeroLimitDoesNotCountAsALimit() {
    Resources zeroCpuLimit = Resources.requests(Cpu.cores(0), Memory.mebibytes(64))
        .limits(Cpu.cores(0), Memory.mebibytes(64)).build();
    assertThat(QosClass.of(List.of(zeroCpuLimit))).isEqualTo(QosClass.BURSTABLE);
  }
}
