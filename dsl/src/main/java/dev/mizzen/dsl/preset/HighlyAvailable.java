package dev.mizzen.dsl.preset;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.availability.PodDisruptionBudget.UnhealthyPodEvictionPolicy;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.scheduling.NodeInclusionPolicy;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.TopologySpreadConstraint;
import dev.mizzen.scheduling.WhenUnsatisfiable;
import dev.mizzen.validation.internal.Validation;

/**
 * A highly available Deployment: its replicas spread over zones and hosts, and a
 * PodDisruptionBudget that lets node drains and upgrades take one of them at a time.
 *
 * <pre>{@code
 * HighlyAvailable ha = Presets.highlyAvailable();
 * Deployment web = Deployment.named("web").replicas(3)
 *     .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2"))
 *         .placement(ha.placement().requireNodes(NodeLabel.key("node-pool").in("general"))))
 *     .build();
 * PodDisruptionBudget budget = ha.disruptionBudget(web).build();   // or disruptionBudget(web, autoscaler)
 * }</pre>
 *
 * <p>The placement ({@link #placement()}):
 *
 * <ul>
 *   <li>over zones, {@code maxSkew 1}, {@code DoNotSchedule}: a hard constraint, so no zone ever
 *       holds two replicas more than another and losing a zone loses at most its share. A replica
 *       that would break it stays Pending rather than pile into the zones that have room: capacity
 *       is a problem to see, not to hide. {@code nodeTaintsPolicy: Honor}, so a zone whose nodes
 *       the pods do not tolerate (a GPU-only zone) does not count as an empty zone, which would
 *       otherwise cap every other zone at one replica;
 *   <li>over hosts, {@code maxSkew 1}, {@code ScheduleAnyway}: a preference, so replicas beyond the
 *       number of nodes still run, and a rolling update's surge pod finds a node in a small pool.
 *       Topology spread rather than pod anti-affinity: anti-affinity's score only tells nodes with
 *       a replica from nodes without one, so with more replicas than nodes it stops balancing
 *       (spread keeps comparing counts); required anti-affinity would leave replicas beyond the
 *       node count Pending; and inter-pod affinity is the costliest filter to schedule with;
 *   <li>both with {@code matchLabelKeys: [pod-template-hash]}, so each revision of the Deployment
 *       spreads on its own: during a rollout the old pods, on their way out, do not skew where the
 *       new ones go.
 * </ul>
 *
 * <p>The budget ({@link #disruptionBudget(Deployment)}): {@code maxUnavailable: 1}, which stays
 * right as the replica count changes (a {@code minAvailable} fitted to the minimum lets an
 * autoscaled-up Deployment lose most of its pods at once), with
 * {@code unhealthyPodEvictionPolicy: AlwaysAllow}, so pods that are not ready (crash-looping, say)
 * never block a node drain. Fewer than 2 replicas are refused: one pod is not highly available,
 * and a budget for it either blocks every drain or protects nothing.
 */
public final class HighlyAvailable {
  /** The label the Deployment controller gives each revision's pods. */
  public static final String POD_TEMPLATE_HASH = "pod-template-hash";
  /** The fewest replicas a highly available Deployment may have. */
  public static final int MIN_REPLICAS = 2;

  static final HighlyAvailable DEFAULT = new HighlyAvailable();

  private HighlyAvailable() {}

  /**
   * The spread over zones (hard) and hosts (soft), as a placement builder: add the node
   * requirements and tolerations of the workload to it, or {@code merge} it into another.
   */
  public Placement.Builder placement() {
    return Placement.spread(zoneSpread()).spread(hostSpread());
  }

  /** The constraint over zones: maxSkew 1, DoNotSchedule, taints honoured, per revision. */
  public TopologySpreadConstraint zoneSpread() {
    return TopologySpreadConstraint.over(Topology.ZONE)
        .maxSkew(1)
        .whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE)
        .nodeTaintsPolicy(NodeInclusionPolicy.HONOR)
        .matchLabelKey(POD_TEMPLATE_HASH)
        .build();
  }

  /** The constraint over hosts: maxSkew 1, ScheduleAnyway, per revision. */
  public TopologySpreadConstraint hostSpread() {
    return TopologySpreadConstraint.over(Topology.HOSTNAME)
        .maxSkew(1)
        .whenUnsatisfiable(WhenUnsatisfiable.SCHEDULE_ANYWAY)
        .matchLabelKey(POD_TEMPLATE_HASH)
        .build();
  }

  /**
   * The budget of {@code deployment}, which must have at least 2 replicas: named and labelled as
   * the Deployment, selecting its component, {@code maxUnavailable: 1},
   * {@code unhealthyPodEvictionPolicy: AlwaysAllow}.
   *
   * @throws dev.mizzen.validation.InvalidSpecException if the Deployment has fewer than 2
   *     replicas (or leaves them unset: 1); an autoscaled Deployment takes
   *     {@link #disruptionBudget(Deployment, HorizontalPodAutoscaler)}
   */
  public PodDisruptionBudget.Builder disruptionBudget(Deployment deployment) {
    Validation v = Validation.of(deployment.objectRef());
    if (deployment.replicas().isPresent()) {
      v.field("spec.replicas").check(deployment.replicas().getAsInt() >= MIN_REPLICAS,
          "must be at least %d for a highly available Deployment, was %d: with one replica every node drain or"
              + " zone outage takes the service down", MIN_REPLICAS, deployment.replicas().getAsInt());
    } else {
      v.field("spec.replicas").problem("is not set, so the Deployment runs 1 replica: a highly available Deployment"
          + " needs at least %d; set replicas(...), or pass its autoscaler: disruptionBudget(deployment, autoscaler)",
          MIN_REPLICAS);
    }
    v.throwIfInvalid();
    return budget(deployment);
  }

  /**
   * The budget of {@code deployment}, scaled by {@code autoscaler}, whose minimum must be at least
   * 2; as {@link #disruptionBudget(Deployment)} otherwise.
   *
   * @throws dev.mizzen.validation.InvalidSpecException if the autoscaler does not scale this
   *     Deployment or may scale it below 2 replicas
   */
  public PodDisruptionBudget.Builder disruptionBudget(Deployment deployment, HorizontalPodAutoscaler autoscaler) {
    Validation v = Validation.of(autoscaler.objectRef());
    ScaleTarget expected = ScaleTarget.of(deployment);
    if (v.field("spec.scaleTargetRef").check(autoscaler.scaling().map(t -> t.kind().equals(expected.kind())
        && t.name().equals(expected.name())).orElse(false), "must be %s/%s, the Deployment the budget protects, was %s",
        expected.kind(), expected.name(), autoscaler.scaling().map(t -> t.kind() + "/" + t.name()).orElse("unset"))) {
      v.field("spec.minReplicas").check(autoscaler.minReplicas() >= MIN_REPLICAS,
          "must be at least %d for a highly available Deployment, was %d: at its minimum, one node drain or zone"
              + " outage would take the service down", MIN_REPLICAS, autoscaler.minReplicas());
    }
    v.throwIfInvalid();
    return budget(deployment);
  }

  private static PodDisruptionBudget.Builder budget(Deployment deployment) {
    PodDisruptionBudget.Builder budget = PodDisruptionBudget.named(deployment.name())
        .selecting(deployment)
        .maxUnavailable(1)
        .unhealthyPodEvictionPolicy(UnhealthyPodEvictionPolicy.ALWAYS_ALLOW);
    deployment.namespace().ifPresent(budget::namespace);
    deployment.component().ifPresent(budget::component);
    return budget;
  }
}
