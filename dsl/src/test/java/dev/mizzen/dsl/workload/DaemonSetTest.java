package dev.mizzen.dsl.workload;

import static dev.mizzen.dsl.workload.WorkloadFixtures.assertMinimalAndRoundTrips;
import static dev.mizzen.dsl.workload.WorkloadFixtures.json;
import static dev.mizzen.dsl.workload.WorkloadFixtures.problems;
import static dev.mizzen.dsl.workload.WorkloadFixtures.serialize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.RestartPolicy;
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.scheduling.Placement;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DaemonSetTest {
  private static DaemonSet.Builder exporter() {
    return DaemonSet.named("node-exporter").pod(PodTemplate.container(
        Container.named("node-exporter").image("quay.io/prometheus/node-exporter:v1.8.2")
            .port(Port.named("metrics", 9100)))
        .placement(Placement.tolerateEverything()));
  }

  @Test
  void rendersOnePodPerNodeToleratingEverything() {
    V1DaemonSet rendered = exporter().build().render();

    assertThat(serialize(rendered)).isEqualTo(json("{'apiVersion':'apps/v1','kind':'DaemonSet',"
        + "'metadata':{'labels':{'app.kubernetes.io/name':'node-exporter','app.kubernetes.io/managed-by':'mizzen'},"
        + "'name':'node-exporter'},"
        + "'spec':{'selector':{'matchLabels':{'app.kubernetes.io/name':'node-exporter'}},"
        + "'template':{'metadata':{'labels':{'app.kubernetes.io/name':'node-exporter',"
        + "'app.kubernetes.io/managed-by':'mizzen'}},'spec':{'automountServiceAccountToken':false,"
        + "'containers':[{'image':'quay.io/prometheus/node-exporter:v1.8.2','name':'node-exporter',"
        + "'ports':[{'containerPort':9100,'name':'metrics'}],'securityContext':{'allowPrivilegeEscalation':false,"
        + "'capabilities':{'drop':['ALL']}}}],"
        + "'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':'RuntimeDefault'}},"
        + "'tolerations':[{'operator':'Exists'}]}}}}"));
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void rendersUpdateStrategyAndTimings() {
    V1DaemonSet surge = exporter().maxUnavailable(Amount.count(0)).maxSurge(Amount.percent(10))
        .minReady(Duration.ofSeconds(15)).revisionHistoryLimit(4).build().render();
    assertThat(serialize(surge.getSpec()).replace(serialize(surge.getSpec().getTemplate()), "T")).isEqualTo(json(
        "{'minReadySeconds':15,'revisionHistoryLimit':4,"
            + "'selector':{'matchLabels':{'app.kubernetes.io/name':'node-exporter'}},'template':T,"
            + "'updateStrategy':{'rollingUpdate':{'maxSurge':'10%','maxUnavailable':0},'type':'RollingUpdate'}}"));
    assertMinimalAndRoundTrips(surge);

    assertThat(serialize(exporter().maxUnavailable(Amount.percent(20)).build().render().getSpec().getUpdateStrategy()))
        .isEqualTo(json("{'rollingUpdate':{'maxUnavailable':'20%'},'type':'RollingUpdate'}"));
    assertThat(serialize(exporter().onDelete(true).build().render().getSpec().getUpdateStrategy()))
        .isEqualTo(json("{'type':'OnDelete'}"));
    assertThat(exporter().build().render().getSpec().getUpdateStrategy()).isNull();
  }

  @Test
  void exactlyOneOfMaxSurgeAndMaxUnavailableIsNonZeroAfterDefaults() {
    // maxUnavailable defaults to 1, so a surge alone is refused.
    assertThat(problems(() -> exporter().maxSurge(Amount.count(1)).build())).containsExactly(
        "DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate.maxSurge: may not be set when maxUnavailable is"
            + " non-zero (it is 1 by default): set maxUnavailable(Amount.count(0)) to surge instead");
    assertThat(problems(() -> exporter().maxSurge(Amount.percent(10)).maxUnavailable(Amount.percent(10)).build()))
        .containsExactly("DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate.maxSurge: may not be set when"
            + " maxUnavailable is non-zero (it is 10%): set maxUnavailable(Amount.count(0)) to surge instead");
    // maxSurge defaults to 0, so maxUnavailable 0 alone is refused, in either form.
    String bothZero = "DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate.maxUnavailable: may not be 0 when"
        + " maxSurge is 0: the rollout could never make progress";
    assertThat(problems(() -> exporter().maxUnavailable(Amount.count(0)).build())).containsExactly(bothZero);
    assertThat(problems(() -> exporter().maxUnavailable(Amount.percent(0)).maxSurge(Amount.percent(0)).build()))
        .containsExactly(bothZero);
    // Explicit zeros next to a non-zero partner are fine.
    assertThat(exporter().maxUnavailable(Amount.count(2)).maxSurge(Amount.count(0)).build().maxSurge()).isPresent();
    assertThat(exporter().maxUnavailable(Amount.percent(0)).maxSurge(Amount.count(1)).build().maxSurge()).isPresent();
  }

  @Test
  void amountsAreNonNegativeAndAtMost100Percent() {
    assertThat(problems(() -> exporter().maxUnavailable(Amount.percent(120)).maxSurge(Amount.count(-1)).build()))
        .containsExactly(
            "DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate.maxUnavailable: must be at most 100%, was 120%",
            "DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate.maxSurge: must be >= 0, was -1",
            "DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate.maxSurge: may not be set when maxUnavailable"
                + " is non-zero (it is 120%): set maxUnavailable(Amount.count(0)) to surge instead");
    assertThat(problems(() -> exporter().maxUnavailable(Amount.count(0)).maxSurge(Amount.percent(101)).build()))
        .containsExactly(
            "DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate.maxSurge: must be at most 100%, was 101%");
  }

  @Test
  void onDeleteTakesNoRollingUpdateSettings() {
    assertThat(problems(() -> exporter().onDelete(true).maxSurge(Amount.count(1)).build())).containsExactly(
        "DaemonSet/node-exporter: spec.updateStrategy.rollingUpdate: maxUnavailable and maxSurge apply only to"
            + " rolling updates, not OnDelete (the API server keeps them, the controller ignores them): remove them"
            + " or onDelete(false)");
  }

  @Test
  void otherRules() {
    assertThat(problems(() -> DaemonSet.named("agent")
        .minReady(Duration.ofMillis(10)).revisionHistoryLimit(-3)
        .pod(PodTemplate.container(
            Container.named("agent").image("ghcr.io/acme/agent:1.0.0"))
            .restartPolicy(RestartPolicy.ON_FAILURE))
        .build())).containsExactly(
        "DaemonSet/agent: spec.template.spec.restartPolicy: must be Always for a DaemonSet, was OnFailure: its pods"
            + " run until replaced; run pods to completion with a Job",
        "DaemonSet/agent: spec.minReadySeconds: must be a whole number of seconds, was 0.01s",
        "DaemonSet/agent: spec.revisionHistoryLimit: must be >= 0, was -3");
  }

  @Test
  void aTrackIsInTheSelectorAndOnThePods() {
    V1DaemonSet rendered = exporter().track("canary").build().render();
    assertThat(rendered.getSpec().getSelector().getMatchLabels()).containsExactly(
        java.util.Map.entry("app.kubernetes.io/name", "node-exporter"), java.util.Map.entry("track", "canary"));
    assertThat(rendered.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("track", "canary");
    assertThat(problems(() -> DaemonSet.named("node-exporter").track("canary")
        .pod(PodTemplate.container(
            Container.named("node-exporter").image("quay.io/prometheus/node-exporter:v1.8.2"))
            .label("track", "stable"))
        .build())).containsExactly("DaemonSet/node-exporter: spec.template.metadata.labels[track]: must be 'canary',"
        + " the workload's selector label, which its selector matches, was 'stable': remove the pod label, or set"
        + " track(\"stable\") on the workload instead");
  }

  @Test
  void nameMayBeADnsSubdomainAsTheApiServerAllows() {
    assertThat(DaemonSet.named("node.exporter").pod(PodTemplate.container(
        Container.named("agent").image("ghcr.io/acme/agent:1.0.0"))).build().render()
        .getMetadata().getName()).isEqualTo("node.exporter");
  }

  @Test
  void customizeWithImageAndOptOuts() {
    DaemonSet agent = DaemonSet.named("agent")
        .pod(PodTemplate.container(
            Container.named("agent").image("ghcr.io/acme/agent:1.0.0"))
            .security(PodSecurity.restricted().optOut(PodOptOut.hostNetwork("node metrics"))))
        .customize(d -> d.getSpec().getTemplate().getSpec().setPriorityClassName("system-node-critical"))
        .build();

    V1DaemonSet rendered = agent.withImage("agent", "ghcr.io/acme/agent:1.1.0").render();
    assertThat(rendered.getSpec().getTemplate().getSpec().getPriorityClassName()).isEqualTo("system-node-critical");
    assertThat(rendered.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/acme/agent:1.1.0");
    assertThat(rendered.getMetadata().getAnnotations()).containsExactlyEntriesOf(
        java.util.Map.of("security.mizzen.dev/opt-out", "hostNetwork: node metrics"));
  }
}
