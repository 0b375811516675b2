package dev.mizzen.dsl.workload;

import static dev.mizzen.dsl.workload.WorkloadFixtures.assertMinimalAndRoundTrips;
import static dev.mizzen.dsl.workload.WorkloadFixtures.json;
import static dev.mizzen.dsl.workload.WorkloadFixtures.problems;
import static dev.mizzen.dsl.workload.WorkloadFixtures.serialize;
import static dev.mizzen.dsl.workload.WorkloadFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.PodAffinityTerm;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentTest {
  private static final String POD_SPEC = "'spec':{'automountServiceAccountToken':false,"
      + "'containers':[{'image':'ghcr.io/acme/web:1.4.2','name':'web','securityContext':"
      + "{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}],"
      + "'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':'RuntimeDefault'}}}";

  private static Deployment.Builder deployment() {
    return Deployment.named("web").pod(PodTemplate.container(web()));
  }

  @Test
  void minimalDeploymentRendersOnlyWhatIsSet() {
    V1Deployment rendered = deployment().build().render();

    assertThat(serialize(rendered)).isEqualTo(json("{'apiVersion':'apps/v1','kind':'Deployment',"
        + "'metadata':{'labels':{'app.kubernetes.io/name':'web','app.kubernetes.io/managed-by':'mizzen'},'name':'web'},"
        + "'spec':{'selector':{'matchLabels':{'app.kubernetes.io/name':'web'}},"
        + "'template':{'metadata':{'labels':{'app.kubernetes.io/name':'web','app.kubernetes.io/managed-by':'mizzen'}},"
        + POD_SPEC + "}}}"));
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void inAnAppTheNamespaceAndPartOfLabelApplyAndTheSelectorStillMatches() {
    V1Deployment rendered = deployment().build().render(RenderContext.of("shop", "shop"));

    assertThat(serialize(rendered)).isEqualTo(json("{'apiVersion':'apps/v1','kind':'Deployment',"
        + "'metadata':{'labels':{'app.kubernetes.io/name':'web','app.kubernetes.io/part-of':'shop',"
        + "'app.kubernetes.io/managed-by':'mizzen'},'name':'web','namespace':'shop'},"
        + "'spec':{'selector':{'matchLabels':{'app.kubernetes.io/name':'web','app.kubernetes.io/part-of':'shop'}},"
        + "'template':{'metadata':{'labels':{'app.kubernetes.io/name':'web','app.kubernetes.io/part-of':'shop',"
        + "'app.kubernetes.io/managed-by':'mizzen'}}," + POD_SPEC + "}}}"));
    assertThat(rendered.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(rendered.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void everyFieldRendersWithoutEmptyCollections() {
    V1Deployment rendered = deployment()
        .component("storefront")
        .label("tier", "frontend")
        .annotation("example.com/owner", "team-web")
        .replicas(3)
        .strategy(DeploymentStrategy.rollingUpdate(Amount.percent(25), Amount.count(0)))
        .minReady(Duration.ofSeconds(10))
        .progressDeadline(Duration.ofMinutes(5))
        .revisionHistoryLimit(5)
        .paused(true)
        .build()
        .render();

    assertThat(serialize(rendered)).isEqualTo(json("{'apiVersion':'apps/v1','kind':'Deployment',"
        + "'metadata':{'annotations':{'example.com/owner':'team-web'},'labels':{'app.kubernetes.io/name':'storefront',"
        + "'app.kubernetes.io/managed-by':'mizzen','tier':'frontend'},'name':'web'},"
        + "'spec':{'minReadySeconds':10,'paused':true,'progressDeadlineSeconds':300,'replicas':3,"
        + "'revisionHistoryLimit':5,'selector':{'matchLabels':{'app.kubernetes.io/name':'storefront'}},"
        + "'strategy':{'rollingUpdate':{'maxSurge':'25%','maxUnavailable':0},'type':'RollingUpdate'},"
        + "'template':{'metadata':{'labels':{'app.kubernetes.io/name':'storefront',"
        + "'app.kubernetes.io/managed-by':'mizzen'}}," + POD_SPEC + "}}}"));
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void recreateRendersNoRollingUpdate() {
    V1Deployment rendered = deployment().strategy(DeploymentStrategy.recreate()).build().render();

    assertThat(serialize(rendered.getSpec().getStrategy())).isEqualTo(json("{'type':'Recreate'}"));
    assertThat(serialize(DeploymentStrategy.rollingUpdate().toV1())).isEqualTo(
        json("{'rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'},'type':'RollingUpdate'}"));
    assertThat(DeploymentStrategy.recreate().type()).isEqualTo(DeploymentStrategy.Type.RECREATE);
    assertThat(DeploymentStrategy.recreate().maxSurge()).isEmpty();
  }

  @Test
  void customizersRunLastInOrderAndShowInTheYaml() {
    Deployment web = deployment()
        .replicas(3)
        .customize(d -> d.getSpec().setReplicas(7))
        .customize(d -> d.getMetadata().putAnnotationsItem("example.com/patched", "yes"))
        .customize(d -> d.getSpec().setReplicas(d.getSpec().getReplicas() + 1))
        .build();

    V1Deployment rendered = web.render();
    assertThat(rendered.getSpec().getReplicas()).isEqualTo(8);
    assertThat(Manifests.yaml(rendered)).contains("  replicas: 8\n")
        .contains("  annotations:\n    example.com/patched: \"yes\"\n");
    // Each render is fresh: customizers never leak into the value or the next render.
    assertThat(web.replicas()).hasValue(3);
    assertThat(web.render().getSpec().getReplicas()).isEqualTo(8);
  }

  @Test
  void renderedSelectorIsAFreshMutableMap() {
    V1Deployment rendered = deployment().customize(d -> d.getSpec().getSelector().getMatchLabels().put("track", "stable"))
        .build().render();
    assertThat(rendered.getSpec().getSelector().getMatchLabels()).containsEntry("track", "stable");
  }

  @Test
  void aTrackIsInTheSelectorAndOnThePodsButNotOnTheDeployment() {
    Deployment canary = Deployment.named("web-canary").component("web").track("canary")
        .pod(PodTemplate.container(web())).build();
    V1Deployment rendered = canary.render(RenderContext.of("shop", "shop"));

    assertThat(canary.track()).hasValue("canary");
    assertThat(canary.selectorLabels()).containsExactly(Map.entry("track", "canary"));
    assertThat(serialize(rendered.getSpec().getSelector())).isEqualTo(json("{'matchLabels':{"
        + "'app.kubernetes.io/name':'web','app.kubernetes.io/part-of':'shop','track':'canary'}}"));
    assertThat(serialize(rendered.getSpec().getTemplate().getMetadata())).isEqualTo(json("{'labels':{"
        + "'app.kubernetes.io/name':'web','app.kubernetes.io/part-of':'shop','app.kubernetes.io/managed-by':'mizzen',"
        + "'track':'canary'}}"));
    assertThat(rendered.getMetadata().getLabels()).doesNotContainKey("track");
    assertMinimalAndRoundTrips(rendered);
    assertThat(deployment().build().track()).isEmpty();
    assertThat(deployment().build().selectorLabels()).isEmpty();
  }

  @Test
  void anySelectorLabelWorksLikeATrack() {
    V1Deployment rendered = Deployment.named("web").track("blue").selectorLabel("example.com/ring", "1")
        .pod(PodTemplate.container(web()).label("tier", "frontend").label("track", "blue"))
        .build().render();

    assertThat(rendered.getSpec().getSelector().getMatchLabels()).containsExactly(
        Map.entry("app.kubernetes.io/name", "web"), Map.entry("track", "blue"), Map.entry("example.com/ring", "1"));
    assertThat(rendered.getSpec().getTemplate().getMetadata().getLabels()).containsExactly(
        Map.entry("app.kubernetes.io/name", "web"), Map.entry("app.kubernetes.io/managed-by", "mizzen"),
        Map.entry("track", "blue"), Map.entry("example.com/ring", "1"), Map.entry("tier", "frontend"));
  }

  @Test
  void ownPodsInPlacementAreThePodsOfTheTrack() {
    V1Deployment rendered = Deployment.named("web").track("canary")
        .pod(PodTemplate.container(web()).placement(Placement.avoidOwnPods(Topology.HOSTNAME)))
        .build().render();

    assertThat(rendered.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
        .getPreferredDuringSchedulingIgnoredDuringExecution().get(0).getPodAffinityTerm().getLabelSelector()
        .getMatchLabels()).isEqualTo(rendered.getSpec().getSelector().getMatchLabels())
        .containsEntry("track", "canary");
  }

  /**
   * Terms about the pod's own pods render the workload's selector as their label selector, so
   * their matchLabelKeys must not repeat its keys ({@code validateMatchLabelKeysInTopologySpread};
   * for pod affinity the pods' create would fail once the keys are merged into the selector).
   */
  @Test
  void ownPodsTermsMayNotMatchLabelKeysOfTheSelector() {
    String both = "must not be in both matchLabelKeys and labelSelector";
    assertThat(problems(() -> Deployment.named("web").track("canary")
        .pod(PodTemplate.container(
            web()).placement(Placement.spread(TopologySpreadConstraint.over(Topology.ZONE)
                .matchLabelKeys("pod-template-hash", "app.kubernetes.io/name", "track"))
            .requirePodAntiAffinity(PodAffinityTerm.on(Topology.HOSTNAME)
                .matchLabelKeys("app.kubernetes.io/part-of"))))
        .build())).containsExactly(
        "Deployment/web: spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
            + ".matchLabelKeys[0]: 'app.kubernetes.io/part-of' " + both,
        "Deployment/web: spec.template.spec.topologySpreadConstraints[0].matchLabelKeys[1]:"
            + " 'app.kubernetes.io/name' " + both,
        "Deployment/web: spec.template.spec.topologySpreadConstraints[0].matchLabelKeys[2]: 'track' " + both);
    assertThat(Deployment.named("web").pod(PodTemplate.container(
        web())
        .placement(Placement.spread(TopologySpreadConstraint.over(Topology.ZONE).matchLabelKeys("pod-template-hash"))))
        .build().name()).isEqualTo("web");
  }

  @Test
  void selectorLabelsAreLabelsThatLeaveMizzensAndTheControllersOwnAlone() {
    String another = ": choose another key, for example track(\"canary\")";
    assertThat(problems(() -> deployment()
        .selectorLabel("Track!", "canary")
        .selectorLabel("ring", "-1")
        .selectorLabel("app.kubernetes.io/name", "web")
        .selectorLabel("app.kubernetes.io/part-of", "shop")
        .selectorLabel("app.kubernetes.io/managed-by", "mizzen")
        .selectorLabel("pod-template-hash", "abc")
        .build())).containsExactly(
        "Deployment/web: spec.selector.matchLabels[Track!]: key 'Track!' must have a name part of at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        "Deployment/web: spec.selector.matchLabels[ring]: label value '-1' must be at most 63 alphanumerics, '-',"
            + " '_' or '.', starting and ending with an alphanumeric",
        "Deployment/web: spec.selector.matchLabels[app.kubernetes.io/name]: is a recommended label, which Mizzen"
            + " sets itself (name from component(...), part-of from the App's name, managed-by from its managedBy)"
            + another,
        "Deployment/web: spec.selector.matchLabels[app.kubernetes.io/part-of]: is a recommended label, which Mizzen"
            + " sets itself (name from component(...), part-of from the App's name, managed-by from its managedBy)"
            + another,
        "Deployment/web: spec.selector.matchLabels[app.kubernetes.io/managed-by]: is a recommended label, which"
            + " Mizzen sets itself (name from component(...), part-of from the App's name, managed-by from its"
            + " managedBy)" + another,
        "Deployment/web: spec.selector.matchLabels[pod-template-hash]: is set on each pod by its controller, with"
            + " a value of its own" + another);
  }

  @Test
  void podLabelsMustAgreeWithTheSelectorLabels() {
    assertThat(problems(() -> Deployment.named("web").track("canary").selectorLabel("example.com/ring", "1")
        .pod(PodTemplate.container(web()).label("track", "stable").label("example.com/ring", "2"))
        .build())).containsExactly(
        "Deployment/web: spec.template.metadata.labels[track]: must be 'canary', the workload's selector label,"
            + " which its selector matches, was 'stable': remove the pod label, or set track(\"stable\") on the"
            + " workload instead",
        "Deployment/web: spec.template.metadata.labels[example.com/ring]: must be '1', the workload's selector"
            + " label, which its selector matches, was '2': remove the pod label, or set"
            + " selectorLabel(\"example.com/ring\", \"2\") on the workload instead");
  }

  @Test
  void withImageReplacesOneContainersImage() {
    Deployment before = Deployment.named("web")
        .pod(PodTemplate.container(web()).sidecar(Container.named("proxy").image("ghcr.io/acme/proxy:2.1.0")))
        .replicas(3)
        .build();

    Deployment after = before.withImage("web", "ghcr.io/acme/web:1.5.0");

    assertThat(after.pod().container("web").orElseThrow().image().orElseThrow().toString())
        .isEqualTo("ghcr.io/acme/web:1.5.0");
    assertThat(after.pod().container("proxy")).isEqualTo(before.pod().container("proxy"));
    assertThat(after.replicas()).hasValue(3);
    assertThat(before.pod().container("web").orElseThrow().image().orElseThrow().toString())
        .isEqualTo("ghcr.io/acme/web:1.4.2");
    assertThat(after.render().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/acme/web:1.5.0");
    assertThatThrownBy(() -> before.withImage("api", "ghcr.io/acme/api:2.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no container named 'api' in the pod template");
  }

  @Test
  void securityOptOutsAreAnnotatedOnTheDeploymentAndItsPods() {
    V1Deployment rendered = Deployment.named("agent")
        .annotation("example.com/owner", "team-infra")
        .pod(PodTemplate.container(Container.named("agent").image("ghcr.io/acme/agent:1.0.0")
                .security(ContainerSecurity.restricted().optOut(ContainerOptOut.capabilities("reads raw sockets",
                    "NET_RAW"))))
            .security(PodSecurity.restricted().optOut(PodOptOut.runAsRoot("the agent reads root-owned logs"))))
        .build()
        .render();

    Map<String, String> expected = Map.of(
        "security.mizzen.dev/opt-out", "runAsRoot: the agent reads root-owned logs",
        "opt-out.security.mizzen.dev/agent", "capabilities NET_RAW: reads raw sockets");
    assertThat(rendered.getMetadata().getAnnotations()).containsEntry("example.com/owner", "team-infra")
        .containsAllEntriesOf(expected).hasSize(3);
    assertThat(rendered.getSpec().getTemplate().getMetadata().getAnnotations()).isEqualTo(expected);
  }

  @Test
  void apiServerRulesOnTheSpec() {
    assertThat(problems(() -> deployment().replicas(-1).revisionHistoryLimit(-1).build())).containsExactly(
        "Deployment/web: spec.replicas: must be >= 0, was -1",
        "Deployment/web: spec.revisionHistoryLimit: must be >= 0, was -1");
    assertThat(deployment().replicas(0).revisionHistoryLimit(0).build().render().getSpec().getReplicas()).isZero();
  }

  @Test
  void rollingUpdateAmountsMustBeNonNegativeAndMaxUnavailableAtMost100Percent() {
    assertThat(problems(() -> deployment()
        .strategy(DeploymentStrategy.rollingUpdate(Amount.count(-1), Amount.percent(-5))).build())).containsExactly(
        "Deployment/web: spec.strategy.rollingUpdate.maxSurge: must be >= 0, was -1",
        "Deployment/web: spec.strategy.rollingUpdate.maxUnavailable: must be >= 0%, was -5%");
    assertThat(problems(() -> deployment()
        .strategy(DeploymentStrategy.rollingUpdate(Amount.percent(25), Amount.percent(150))).build())).containsExactly(
        "Deployment/web: spec.strategy.rollingUpdate.maxUnavailable: must be at most 100%, was 150%");
    // maxSurge may exceed 100%, as the API server allows.
    assertThat(deployment().strategy(DeploymentStrategy.rollingUpdate(Amount.percent(200), Amount.count(0))).build()
        .strategy()).isPresent();
  }

  @Test
  void rollingUpdateNeedsSurgeOrUnavailableInAnyForm() {
    String bothZero = "Deployment/web: spec.strategy.rollingUpdate.maxUnavailable: may not be 0 when maxSurge is 0:"
        + " the rollout could never make progress";
    assertThat(problems(() -> deployment()
        .strategy(DeploymentStrategy.rollingUpdate(Amount.count(0), Amount.count(0))).build())).containsExactly(bothZero);
    assertThat(problems(() -> deployment()
        .strategy(DeploymentStrategy.rollingUpdate(Amount.percent(0), Amount.count(0))).build())).containsExactly(bothZero);
    assertThat(problems(() -> deployment()
        .strategy(DeploymentStrategy.rollingUpdate(Amount.count(0), Amount.percent(0))).build())).containsExactly(bothZero);
    assertThat(deployment().strategy(DeploymentStrategy.rollingUpdate(Amount.percent(1), Amount.count(0))).build()
        .strategy()).isPresent();
    assertThat(deployment().strategy(DeploymentStrategy.rollingUpdate(Amount.count(0), Amount.percent(1))).build()
        .strategy()).isPresent();
  }

  @Test
  void progressDeadlineMustExceedMinReadyIncludingTheDefault600Seconds() {
    assertThat(problems(() -> deployment().minReady(Duration.ofSeconds(30)).progressDeadline(Duration.ofSeconds(30))
        .build())).containsExactly("Deployment/web: spec.progressDeadlineSeconds: must be greater than minReadySeconds"
        + " (30), was 30: a new pod could never count as available in time");
    assertThat(problems(() -> deployment().progressDeadline(Duration.ZERO).build())).containsExactly(
        "Deployment/web: spec.progressDeadlineSeconds: must be greater than minReadySeconds (0), was 0: a new pod"
            + " could never count as available in time");
    assertThat(problems(() -> deployment().minReady(Duration.ofMinutes(10)).build())).containsExactly(
        "Deployment/web: spec.minReadySeconds: must be less than progressDeadlineSeconds (600 by default), was 600:"
            + " set a longer progressDeadline(...)");
    assertThat(deployment().minReady(Duration.ofSeconds(599)).build().minReady()).hasValue(Duration.ofSeconds(599));
    assertThat(deployment().minReady(Duration.ofMinutes(10)).progressDeadline(Duration.ofMinutes(15)).build()
        .render().getSpec().getProgressDeadlineSeconds()).isEqualTo(900);
  }

  @Test
  void durationsAreWholeSecondsInRange() {
    assertThat(problems(() -> deployment().minReady(Duration.ofMillis(1500))
        .progressDeadline(Duration.ofSeconds(-1)).build())).containsExactly(
        "Deployment/web: spec.minReadySeconds: must be a whole number of seconds, was 1.5s",
        "Deployment/web: spec.progressDeadlineSeconds: must be at least 0s, was -1s");
    assertThat(problems(() -> deployment().progressDeadline(Duration.ofSeconds(Integer.MAX_VALUE + 1L)).build()))
        .containsExactly("Deployment/web: spec.progressDeadlineSeconds: must be at most 2147483647s, was 2147483648s");
  }

  @Test
  void nameIsADnsLabelBecauseItNamesThePods() {
    assertThat(problems(() -> Deployment.named("web.v2").pod(PodTemplate.container(web())).build()))
        .containsExactly("Deployment/web.v2: metadata.name: must be a lowercase RFC 1123 label (lowercase letters,"
            + " digits and '-', starting and ending with a letter or digit), was 'web.v2'");
    String longName = "w".repeat(64);
    assertThat(problems(() -> Deployment.named(longName).component("web").pod(PodTemplate.container(web()))
        .build())).containsExactly("Deployment/" + longName + ": metadata.name: must be at most 63 characters, was 64");
  }

  @Test
  void podsMustRestartAlways() {
    assertThat(problems(() -> Deployment.named("web")
        .pod(PodTemplate.container(web()).restartPolicy(RestartPolicy.NEVER)).build())).containsExactly(
        "Deployment/web: spec.template.spec.restartPolicy: must be Always for a Deployment, was Never: its pods run"
            + " until replaced; run pods to completion with a Job");
    assertThat(Deployment.named("web").pod(PodTemplate.container(web()).restartPolicy(RestartPolicy.ALWAYS))
        .build().render().getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
  }

  @Test
  void podLabelsMustKeepMatchingTheSelector() {
    assertThat(problems(() -> Deployment.named("web")
        .pod(PodTemplate.container(web()).label("app.kubernetes.io/name", "api")).build()))
        .containsExactly("Deployment/web: spec.template.metadata.labels[app.kubernetes.io/name]: must be the"
            + " workload's component 'web', which its selector matches, was 'api': set component(\"api\") on the"
            + " workload instead");
    assertThat(Deployment.named("web").pod(PodTemplate.container(web()).label("app.kubernetes.io/name",
        "web")).build().render().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/name", "web");
  }

  @Test
  void optOutAnnotationKeysAreReservedOnTheDeploymentToo() {
    assertThat(problems(() -> deployment().annotation("security.mizzen.dev/opt-out", "nothing to see").build()))
        .containsExactly("Deployment/web: metadata.annotations[security.mizzen.dev/opt-out]: is reserved for the"
            + " reasons of security opt-outs, which Mizzen copies from the pod template: give them with PodOptOut or"
            + " ContainerOptOut");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPath() {
    assertThat(problems(() -> Deployment.named("Web")
        .replicas(-2)
        .strategy(DeploymentStrategy.rollingUpdate(Amount.count(0), Amount.count(0)))
        .revisionHistoryLimit(-1)
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2")
            .port(dev.mizzen.dsl.container.Port.http(70000))))
        .build())).containsExactly(
        "Deployment/Web: metadata.name: must be a lowercase RFC 1123 label (lowercase letters, digits and '-',"
            + " starting and ending with a letter or digit), was 'Web'",
        "Deployment/Web: spec.template.spec.containers[web].ports[0].containerPort: must be 1..65535, was 70000",
        "Deployment/Web: spec.replicas: must be >= 0, was -2",
        "Deployment/Web: spec.strategy.rollingUpdate.maxUnavailable: may not be 0 when maxSurge is 0: the rollout"
            + " could never make progress",
        "Deployment/Web: spec.revisionHistoryLimit: must be >= 0, was -1");
  }
}
