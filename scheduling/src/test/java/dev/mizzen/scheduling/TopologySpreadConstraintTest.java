package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologySpreadConstraintTest {
  private static final Map<String, String> OWN = ImmutableMap.of("app.kubernetes.io/name", "web");

  private static List<String> problems(TopologySpreadConstraint.Builder constraint) {
    Validation v = Validation.of("pod/p");
    PlacementChecks.validate(v.field("c"), constraint.build());
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void defaultsAreMaxSkew1ScheduleAnywayAndOwnPods() {
    TopologySpreadConstraint constraint = TopologySpreadConstraint.over(Topology.ZONE).build();
    assertThat(constraint.maxSkew()).isEqualTo(1);
    assertThat(constraint.whenUnsatisfiable()).isEqualTo(WhenUnsatisfiable.SCHEDULE_ANYWAY);
    assertThat(constraint.isAboutOwnPods()).isTrue();
    assertThat(constraint.toV1TopologySpreadConstraint(OWN)).isEqualTo(new V1TopologySpreadConstraint()
        .maxSkew(1)
        .topologyKey("topology.kubernetes.io/zone")
        .whenUnsatisfiable("ScheduleAnyway")
        .labelSelector(new V1LabelSelector().matchLabels(OWN).matchExpressions(null))
        .matchLabelKeys(null));
  }

  @Test
  void rendersEveryField() {
    TopologySpreadConstraint constraint = TopologySpreadConstraint.over(Topology.HOSTNAME)
        .maxSkew(2)
        .strict()
        .minDomains(3)
        .nodeAffinityPolicy(NodeInclusionPolicy.IGNORE)
        .nodeTaintsPolicy(NodeInclusionPolicy.HONOR)
        .labelSelector(LabelSelector.matching("app", "db"))
        .matchLabelKey("pod-template-hash")
        .build();
    assertThat(constraint.toV1TopologySpreadConstraint(Map.of())).isEqualTo(new V1TopologySpreadConstraint()
        .maxSkew(2)
        .topologyKey("kubernetes.io/hostname")
        .whenUnsatisfiable("DoNotSchedule")
        .labelSelector(new V1LabelSelector().matchLabels(Map.of("app", "db")).matchExpressions(null))
        .minDomains(3)
        .nodeAffinityPolicy("Ignore")
        .nodeTaintsPolicy("Honor")
        .matchLabelKeys(List.of("pod-template-hash")));
  }

  @Test
  void ownPodsWithoutLabelsIsAnError() {
    assertThatThrownBy(() -> TopologySpreadConstraint.over(Topology.ZONE).build().toV1TopologySpreadConstraint(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ownPodLabels must not be empty");
  }

  @Test
  void validConstraintsHaveNoProblems() {
    assertThat(problems(TopologySpreadConstraint.over(Topology.ZONE))).isEmpty();
    assertThat(problems(TopologySpreadConstraint.over(Topology.ZONE).strict().minDomains(1)
        .matchLabelKey("pod-template-hash"))).isEmpty();
  }

  @Test
  void maxSkewMustBePositive() {
    assertThat(problems(TopologySpreadConstraint.over(Topology.ZONE).maxSkew(0)))
        .containsExactly("pod/p: c.maxSkew: must be >= 1, was 0");
  }

  @Test
  void topologyKeyIsRequired() {
    assertThat(problems(TopologySpreadConstraint.over(""))).containsExactly(
        "pod/p: c.topologyKey: must not be empty: name a node label such as topology.kubernetes.io/zone");
    assertThat(problems(TopologySpreadConstraint.over("zone!"))).containsExactly(
        "pod/p: c.topologyKey: key 'zone!' must have a name part of at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric");
  }

  @Test
  void minDomainsMustBePositiveAndOnlyWithDoNotSchedule() {
    assertThat(problems(TopologySpreadConstraint.over(Topology.ZONE).minDomains(0))).containsExactly(
        "pod/p: c.minDomains: must be >= 1, was 0",
        "pod/p: c.minDomains: may only be set when whenUnsatisfiable is DoNotSchedule, was ScheduleAnyway");
  }

  @Test
  void matchLabelKeysMustBeLabelKeysOutsideTheSelector() {
    assertThat(problems(TopologySpreadConstraint.over(Topology.ZONE)
        .labelSelector(LabelSelector.of(Label.key("app").in("db"), Label.key("tier").in()))
        .matchLabelKeys("bad key", "app"))).containsExactly(
        "pod/p: c.matchLabelKeys[0]: key 'bad key' must have a name part of at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric",
        "pod/p: c.matchLabelKeys[1]: 'app' must not be in both matchLabelKeys and labelSelector",
        "pod/p: c.labelSelector.matchExpressions[1].values: must not be empty when operator is In");
  }
}
