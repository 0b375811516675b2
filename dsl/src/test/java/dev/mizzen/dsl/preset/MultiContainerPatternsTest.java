package dev.mizzen.dsl.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.Job;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import org.junit.jupiter.api.Test;

class MultiContainerPatternsTest {

  private static V1PodSpec spec(PodTemplate.Builder pod) {
    return Deployment.named("web").replicas(2).pod(pod).build().render().getSpec().getTemplate().getSpec();
  }

  @Test
  void aSidecarIsANativeSidecarSharingAnEmptyDir() {
    Sidecar logs = Presets.sidecar(Container.named("ship-logs").image("cr.fluentbit.io/fluent/fluent-bit:3.1.9"),
        "logs", "/var/log/web");
    PodTemplate.Builder pod = PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2").mount("logs", "/var/log/web"));

    V1PodSpec spec = spec(logs.addTo(pod));

    V1Container sidecar = spec.getInitContainers().get(0);
    assertThat(sidecar.getName()).isEqualTo("ship-logs");
    assertThat(sidecar.getRestartPolicy()).isEqualTo("Always");
    assertThat(sidecar.getVolumeMounts()).singleElement().satisfies(m -> {
      assertThat(m.getName()).isEqualTo("logs");
      assertThat(m.getMountPath()).isEqualTo("/var/log/web");
    });
    assertThat(spec.getVolumes()).singleElement().satisfies(v -> {
      assertThat(v.getName()).isEqualTo("logs");
      assertThat(v.getEmptyDir()).isNotNull();
    });
    assertThat(logs).hasToString("sidecar ship-logs sharing logs");
    assertThat(Presets.sidecar(Container.named("reload").image("ghcr.io/acme/reload:1.0.0")).volume()).isEmpty();
  }

  @Test
  void aSidecarDoesNotHoldAJobOpen() {
    Sidecar logs = Presets.sidecar(Container.named("ship-logs").image("cr.fluentbit.io/fluent/fluent-bit:3.1.9"),
        "logs", "/var/log/report");

    Job job = Job.named("report").pod(logs.addTo(PodTemplate.container(Container.named("report").image("ghcr.io/acme/report:1.0.0").mount("logs", "/var/log/report"))
            .restartPolicy(dev.mizzen.dsl.pod.RestartPolicy.NEVER)))
        .build();

    assertThat(job.render().getSpec().getTemplate().getSpec().getInitContainers().get(0).getRestartPolicy())
        .isEqualTo("Always");
  }

  @Test
  void anAmbassadorPointsTheAppAtLocalhost() {
    Ambassador db = Presets.ambassador(Container.named("db-proxy").image("ghcr.io/acme/pg-proxy:1.2.0")
        .args("--listen=127.0.0.1:5432", "--upstream=db.prod.example.com:5432"), 5432);
    PodTemplate.Builder pod = PodTemplate.container(Container.named("api").image("ghcr.io/acme/api:2.0.1").env(db.env("DB_HOST", "DB_PORT")));

    V1PodSpec spec = spec(db.addTo(pod));

    assertThat(spec.getContainers().get(0).getEnv()).containsExactly(
        new V1EnvVar().name("DB_HOST").value("127.0.0.1"), new V1EnvVar().name("DB_PORT").value("5432"));
    assertThat(spec.getInitContainers()).singleElement().satisfies(c -> {
      assertThat(c.getName()).isEqualTo("db-proxy");
      assertThat(c.getRestartPolicy()).isEqualTo("Always");
    });
    assertThat(db.address()).isEqualTo("127.0.0.1:5432");
    assertThatThrownBy(() -> Presets.ambassador(Container.named("p").image("ghcr.io/acme/p:1.0.0"), 0))
        .hasMessage("the ambassador's local port must be 1..65535, was 0");
  }

  @Test
  void anAdapterServesANamedPortThatServicesAndPrometheusFind() {
    Adapter metrics = Presets.adapter(Container.named("metrics").image("ghcr.io/acme/status-exporter:0.4.0")
        .args("--status-url=http://127.0.0.1:8080/status"), Port.named("metrics", 9102));
    PodTemplate.Builder pod = PodTemplate.container(Container.named("legacy").image("ghcr.io/acme/legacy:7.2.0").port(Port.http(8080)))
        .annotations(metrics.scrapeAnnotations());
    Deployment legacy = Deployment.named("legacy").replicas(2).pod(metrics.addTo(pod)).build();
    Service scraped = Service.named("legacy-metrics").selecting("legacy").port(9102, "metrics").build();

    V1PodSpec spec = legacy.render().getSpec().getTemplate().getSpec();

    assertThat(spec.getInitContainers()).singleElement().satisfies(c -> {
      assertThat(c.getRestartPolicy()).isEqualTo("Always");
      assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("metrics"));
      assertThat(c.getReadinessProbe()).isNull();
    });
    assertThat(legacy.render().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/port", "9102").containsEntry("prometheus.io/path", "/metrics");
    // The App finds the Service's target port on the sidecar.
    assertThat(App.named("legacy").namespace("legacy").add(legacy, scraped).build().objects()).hasSize(2);
    assertThatThrownBy(() -> Presets.adapter(Container.named("m").image("ghcr.io/acme/m:1.0.0"), Port.number(9102)))
        .hasMessageContaining("the adapter's port 9102 needs a name");
  }
}
