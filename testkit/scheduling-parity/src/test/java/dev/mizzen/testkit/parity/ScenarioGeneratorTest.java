package dev.mizzen.testkit.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.explain.ClusterState;
import dev.mizzen.scheduling.explain.Explanation;
import dev.mizzen.scheduling.explain.PendingPod;
import dev.mizzen.scheduling.explain.PlacedPod;
import dev.mizzen.scheduling.explain.PlacementExplainer;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.util.Yaml;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generator without a cluster: reproducible, isolated per scenario, and explainable. */
class ScenarioGeneratorTest {

  @Test
  void aSeedAndAnIndexGiveTheSameScenarioEveryTime() {
    Scenario first = new ScenarioGenerator(7).scenario(42);
    Scenario again = new ScenarioGenerator(7).scenario(42);

    assertThat(again.reproduction()).isEqualTo(first.reproduction());
    assertThat(new ScenarioGenerator(8).scenario(42).reproduction()).isNotEqualTo(first.reproduction());
  }

  @Test
  void everyPodStaysOnItsScenariosNodes() {
    IntStream.range(0, 200).mapToObj(new ScenarioGenerator(SchedulingParityIT.DEFAULT_SEED)::scenario).forEach(s -> {
      assertThat(s.incoming().getSpec().getNodeSelector()).containsEntry(ScenarioGenerator.SCENARIO_LABEL, s.id());
      assertThat(s.nodes()).allSatisfy(n -> assertThat(n.labels()).containsEntry(ScenarioGenerator.SCENARIO_LABEL, s.id()));
      assertThat(s.existing()).allSatisfy(p -> assertThat(s.nodes()).anyMatch(n -> n.name().equals(p.getSpec().getNodeName())));
      assertThat(s.nodes()).hasSizeBetween(1, 7);
    });
  }

  @Test
  void theExplainerAnswersEveryScenarioAndBothOutcomesOccur() {
    int[] outcomes = new int[2];
    IntStream.range(0, 300).mapToObj(new ScenarioGenerator(SchedulingParityIT.DEFAULT_SEED)::scenario).forEach(s -> {
      ClusterState state = ClusterState.of(Fleet.of(s.nodes()))
          .withPods(s.existing().stream().map(ScenarioGenerator::admitted).map(PlacedPod::fromV1Pod).toList());
      for (var selector : s.services()) {
        state = state.withWorkloadSelector(s.incoming().getMetadata().getNamespace(), selector);
      }
      Explanation why = PlacementExplainer.explain(PendingPod.fromV1Pod(ScenarioGenerator.admitted(s.incoming())), state);
      outcomes[why.schedulable() ? 0 : 1]++;
      // Every object survives a YAML round trip, as the reproduction prints it.
      assertThat(Yaml.dump(s.incoming())).contains(s.id() + "-pod");
    });
    assertThat(outcomes[0]).as("schedulable scenarios").isGreaterThan(60);
    assertThat(outcomes[1]).as("unschedulable scenarios").isGreaterThan(60);
  }
}
