package dev.mizzen.dsl.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.StatefulSet;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnPremisesTest {
  private static final OnPremises ON_PREM = Presets.onPremises();

  private static StatefulSet db(OnPremises onPrem) {
    return onPrem.database("db", Storage.gibibytes(20))
        .pod(PodTemplate.container(Container.named("db").image("postgres:16.4").port(Port.named("pg", 5432))
                .mount("data", "/var/lib/postgresql/data"))
            .security(PodSecurity.restricted().runAsUser(999).fsGroup(999))
            .annotations(OnPremises.scrapeAnnotations(9187)))
        .build();
  }

  @Test
  void aLoadBalancerTakesItsAddressFromAMetalLbPool() {
    Service edge = ON_PREM.loadBalancer("edge", "public").selecting("web").port(443, "https").build();
    Service legacy = ON_PREM.legacyMetalLb().loadBalancer("edge", "public").selecting("web").port(443, "https").build();

    assertThat(edge.render().getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(edge.render().getMetadata().getAnnotations()).containsExactly(Map.entry("metallb.io/address-pool", "public"));
    assertThat(legacy.render().getMetadata().getAnnotations())
        .containsExactly(Map.entry("metallb.universe.tf/address-pool", "public"));
  }

  @Test
  void aDatabaseOnCephBlockStorageWithItsGoverningService() {
    StatefulSet db = db(ON_PREM);
    Service service = ON_PREM.databaseService("db", 5432, "pg").build();

    V1StatefulSet rendered = db.render();
    assertThat(rendered.getSpec().getServiceName()).isEqualTo("db");
    assertThat(rendered.getSpec().getReplicas()).isEqualTo(1);
    assertThat(rendered.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
      assertThat(claim.getMetadata().getName()).isEqualTo("data");
      assertThat(claim.getSpec().getStorageClassName()).isEqualTo("rook-ceph-block");
      assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    });
    assertThat(rendered.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "9187").containsEntry("prometheus.io/path", "/metrics");
    assertThat(service.render().getSpec().getClusterIP()).isEqualTo("None");
    assertThat(App.named("db").namespace("data").add(db, service).build().objects()).hasSize(2);
    assertThat(db(ON_PREM.storageClass("ceph-ssd")).render().getSpec().getVolumeClaimTemplates().get(0).getSpec()
        .getStorageClassName()).isEqualTo("ceph-ssd");
  }

  @Test
  void aBackupCronJobNeverOverlapsAndMountsItsClaim() {
    PersistentVolumeClaim dumps = ON_PREM.backupClaim("db-backups", Storage.gibibytes(50)).build();
    CronJob backup = ON_PREM.backup("db", "0 2 * * *")
        .pod(ON_PREM.backupPod(Container.named("dump").image("postgres:16.4")
            .command("sh", "-c", "pg_dump -h db -U postgres -Fc shop > /backups/shop-$(date +%F).dump"), dumps)
            .security(PodSecurity.restricted().runAsUser(999)))
        .build();

    V1CronJob rendered = backup.render();
    assertThat(rendered.getMetadata().getName()).isEqualTo("db-backup");
    assertThat(rendered.getSpec().getSchedule()).isEqualTo("0 2 * * *");
    assertThat(rendered.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(rendered.getSpec().getStartingDeadlineSeconds()).isEqualTo(3600L);
    assertThat(rendered.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isEqualTo(2);
    assertThat(rendered.getSpec().getJobTemplate().getSpec().getTtlSecondsAfterFinished()).isEqualTo(86400);
    V1PodSpec pod = rendered.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(pod.getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("db-backups"));
    assertThat(pod.getContainers().get(0).getVolumeMounts()).singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/backups"));
    assertThat(dumps.render().getSpec().getStorageClassName()).isEqualTo("rook-ceph-block");
    assertThat(App.named("db").namespace("data").add(db(ON_PREM), ON_PREM.databaseService("db", 5432, "pg").build(),
        dumps, backup).build().objects()).hasSize(4);
  }

  @Test
  void scrapeAnnotations() {
    assertThat(OnPremises.scrapeAnnotations(9100, "/stats")).containsExactly(Map.entry("prometheus.io/scrape", "true"),
        Map.entry("prometheus.io/port", "9100"), Map.entry("prometheus.io/path", "/stats"));
    assertThatThrownBy(() -> OnPremises.scrapeAnnotations(0)).hasMessage("the scrape port must be 1..65535, was 0");
  }
}
