package dev.mizzen.dsl.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.scheduling.NodeLabel;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.TopologySpreadConstraint;
import dev.mizzen.scheduling.WhenUnsatisfiable;
import dev.mizzen.scheduling.explain.ClusterState;
import dev.mizzen.scheduling.explain.PlacementExplainer;
import dev.mizzen.scheduling.explain.ReplicaPlacement;
import dev.mizzen.scheduling.fleet.Fleet;
import dev.mizzen.scheduling.fleet.Node;
import dev.mizzen.validation.InvalidSpecException;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HighlyAvailableTest {
  private static final HighlyAvailable HA = Presets.highlyAvailable();

  /** A Deployment of {@code replicas} pods of 1 CPU, placed by {@code placement}. */
  private static Deployment web(OptionalInt replicas, Placement.Builder placement) {
    return web(replicas, placement.build());
  }

  private static Deployment web(OptionalInt replicas, Placement placement) {
    Deployment.Builder web = Deployment.named("web")
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2")
                .resources(Resources.requests(Cpu.cores(1), Memory.mebibytes(256))))
            .placement(placement));
    replicas.ifPresent(web::replicas);
    return web.build();
  }

  private static Deployment web(int replicas) {
    return web(OptionalInt.of(replicas), HA.placement());
  }

  @Test
  void theZoneSpreadIsHardAndTheHostSpreadSoftEachPerRevision() {
    V1Deployment rendered = web(3).render();
    List<V1TopologySpreadConstraint> constraints = rendered.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();

    assertThat(constraints).hasSize(2);
    V1TopologySpreadConstraint zone = constraints.get(0);
    assertThat(zone.getTopologyKey()).isEqualTo(Topology.ZONE);
    assertThat(zone.getMaxSkew()).isEqualTo(1);
    assertThat(zone.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
    assertThat(zone.getNodeTaintsPolicy()).isEqualTo("Honor");
    assertThat(zone.getMatchLabelKeys()).containsExactly("pod-template-hash");
    assertThat(zone.getLabelSelector().getMatchLabels()).isEqualTo(rendered.getSpec().getSelector().getMatchLabels());
    V1TopologySpreadConstraint host = constraints.get(1);
    assertThat(host.getTopologyKey()).isEqualTo(Topology.HOSTNAME);
    assertThat(host.getMaxSkew()).isEqualTo(1);
    assertThat(host.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
    assertThat(host.getMatchLabelKeys()).containsExactly("pod-template-hash");
    assertThat(rendered.getSpec().getTemplate().getSpec().getAffinity()).isNull();
  }

  @Test
  void itSpreadsReplicasEvenlyOverThreeZonesAndTheirNodes() {
    Fleet fleet = Fleets.zones(2);

    ReplicaPlacement six = PlacementExplainer.placeReplicas(Fleets.pod(web(6)), 6, ClusterState.of(fleet));

    assertThat(six.pending()).isZero();
    assertThat(six.perZone()).containsExactly(Map.entry("zone-a", 2), Map.entry("zone-b", 2), Map.entry("zone-c", 2));
    assertThat(six.perNode()).hasSize(6).allSatisfy((node, count) -> assertThat(count).isEqualTo(1));
  }

  @Test
  void onAZoneWithMoreNodesItStillBalancesZonesWhereDefaultSpreadingDoesNot() {
    Fleet lopsided = Fleet.of(Fleets.node("a-1", "zone-a", "4"), Fleets.node("a-2", "zone-a", "4"), Fleets.node("a-3", "zone-a", "4"),
        Fleets.node("a-4", "zone-a", "4"),
        Fleets.node("b-1", "zone-b", "4"),
        Fleets.node("c-1", "zone-c", "4"));

    ReplicaPlacement spread = PlacementExplainer.placeReplicas(Fleets.pod(web(6)), 6, ClusterState.of(lopsided));
    ReplicaPlacement plain = PlacementExplainer.placeReplicas(
        Fleets.pod(web(OptionalInt.of(6), Placement.none())), 6, ClusterState.of(lopsided));

    assertThat(spread.perZone()).containsExactly(Map.entry("zone-a", 2), Map.entry("zone-b", 2), Map.entry("zone-c", 2));
    assertThat(spread.perNode()).containsEntry("b-1", 2).containsEntry("c-1", 2);
    assertThat(plain.perZone().get("zone-a")).as("kube-scheduler's default spreading: " + plain).isGreaterThan(2);
  }

  @Test
  void whenAZoneIsFullTheReplicasStayPendingRatherThanPileIntoTheOthers() {
    Fleet fleet = Fleet.of(
        Fleets.node("a-1", "zone-a", "4"),
        Fleets.node("b-1", "zone-b", "4"),
        Fleets.node("c-1", "zone-c", "1"));               // room for one replica of 1 CPU

    ReplicaPlacement placement = PlacementExplainer.placeReplicas(Fleets.pod(web(6)), 6, ClusterState.of(fleet));

    assertThat(placement.perZone()).containsExactly(Map.entry("zone-a", 2), Map.entry("zone-b", 2), Map.entry("zone-c", 1));
    assertThat(placement.pending()).isEqualTo(1);
    assertThat(placement.explanations().get(5).failedSchedulingMessage()).hasValue("0/3 nodes are available:"
        + " 1 Insufficient cpu, 2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are"
        + " available: 3 No preemption victims found for incoming pod.");
  }

  @Test
  void aZoneOfNodesThePodsDoNotTolerateDoesNotHoldTheSpreadBack() {
    Fleet fleet = Fleets.zones(1,
        Node.named("gpu-zone-d-1").zone("zone-d").pool("gpu").capacity("cpu", "8").capacity("memory", "32Gi")
            .capacity("pods", "110").taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE));
    Placement.Builder ignoringTaints = Placement
        .spread(TopologySpreadConstraint.over(Topology.ZONE).maxSkew(1).whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE));

    ReplicaPlacement honoured = PlacementExplainer.placeReplicas(Fleets.pod(web(6)), 6, ClusterState.of(fleet));
    ReplicaPlacement ignored = PlacementExplainer.placeReplicas(
        Fleets.pod(web(OptionalInt.of(6), ignoringTaints)), 6, ClusterState.of(fleet));

    assertThat(honoured.pending()).isZero();
    assertThat(honoured.perZone()).containsExactly(Map.entry("zone-a", 2), Map.entry("zone-b", 2), Map.entry("zone-c", 2));
    assertThat(ignored.placed()).as("zone-d counts as a zone with no replica, so the others stop at 1").hasSize(3);
  }

  @Test
  void itComposesWithNodeRequirements() {
    Fleet fleet = Fleets.standard();
    Deployment web = web(OptionalInt.of(3), HA.placement().requireNodes(NodeLabel.key("node-pool").in("general")));

    ReplicaPlacement placement = PlacementExplainer.placeReplicas(Fleets.pod(web), 3, ClusterState.of(fleet));

    assertThat(placement.perNode()).containsOnlyKeys("general-zone-a-1", "general-zone-b-1", "general-zone-c-1");
  }

  @Test
  void theBudgetLetsOnePodGoAtATimeAndUnreadyPodsAlways() {
    Deployment web = web(3);
    PodDisruptionBudget budget = HA.disruptionBudget(web).build();

    V1PodDisruptionBudget rendered = budget.render();
    assertThat(rendered.getMetadata().getName()).isEqualTo("web");
    assertThat(rendered.getSpec().getMaxUnavailable().getIntValue()).isEqualTo(1);
    assertThat(rendered.getSpec().getMinAvailable()).isNull();
    assertThat(rendered.getSpec().getUnhealthyPodEvictionPolicy()).isEqualTo("AlwaysAllow");
    assertThat(rendered.getSpec().getSelector().getMatchLabels())
        .isEqualTo(web.render().getSpec().getSelector().getMatchLabels());
    // In an App: the budget selects the Deployment's pods (the App checks it).
    assertThat(App.named("shop").namespace("shop").add(web, budget).build().objects()).hasSize(2);
  }

  @Test
  void fewerThanTwoReplicasAreRefused() {
    assertThatThrownBy(() -> HA.disruptionBudget(web(1)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("Deployment/web: spec.replicas: must be at least 2 for a highly available Deployment,"
            + " was 1: with one replica every node drain or zone outage takes the service down");
    assertThatThrownBy(() -> HA.disruptionBudget(web(OptionalInt.empty(), HA.placement())))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("Deployment/web: spec.replicas: is not set, so the Deployment runs 1 replica:"
            + " a highly available Deployment needs at least 2; set replicas(...), or pass its autoscaler");
  }

  @Test
  void anAutoscaledDeploymentTakesItsMinimum() {
    Deployment web = web(OptionalInt.empty(), HA.placement());
    HorizontalPodAutoscaler scaled = HorizontalPodAutoscaler.named("web").scaling(web).minReplicas(3).maxReplicas(10)
        .cpuUtilization(70).build();

    PodDisruptionBudget budget = HA.disruptionBudget(web, scaled).build();

    assertThat(budget.maxUnavailable()).hasValueSatisfying(a -> assertThat(a.toIntOrString().getIntValue()).isEqualTo(1));
    assertThat(App.named("shop").namespace("shop").add(web, scaled, budget).build().objects()).hasSize(3);
    assertThatThrownBy(() -> HA.disruptionBudget(web, HorizontalPodAutoscaler.named("web").scaling(web)
        .minReplicas(1).maxReplicas(10).cpuUtilization(70).build()))
        .hasMessageContaining("HorizontalPodAutoscaler/web: spec.minReplicas: must be at least 2 for a highly"
            + " available Deployment, was 1");
    assertThatThrownBy(() -> HA.disruptionBudget(web, HorizontalPodAutoscaler.named("api")
        .scaling(dev.mizzen.dsl.availability.ScaleTarget.deployment("api")).minReplicas(3).maxReplicas(10).cpuUtilization(70).build()))
        .hasMessageContaining("HorizontalPodAutoscaler/api: spec.scaleTargetRef: must be Deployment/web, the Deployment"
            + " the budget protects, was Deployment/api");
  }
}
