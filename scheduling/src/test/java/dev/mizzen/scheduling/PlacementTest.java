package dev.mizzen.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PodAffinity;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PreferredSchedulingTerm;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {
  /** The selector labels of the shop's web pods. */
  private static final Map<String, String> WEB =
      ImmutableMap.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop");

  /** The shop web Deployment's placement (docs: shared/reference/shop-app.md, row 6). */
  static Placement shopWeb() {
    return Placement.requireNodes(NodeLabel.key("node-pool").in("general"))
        .preferNodes(50, NodeLabel.key("topology.kubernetes.io/zone").in("zone-a"))
        .avoidOwnPods(Topology.HOSTNAME)
        .spreadOver(Topology.ZONE, 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)
        .tolerate(Toleration.of("dedicated", "web", TaintEffect.NO_SCHEDULE))
        .build();
  }

  private static List<String> problems(Placement placement) {
    Validation v = Validation.of("Deployment/web");
    PlacementChecks.validate(v.field("spec.template.spec"), placement);
    return v.problems().stream().map(Problem::toString).toList();
  }

  private static V1PodSpec applied(Placement placement, Map<String, String> ownPodLabels) {
    V1PodSpec spec = new V1PodSpec();
    placement.applyTo(spec, ownPodLabels);
    return spec;
  }

  private static V1LabelSelector webSelector() {
    return new V1LabelSelector().matchLabels(WEB).matchExpressions(null);
  }

  private static V1NodeSelectorTerm term(String key, String operator, String... values) {
    return new V1NodeSelectorTerm()
        .matchExpressions(List.of(new V1NodeSelectorRequirement().key(key).operator(operator)
            .values(values.length == 0 ? null : List.of(values))))
        .matchFields(null);
  }

  private static V1PodAffinityTerm podTerm(String topologyKey, V1LabelSelector selector) {
    return new V1PodAffinityTerm()
        .topologyKey(topologyKey)
        .labelSelector(selector)
        .namespaces(null)
        .matchLabelKeys(null)
        .mismatchLabelKeys(null);
  }

  @Test
  void shopWebPlacementRendersExactly() {
    V1PodSpec expected = new V1PodSpec()
        .nodeSelector(null)
        .affinity(new V1Affinity()
            .nodeAffinity(new V1NodeAffinity()
                .requiredDuringSchedulingIgnoredDuringExecution(new V1NodeSelector()
                    .nodeSelectorTerms(List.of(term("node-pool", "In", "general"))))
                .preferredDuringSchedulingIgnoredDuringExecution(List.of(new V1PreferredSchedulingTerm()
                    .weight(50)
                    .preference(term("topology.kubernetes.io/zone", "In", "zone-a")))))
            .podAntiAffinity(new V1PodAntiAffinity()
                .requiredDuringSchedulingIgnoredDuringExecution(null)
                .preferredDuringSchedulingIgnoredDuringExecution(List.of(new V1WeightedPodAffinityTerm()
                    .weight(100)
                    .podAffinityTerm(podTerm("kubernetes.io/hostname", webSelector()))))))
        .tolerations(List.of(new V1Toleration().key("dedicated").operator("Equal").value("web").effect("NoSchedule")))
        .topologySpreadConstraints(List.of(new V1TopologySpreadConstraint()
            .maxSkew(1)
            .topologyKey("topology.kubernetes.io/zone")
            .whenUnsatisfiable("ScheduleAnyway")
            .labelSelector(webSelector())
            .matchLabelKeys(null)));

    assertThat(applied(shopWeb(), WEB)).isEqualTo(expected);
  }

  @Test
  void shopWebPlacementIsValid() {
    assertThat(problems(shopWeb())).isEmpty();
  }

  @Test
  void shopWebPlacementSerializesWithoutEmptyCollections() {
    V1PodSpec spec = applied(shopWeb(), WEB);
    String json = JSON.serialize(spec.getTopologySpreadConstraints());
    assertThat(json).isEqualTo("[{\"labelSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"web\","
        + "\"app.kubernetes.io/part-of\":\"shop\"}},\"maxSkew\":1,\"topologyKey\":\"topology.kubernetes.io/zone\","
        + "\"whenUnsatisfiable\":\"ScheduleAnyway\"}]");
    assertThat(JSON.serialize(spec.getAffinity())).doesNotContain("[]").doesNotContain("{}");
  }

  @Test
  void nodeExporterToleratesEverything() {
    Placement nodeExporter = Placement.tolerate(Toleration.everything()).build();
    V1PodSpec spec = applied(nodeExporter, Map.of());
    assertThat(spec.getTolerations()).containsExactly(new V1Toleration().operator("Exists"));
    assertThat(spec.getAffinity()).isNull();
    assertThat(spec.getTopologySpreadConstraints()).isNull();
    assertThat(Placement.tolerateEverything().build()).isEqualTo(nodeExporter);
    assertThat(problems(nodeExporter)).isEmpty();
  }

  @Test
  void noneLeavesEveryPlacementFieldNullReplacingWhatWasThere() {
    V1PodSpec spec = new V1PodSpec()
        .nodeSelector(Map.of("old", "value"))
        .affinity(new V1Affinity())
        .tolerations(List.of(new V1Toleration().operator("Exists")))
        .topologySpreadConstraints(List.of(new V1TopologySpreadConstraint()));
    Placement.none().applyTo(spec, Map.of());
    assertThat(spec.getNodeSelector()).isNull();
    assertThat(spec.getAffinity()).isNull();
    assertThat(spec.getTolerations()).isNull();
    assertThat(spec.getTopologySpreadConstraints()).isNull();
    assertThat(Placement.none().isEmpty()).isTrue();
    assertThat(Placement.none().isEmpty()).isTrue();
    assertThat(shopWeb().isEmpty()).isFalse();
  }

  @Test
  void nodeSelectorRendersInOrder() {
    Placement placement = Placement.nodeSelector("node-pool", "general").nodeSelector("disk", "ssd").build();
    assertThat(applied(placement, Map.of()).getNodeSelector())
        .containsExactly(Map.entry("node-pool", "general"), Map.entry("disk", "ssd"));
  }

  @Test
  void eachRequireNodesCallIsAnAlternativeTerm() {
    Placement placement = Placement.requireNodes(NodeLabel.key("node-pool").in("general"), NodeLabel.key("spot").doesNotExist())
        .requireNodes(NodeLabel.key("node-pool").in("reserved"))
        .build();
    V1NodeSelector required = applied(placement, Map.of()).getAffinity().getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution();
    assertThat(required.getNodeSelectorTerms()).containsExactly(
        new V1NodeSelectorTerm()
            .matchExpressions(List.of(
                new V1NodeSelectorRequirement().key("node-pool").operator("In").values(List.of("general")),
                new V1NodeSelectorRequirement().key("spot").operator("DoesNotExist").values(null)))
            .matchFields(null),
        term("node-pool", "In", "reserved"));
    assertThat(applied(placement, Map.of()).getAffinity().getNodeAffinity()
        .getPreferredDuringSchedulingIgnoredDuringExecution()).isNull();
  }

  @Test
  void podAffinityAndAntiAffinityRenderRequiredAndPreferred() {
    Placement placement = Placement.requirePodAffinity(PodAffinityTerm.on(Topology.ZONE).podsLabelled("app", "cache"))
        .preferPodAffinity(20, PodAffinityTerm.on(Topology.HOSTNAME).podsLabelled("app", "db"))
        .requireApartFromOwnPods(Topology.HOSTNAME)
        .preferPodAntiAffinity(30, PodAffinityTerm.on(Topology.ZONE).podsLabelled("app", "batch"))
        .avoidOwnPods(Topology.ZONE, 10)
        .build();
    V1LabelSelector cache = new V1LabelSelector().matchLabels(Map.of("app", "cache")).matchExpressions(null);
    V1LabelSelector db = new V1LabelSelector().matchLabels(Map.of("app", "db")).matchExpressions(null);
    V1LabelSelector batch = new V1LabelSelector().matchLabels(Map.of("app", "batch")).matchExpressions(null);

    assertThat(applied(placement, WEB).getAffinity()).isEqualTo(new V1Affinity()
        .podAffinity(new V1PodAffinity()
            .requiredDuringSchedulingIgnoredDuringExecution(List.of(podTerm("topology.kubernetes.io/zone", cache)))
            .preferredDuringSchedulingIgnoredDuringExecution(List.of(new V1WeightedPodAffinityTerm()
                .weight(20).podAffinityTerm(podTerm("kubernetes.io/hostname", db)))))
        .podAntiAffinity(new V1PodAntiAffinity()
            .requiredDuringSchedulingIgnoredDuringExecution(List.of(podTerm("kubernetes.io/hostname", webSelector())))
            .preferredDuringSchedulingIgnoredDuringExecution(List.of(
                new V1WeightedPodAffinityTerm().weight(30).podAffinityTerm(podTerm("topology.kubernetes.io/zone", batch)),
                new V1WeightedPodAffinityTerm().weight(10)
                    .podAffinityTerm(podTerm("topology.kubernetes.io/zone", webSelector()))))));
  }

  @Test
  void spreadShortcutsUseTheConstraintDefaults() {
    Placement placement = Placement.spreadOver(Topology.ZONE)
        .spread(TopologySpreadConstraint.over(Topology.HOSTNAME).maxSkew(2).strict())
        .build();
    assertThat(placement.topologySpreadConstraints()).containsExactly(
        TopologySpreadConstraint.over(Topology.ZONE).maxSkew(1).whenUnsatisfiable(WhenUnsatisfiable.SCHEDULE_ANYWAY).build(),
        TopologySpreadConstraint.over(Topology.HOSTNAME).maxSkew(2).whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE).build());
  }

  @Test
  void avoidOwnPodsIsPreferredAntiAffinityWithWeight100() {
    Placement placement = Placement.avoidOwnPods(Topology.HOSTNAME).build();
    assertThat(placement.preferredPodAntiAffinityTerms())
        .containsExactly(WeightedPodAffinityTerm.of(100, PodAffinityTerm.ownPods(Topology.HOSTNAME)));
    assertThat(placement.requiredPodAntiAffinityTerms()).isEmpty();
  }

  @Test
  void ownPodTermsNeedOwnPodLabels() {
    assertThatThrownBy(() -> applied(shopWeb(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ownPodLabels must not be empty: a term about the pod's own pods needs the pod's selector"
            + " labels, and an empty selector would select every pod");
  }

  @Test
  void mergeAddsEveryConstraintOfTheOther() {
    Placement merged = Placement.nodeSelector("disk", "ssd")
        .merge(shopWeb())
        .build();
    assertThat(merged.nodeSelector()).containsExactly(Map.entry("disk", "ssd"));
    assertThat(merged.requiredNodeTerms()).isEqualTo(shopWeb().requiredNodeTerms());
    assertThat(merged.preferredNodeTerms()).isEqualTo(shopWeb().preferredNodeTerms());
    assertThat(merged.preferredPodAntiAffinityTerms()).isEqualTo(shopWeb().preferredPodAntiAffinityTerms());
    assertThat(merged.tolerations()).isEqualTo(shopWeb().tolerations());
    assertThat(merged.topologySpreadConstraints()).isEqualTo(shopWeb().topologySpreadConstraints());
  }

  @Test
  void nodeSelectorProblemsLandAtTheirKey() {
    assertThat(problems(Placement.nodeSelector("node pool", "general").build())).containsExactly(
        "Deployment/web: spec.template.spec.nodeSelector[node pool]: key 'node pool' must have a name part of"
            + " at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
  }

  @Test
  void nodeAffinityProblemsLandAtTheRenderedPaths() {
    Placement placement = Placement.requireNodes(NodeLabel.key("node-pool").in("general"))
        .requireNodes(NodeLabel.key("gen").greaterThan(1), NodeLabel.key("node-pool").in())
        .preferNodes(0, NodeLabel.key("zone").in("a"))
        .preferNodes(101, NodeLabel.key("zone").exists())
        .build();
    assertThat(problems(placement)).containsExactly(
        "Deployment/web: spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".nodeSelectorTerms[1].matchExpressions[1].values: must not be empty when operator is In",
        "Deployment/web: spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
            + ".weight: must be 1..100, was 0",
        "Deployment/web: spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[1]"
            + ".weight: must be 1..100, was 101");
  }

  @Test
  void podAffinityProblemsLandAtTheRenderedPaths() {
    Placement placement = Placement.requirePodAffinity(PodAffinityTerm.on(""))
        .preferPodAffinity(0, PodAffinityTerm.on(Topology.ZONE))
        .requirePodAntiAffinity(PodAffinityTerm.on(Topology.HOSTNAME).namespace("Bad"))
        .avoidOwnPods(Topology.HOSTNAME, 200)
        .build();
    assertThat(problems(placement)).containsExactly(
        "Deployment/web: spec.template.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
            + ".topologyKey: must not be empty: name a node label such as topology.kubernetes.io/zone",
        "Deployment/web: spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
            + ".weight: must be 1..100, was 0",
        "Deployment/web: spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
            + ".namespaces[0]: must be a lowercase RFC 1123 label (lowercase letters, digits and '-',"
            + " starting and ending with a letter or digit), was 'Bad'",
        "Deployment/web: spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
            + ".weight: must be 1..100, was 200");
  }

  @Test
  void tolerationProblemsLandAtTheirIndex() {
    Placement placement = Placement.tolerate(Toleration.of("dedicated", "web", TaintEffect.NO_SCHEDULE))
        .tolerate(Toleration.of("dedicated", "web", TaintEffect.NO_SCHEDULE).tolerationSeconds(60))
        .build();
    assertThat(problems(placement)).containsExactly(
        "Deployment/web: spec.template.spec.tolerations[1].tolerationSeconds: may only be set when effect is"
            + " NoExecute, was NoSchedule");
  }

  @Test
  void spreadProblemsIncludingDuplicatePairsLandAtTheirIndex() {
    Placement placement = Placement.spreadOver(Topology.ZONE, 0, WhenUnsatisfiable.SCHEDULE_ANYWAY)
        .spreadOver(Topology.HOSTNAME, 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)
        .spreadOver(Topology.ZONE, 2, WhenUnsatisfiable.DO_NOT_SCHEDULE)
        .spreadOver(Topology.ZONE)
        .build();
    assertThat(problems(placement)).containsExactly(
        "Deployment/web: spec.template.spec.topologySpreadConstraints[0].maxSkew: must be >= 1, was 0",
        "Deployment/web: spec.template.spec.topologySpreadConstraints[3]: duplicate {topologyKey, whenUnsatisfiable}"
            + " pair {topology.kubernetes.io/zone, ScheduleAnyway}, already at topologySpreadConstraints[0]:"
            + " merge the two constraints");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Placement placement = Placement.nodeSelector("ok", "bad value!")
        .requireNodes(NodeLabel.key("a").exists())
        .preferNodes(0, NodeLabel.key("b").exists())
        .tolerate(Toleration.of("", "x"))
        .spreadOver("")
        .build();
    assertThat(problems(placement)).hasSize(4).allSatisfy(p -> assertThat(p).startsWith("Deployment/web: spec.template.spec."));
  }

  /** One spelling per thing (docs/dsl-shape.md): the phrases only, no generated addX/putX. */
  @Test
  void theBuilderOffersThePhrasesOnly() {
    assertThat(java.util.Arrays.stream(Placement.Builder.class.getMethods())
            .filter(m -> m.getDeclaringClass() == Placement.Builder.class)
            .map(java.lang.reflect.Method::getName)
            .distinct())
        .containsExactlyInAnyOrder("nodeSelector", "requireNodes", "preferNodes", "requirePodAffinity",
            "preferPodAffinity", "requirePodAntiAffinity", "preferPodAntiAffinity", "avoidOwnPods",
            "requireApartFromOwnPods", "tolerate", "tolerateEverything", "spreadOver", "spread", "merge", "build");
  }
}
