package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.Taint;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Topology;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodAssertTest {

  @Test
  void podWideChecksPassForTheShopsWorkloads() {
    var app = assertThat(Shop.app());
    app.deployment("web").runsAsNonRoot().hasResources().hasProbes().hasPinnedImages().hasServiceAccount("web")
        .isSpreadOver(Topology.ZONE).isSpreadOver(Topology.HOSTNAME)
        .toleratesTaint("dedicated", "web", "NoSchedule")
        .toleratesTaint(Taint.of("dedicated", "web", TaintEffect.NO_SCHEDULE));
    app.deployment("web").pod().doesNotMountServiceAccountToken();
    app.statefulSet("db").runsAsNonRoot().hasPinnedImages();
    app.cronJob("report").runsAsNonRoot().hasPinnedImages();
    app.daemonSet("node-exporter").runsAsNonRoot().toleratesEveryTaint()
        .toleratesTaint("node.kubernetes.io/unreachable", "", TaintEffect.NO_EXECUTE);
  }

  @Test
  void podWideChecksReportEveryOffendingContainerOnItsOwnLine() {
    Deployment twoBare = Deployment.named("batch").pod(PodTemplate.container(
        Container.named("a").image("a:1"))
        .container(Container.named("b").image("b:1"))).build();

    assertThatThrownBy(() -> assertThat(twoBare).hasResources())
        .hasMessage(String.join(System.lineSeparator(),
            "Deployment/batch: spec.template.spec.containers[a].resources: expected requests for cpu and memory and"
                + " a memory limit, but the cpu request and the memory request and the memory limit are missing",
            "Deployment/batch: spec.template.spec.containers[b].resources: expected requests for cpu and memory and"
                + " a memory limit, but the cpu request and the memory request and the memory limit are missing"));
    assertThatThrownBy(() -> assertThat(Shop.app()).cronJob("report").hasProbes())
        .hasMessage("CronJob/shop/report: spec.jobTemplate.spec.template.spec.containers[report]:"
            + " expected a readiness and a liveness probe, but there is no readiness and no liveness probe");
    assertThatThrownBy(() -> assertThat(Shop.app()).cronJob("report").hasResources())
        .hasMessage("CronJob/shop/report: spec.jobTemplate.spec.template.spec.containers[report].resources:"
            + " expected requests for cpu and memory and a memory limit, but the memory limit is missing");
  }

  @Test
  void failsToNavigateToAMissingContainerAndSaysWhichExist() {
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").container("nginx"))
        .hasMessage("Deployment/shop/web: spec.template.spec.containers[nginx]:"
            + " expected a container named \"nginx\", but found [web]");
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").initContainer("migrate"))
        .hasMessage("Deployment/shop/web: spec.template.spec.initContainers[migrate]:"
            + " expected a container named \"migrate\", but found []");
  }

  @Test
  void spreadsOverAKeyWithAConstraintOrAntiAffinityOnItsOwnPods() {
    Deployment required = Deployment.named("web").pod(PodTemplate.container(
        Container.named("web").image("web:1"))
        .placement(Placement.requireApartFromOwnPods(Topology.HOSTNAME))).build();
    assertThat(required).isSpreadOver(Topology.HOSTNAME);

    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("api").isSpreadOver(Topology.ZONE))
        .hasMessage("Deployment/shop/api: spec.template.spec: expected the pods to spread over"
            + " topology.kubernetes.io/zone (a topologySpreadConstraint or a pod anti-affinity term on that key,"
            + " selecting the pods' own labels), but found neither");
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").isSpreadOver(Topology.REGION))
        .hasMessage("Deployment/shop/web: spec.template.spec: expected the pods to spread over"
            + " topology.kubernetes.io/region (a topologySpreadConstraint or a pod anti-affinity term on that key,"
            + " selecting the pods' own labels), but found topologySpreadConstraints[0] on topology.kubernetes.io/zone;"
            + " affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0] on kubernetes.io/hostname");

    Deployment selectingOthers = Deployment.named("web").pod(PodTemplate.container(
        Container.named("web").image("web:1")))
        .customize(d -> d.getSpec().getTemplate().getSpec().topologySpreadConstraints(List.of(
            new V1TopologySpreadConstraint().topologyKey(Topology.ZONE).maxSkew(1).whenUnsatisfiable("DoNotSchedule")
                .labelSelector(new V1LabelSelector().matchLabels(Map.of("app", "other"))))))
        .build();
    assertThatThrownBy(() -> assertThat(selectingOthers).isSpreadOver(Topology.ZONE))
        .hasMessage("Deployment/web: spec.template.spec: expected the pods to spread over topology.kubernetes.io/zone"
            + " (a topologySpreadConstraint or a pod anti-affinity term on that key, selecting the pods' own labels),"
            + " but found topologySpreadConstraints[0] on topology.kubernetes.io/zone selecting {app=other},"
            + " which does not select the pods' labels {app.kubernetes.io/managed-by=mizzen, app.kubernetes.io/name=web}");
  }

  /** Kubernetes' {@code Toleration.ToleratesTaint}: the toleration's key, operator, value, effect against a taint. */
  @ParameterizedTest(name = "{0} {1} {2} {3} tolerates {4}={5}:{6}: {7}")
  @CsvSource({
      "dedicated, Equal,  web, NoSchedule,       dedicated, web,  NoSchedule,       true",
      "dedicated, Equal,  web, NoSchedule,       dedicated, api,  NoSchedule,       false",
      "dedicated, Equal,  web, NoSchedule,       dedicated, web,  NoExecute,        false",
      "dedicated, Equal,  web, '',               dedicated, web,  NoExecute,        true",
      "dedicated, '',     web, NoSchedule,       dedicated, web,  NoSchedule,       true",
      "dedicated, '',     '',  NoSchedule,       dedicated, web,  NoSchedule,       false",
      "dedicated, Equal,  '',  NoSchedule,       dedicated, '',   NoSchedule,       true",
      "dedicated, Exists, '',  NoSchedule,       dedicated, any,  NoSchedule,       true",
      "dedicated, Exists, '',  '',               dedicated, '',   PreferNoSchedule, true",
      "other,     Exists, '',  '',               dedicated, web,  NoSchedule,       false",
      "'',        Exists, '',  '',               gpu,       'on', NoExecute,        true",
      "'',        Exists, '',  NoSchedule,       gpu,       'on', NoExecute,        false",
      "'',        Exists, '',  NoSchedule,       gpu,       'on', NoSchedule,       true",
  })
  void toleratesTaintsAsKubernetesMatchesThem(String key, String operator, String value, String effect,
      String taintKey, String taintValue, String taintEffect, boolean tolerates) {
    V1PodSpec spec = new V1PodSpec().containers(List.of(new V1Container().name("app").image("app:1")))
        .tolerations(List.of(new V1Toleration().key(key).operator(operator).value(value).effect(effect)));
    if (tolerates) {
      assertThatCode(() -> assertThat(spec).toleratesTaint(taintKey, taintValue, taintEffect)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> assertThat(spec).toleratesTaint(taintKey, taintValue, taintEffect))
          .hasMessageStartingWith("PodSpec: tolerations: expected a toleration of the taint "
              + Tolerations.describeTaint(taintKey, taintValue, taintEffect) + ", but found [");
    }
  }

  @Test
  void reportsTheTolerationsFoundWhenNoneMatches() {
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").toleratesTaint("dedicated", "api", "NoSchedule"))
        .hasMessage("Deployment/shop/web: spec.template.spec.tolerations: expected a toleration of the taint"
            + " dedicated=api:NoSchedule, but found [dedicated=web:NoSchedule]");
    assertThatThrownBy(() -> assertThat(Shop.app()).deployment("web").toleratesEveryTaint())
        .hasMessage("Deployment/shop/web: spec.template.spec.tolerations: expected a toleration of every taint"
            + " (operator Exists, no key, no effect), but found [dedicated=web:NoSchedule]");
  }

  @Test
  void checksServiceAccountAndToken() {
    assertThatThrownBy(() -> assertThat(Shop.app()).statefulSet("db").hasServiceAccount("db"))
        .hasMessage("StatefulSet/shop/db: spec.template.spec.serviceAccountName: expected \"db\","
            + " but was unset (the namespace's \"default\" service account)");
    V1PodSpec spec = new V1PodSpec().containers(List.of(new V1Container().name("app")));
    assertThatThrownBy(() -> assertThat(spec).doesNotMountServiceAccountToken())
        .hasMessage("PodSpec: automountServiceAccountToken: expected false,"
            + " but was unset (the API server mounts the token by default)");
  }

  @Test
  void namesAPodTemplateOnItsOwn() {
    PodTemplate template = PodTemplate.container(Container.named("app").image("app")).build();
    assertThatThrownBy(() -> assertThat(template).hasPinnedImages())
        .hasMessage("PodTemplate: spec.containers[app].image: expected a pinned image (a tag other than latest,"
            + " or a digest), but was \"app\" (no tag, which means latest)");
  }
}
