package dev.mizzen.examples.readme;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.scheduling.NodeLabel;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.WhenUnsatisfiable;
import dev.mizzen.testkit.policy.Policies;
import dev.mizzen.validation.InvalidSpecException;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The README's examples, compiled and run, so the README stays true. */
class ReadmeExampleTest {

  @Test
  void sixtySecondExample() {
    Deployment web = Deployment.named("web")
        .replicas(3)
        .pod(PodTemplate.container(Container.named("web")
                .image("ghcr.io/acme/web:1.4.2")
                .port(Port.http(8080))
                .env(Env.literal("LOG_LEVEL", "info"))
                .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
                    .limits(Cpu.millis(500), Memory.mebibytes(512)))
                .readiness(Probe.httpGet("/ready", "http").every(Duration.ofSeconds(5))))
            .placement(Placement.requireNodes(NodeLabel.key("node-pool").in("general"))
                .spreadOver(Topology.ZONE, 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)))
        .build();

    App shop = App.named("shop").namespace("shop")
        .add(web, Service.named("web").selecting("web").port(80, "http").build())
        .build();
    String yaml = shop.yaml();

    Assertions.assertThat(yaml).contains("kind: Deployment").contains("kind: Service");
    assertThat(shop).deployment("web").container("web").runsAsNonRoot().hasPinnedImage();
    assertThat(shop).deployment("web").container("web").readiness().isHttpGet("/ready");
    assertThat(shop).service("web").selectsPodsOf(web).onPort("http");
    Assertions.assertThat(Policies.restricted().check(shop.objects())).isEmpty();
  }

  @Test
  void aMistakeIsReportedWithWhereItIs() {
    assertThatThrownBy(() -> Deployment.named("web")
        .pod(PodTemplate.container(Container.named("web")
            .image("ghcr.io/acme/web:1.4.2").port(Port.http(70000))))
        .build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("Deployment/web: spec.template.spec.containers[web].ports[0].containerPort:"
            + " must be 1..65535, was 70000");
  }
}
