package dev.mizzen.dsl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.storage.ClaimSpec.AccessMode;
import dev.mizzen.dsl.storage.ClaimSpec.VolumeMode;
import dev.mizzen.scheduling.Label;
import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PersistentVolumeClaimTest {

  @Test
  void aMinimalClaimIsReadWriteOnceOfTheDefaultClass() {
    String yaml = Manifests.yaml(PersistentVolumeClaim.named("data").size(Storage.gibibytes(10)).build()
        .render(RenderContext.of("shop", "shop")));
    assertThat(yaml).isEqualTo("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
          namespace: shop
          labels:
            app.kubernetes.io/name: data
            app.kubernetes.io/part-of: shop
            app.kubernetes.io/managed-by: mizzen
        spec:
          accessModes:
          - ReadWriteOnce
          resources:
            requests:
              storage: 10Gi
        """);
  }

  @Test
  void everyFieldRendersInOrder() {
    V1PersistentVolumeClaim rendered = PersistentVolumeClaim.named("restored")
        .size(Storage.gibibytes(10))
        .sizeLimit(Storage.gibibytes(20))
        .accessMode(AccessMode.READ_WRITE_ONCE)
        .accessMode(AccessMode.READ_ONLY_MANY)
        .storageClass("fast-ssd")
        .volumeMode(VolumeMode.BLOCK)
        .selector(LabelSelector.matchLabel("tier", "gold")
            .matchExpression(Label.key("zone").in("a", "b")).build())
        .dataSource(DataSource.snapshot("db-2024-05-01"))
        .build().render();
    String yaml = Manifests.yaml(rendered);
    assertThat(yaml.substring(yaml.indexOf("spec:"))).isEqualTo("""
        spec:
          accessModes:
          - ReadWriteOnce
          - ReadOnlyMany
          dataSource:
            name: db-2024-05-01
            apiGroup: snapshot.storage.k8s.io
            kind: VolumeSnapshot
          dataSourceRef:
            name: db-2024-05-01
            apiGroup: snapshot.storage.k8s.io
            kind: VolumeSnapshot
          resources:
            limits:
              storage: 20Gi
            requests:
              storage: 10Gi
          selector:
            matchExpressions:
            - key: zone
              operator: In
              values:
              - a
              - b
            matchLabels:
              tier: gold
          storageClassName: fast-ssd
          volumeMode: Block
        """);
  }

  @Test
  void anEmptyStorageClassIsRenderedSinceItDisablesDynamicProvisioning() {
    assertThat(PersistentVolumeClaim.named("static").size(Storage.gibibytes(1)).noStorageClass().build().render()
        .getSpec().getStorageClassName()).isEmpty();
    assertThat(PersistentVolumeClaim.named("dynamic").size(Storage.gibibytes(1)).build().render()
        .getSpec().getStorageClassName()).isNull();
  }

  @Test
  void aCloneNamesTheClaimInTheCoreGroup() {
    V1PersistentVolumeClaim rendered = PersistentVolumeClaim.named("copy").size(Storage.gibibytes(1))
        .dataSource(DataSource.claim("data")).build().render();
    assertThat(rendered.getSpec().getDataSourceRef().getApiGroup()).isNull();
    assertThat(rendered.getSpec().getDataSourceRef().getKind()).isEqualTo("PersistentVolumeClaim");
    assertThat(rendered.getSpec().getDataSource().getName()).isEqualTo("data");
  }

  @Test
  void isCheckedAsTheApiServerChecksAClaim() {
    assertThat(problems(() -> PersistentVolumeClaim.named("Data_1")
        .accessMode(AccessMode.READ_WRITE_ONCE_POD)
        .accessMode(AccessMode.READ_WRITE_MANY)
        .storageClass("Fast_SSD")
        .selector(LabelSelector.matching("tier", "gold!"))
        .dataSource(DataSource.of("", "Backup", "nightly"))
        .build())).containsExactly(
        "PersistentVolumeClaim/Data_1: metadata.name: must be a lowercase RFC 1123 subdomain (lowercase letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit), was 'Data_1'",
        "PersistentVolumeClaim/Data_1: spec.resources.requests[storage]: a claim needs a size,"
            + " e.g. size(Storage.gibibytes(10))",
        "PersistentVolumeClaim/Data_1: spec.storageClassName: must be a lowercase RFC 1123 subdomain (lowercase"
            + " letters, digits, '-' and '.', starting and ending with a letter or digit), was 'Fast_SSD'",
        "PersistentVolumeClaim/Data_1: spec.accessModes: may not use ReadWriteOncePod with other access modes,"
            + " was [ReadWriteOncePod, ReadWriteMany]",
        "PersistentVolumeClaim/Data_1: spec.selector.matchLabels[tier]: label value 'gold!' must be at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        "PersistentVolumeClaim/Data_1: spec.dataSourceRef.kind: must be 'PersistentVolumeClaim' when referencing"
            + " the default apiGroup, was 'Backup'");
  }

  @Test
  void sizesMustBePositiveAndTheLimitAtLeastTheRequest() {
    assertThat(problems(() -> PersistentVolumeClaim.named("data").size(Storage.bytes(0))
        .sizeLimit(Storage.bytes(0)).build())).containsExactly(
        "PersistentVolumeClaim/data: spec.resources.requests[storage]: must be greater than 0, was 0",
        "PersistentVolumeClaim/data: spec.resources.limits[storage]: must be greater than 0, was 0");
    assertThat(problems(() -> PersistentVolumeClaim.named("data").size(Storage.gibibytes(2))
        .sizeLimit(Storage.gibibytes(1)).build())).containsExactly(
        "PersistentVolumeClaim/data: spec.resources.limits[storage]: must be at least the size requested (2Gi),"
            + " was 1Gi");
  }

  @Test
  void aDataSourceNeedsAKindANameAndAValidGroup() {
    assertThat(problems(() -> PersistentVolumeClaim.named("data").size(Storage.gibibytes(1))
        .dataSource(DataSource.of("Populators!", "", "")).build())).containsExactly(
        "PersistentVolumeClaim/data: spec.dataSourceRef.name: must not be empty",
        "PersistentVolumeClaim/data: spec.dataSourceRef.kind: must not be empty");
    assertThat(problems(() -> PersistentVolumeClaim.named("data").size(Storage.gibibytes(1))
        .dataSource(DataSource.of("Populators!", "Seed", "seed")).build())).containsExactly(
        "PersistentVolumeClaim/data: spec.dataSourceRef.apiGroup: must be a lowercase RFC 1123 subdomain (lowercase"
            + " letters, digits, '-' and '.', starting and ending with a letter or digit), was 'Populators!'");
  }

  private static List<String> problems(Supplier<?> build) {
    InvalidSpecException e = catchThrowableOfType(build::get, InvalidSpecException.class);
    assertThat(e).as("build() should throw InvalidSpecException").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }
}
