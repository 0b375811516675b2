package dev.mizzen.dsl.workload;

import static dev.mizzen.dsl.workload.WorkloadFixtures.assertMinimalAndRoundTrips;
import static dev.mizzen.dsl.workload.WorkloadFixtures.json;
import static dev.mizzen.dsl.workload.WorkloadFixtures.problems;
import static dev.mizzen.dsl.workload.WorkloadFixtures.serialize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.storage.ClaimSpec.AccessMode;
import dev.mizzen.dsl.storage.ClaimSpec.VolumeMode;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.StatefulSet.ClaimRetention;
import dev.mizzen.dsl.workload.StatefulSet.PodManagementPolicy;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatefulSetTest {
  private static final String CONTAINER = "{'image':'postgres:16.4','name':'db','securityContext':"
      + "{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}},"
      + "'volumeMounts':[{'mountPath':'/var/lib/postgresql/data','name':'data'}]}";
  private static final String POD_SECURITY = "'securityContext':{'runAsNonRoot':true,"
      + "'seccompProfile':{'type':'RuntimeDefault'}}";

  private static PodTemplate.Builder pod() {
    return PodTemplate.container(Container.named("db").image("postgres:16.4")
        .mount("data", "/var/lib/postgresql/data"));
  }

  private static StatefulSet.Builder db() {
    return StatefulSet.named("db").serviceName("db")
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)))
        .pod(pod());
  }

  @Test
  void rendersTheGoverningServiceAndClaimTemplates() {
    V1StatefulSet rendered = db().build().render();

    assertThat(serialize(rendered)).isEqualTo(json("{'apiVersion':'apps/v1','kind':'StatefulSet',"
        + "'metadata':{'labels':{'app.kubernetes.io/name':'db','app.kubernetes.io/managed-by':'mizzen'},'name':'db'},"
        + "'spec':{'selector':{'matchLabels':{'app.kubernetes.io/name':'db'}},'serviceName':'db',"
        + "'template':{'metadata':{'labels':{'app.kubernetes.io/name':'db','app.kubernetes.io/managed-by':'mizzen'}},"
        + "'spec':{'automountServiceAccountToken':false,'containers':[" + CONTAINER + "]," + POD_SECURITY + "}},"
        + "'volumeClaimTemplates':[{'metadata':{'name':'data'},'spec':{'accessModes':['ReadWriteOnce'],"
        + "'resources':{'requests':{'storage':'10Gi'}}}}]}}"));
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void everyFieldRendersWithoutEmptyCollections() {
    V1StatefulSet rendered = StatefulSet.named("db")
        .serviceName("db-headless")
        .replicas(3)
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)).storageClass("standard")
            .accessMode(AccessMode.READ_WRITE_ONCE_POD).label("backup", "daily"))
        .podManagementPolicy(PodManagementPolicy.PARALLEL)
        .partition(1)
        .maxUnavailable(Amount.percent(50))
        .minReady(Duration.ofSeconds(5))
        .revisionHistoryLimit(3)
        .startOrdinal(1)
        .claimsWhenDeleted(ClaimRetention.DELETE)
        .claimsWhenScaled(ClaimRetention.RETAIN)
        .pod(pod())
        .build()
        .render();

    assertThat(serialize(rendered.getSpec()).replace(serialize(rendered.getSpec().getTemplate()), "T"))
        .isEqualTo(json("{'minReadySeconds':5,'ordinals':{'start':1},"
            + "'persistentVolumeClaimRetentionPolicy':{'whenDeleted':'Delete','whenScaled':'Retain'},"
            + "'podManagementPolicy':'Parallel','replicas':3,'revisionHistoryLimit':3,"
            + "'selector':{'matchLabels':{'app.kubernetes.io/name':'db'}},'serviceName':'db-headless','template':T,"
            + "'updateStrategy':{'rollingUpdate':{'maxUnavailable':'50%','partition':1},'type':'RollingUpdate'},"
            + "'volumeClaimTemplates':[{'metadata':{'labels':{'backup':'daily'},'name':'data'},"
            + "'spec':{'accessModes':['ReadWriteOncePod'],'resources':{'requests':{'storage':'10Gi'}},"
            + "'storageClassName':'standard'}}]}"));
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void onDeleteAndRetentionRenderAlone() {
    V1StatefulSet rendered = db().onDelete(true).claimsWhenScaled(ClaimRetention.DELETE).build().render();
    assertThat(serialize(rendered.getSpec().getUpdateStrategy())).isEqualTo(json("{'type':'OnDelete'}"));
    assertThat(serialize(rendered.getSpec().getPersistentVolumeClaimRetentionPolicy()))
        .isEqualTo(json("{'whenScaled':'Delete'}"));
  }

  @Test
  void serviceNameIsOptionalAsIn133() {
    V1StatefulSet rendered = StatefulSet.named("cache").pod(PodTemplate.container(
        Container.named("cache").image("redis:7.4"))).build().render();
    assertThat(rendered.getSpec().getServiceName()).isNull();
    assertThat(rendered.getSpec().getVolumeClaimTemplates()).isNull();
    assertMinimalAndRoundTrips(rendered);
  }

  @Test
  void customizeWithImageAndOptOuts() {
    StatefulSet db = db().customize(s -> s.getSpec().setReplicas(5)).build();
    assertThat(db.render().getSpec().getReplicas()).isEqualTo(5);
    assertThat(db.withImage("db", "postgres:16.5").render().getSpec().getTemplate().getSpec().getContainers().get(0)
        .getImage()).isEqualTo("postgres:16.5");
    assertThat(db.withImage("db", "postgres:16.5").render().getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void aTrackIsInTheSelectorAndOnThePods() {
    V1StatefulSet rendered = db().track("blue").build().render();
    assertThat(rendered.getSpec().getSelector().getMatchLabels())
        .containsExactly(java.util.Map.entry("app.kubernetes.io/name", "db"), java.util.Map.entry("track", "blue"));
    assertThat(rendered.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("track", "blue");
    assertThat(problems(() -> db().selectorLabel("controller-revision-hash", "db-1")
        .selectorLabel("statefulset.kubernetes.io/pod-name", "db-0").selectorLabel("apps.kubernetes.io/pod-index", "0")
        .build())).containsExactly(
        "StatefulSet/db: spec.selector.matchLabels[controller-revision-hash]: is set on each pod by its controller,"
            + " with a value of its own: choose another key, for example track(\"canary\")",
        "StatefulSet/db: spec.selector.matchLabels[statefulset.kubernetes.io/pod-name]: is set on each pod by its"
            + " controller, with a value of its own: choose another key, for example track(\"canary\")",
        "StatefulSet/db: spec.selector.matchLabels[apps.kubernetes.io/pod-index]: is set on each pod by its"
            + " controller, with a value of its own: choose another key, for example track(\"canary\")");
  }

  @Test
  void nameIsADnsLabelOfAtMost52Characters() {
    assertThat(problems(() -> StatefulSet.named("db.primary").pod(PodTemplate.container(
        Container.named("db").image("postgres:16.4"))).build())).containsExactly(
        "StatefulSet/db.primary: metadata.name: must be a lowercase RFC 1123 label (lowercase letters, digits and"
            + " '-', starting and ending with a letter or digit), was 'db.primary'");
    String name53 = "d".repeat(53);
    assertThat(problems(() -> StatefulSet.named(name53).pod(PodTemplate.container(
        Container.named("db").image("postgres:16.4"))).build())).containsExactly(
        "StatefulSet/" + name53 + ": metadata.name: must be at most 52 characters (its pods carry the label"
            + " controller-revision-hash=<name>-<hash>, at most 63 characters), was 53");
    assertThat(StatefulSet.named("d".repeat(52)).pod(PodTemplate.container(
        Container.named("db").image("postgres:16.4"))).build().name()).hasSize(52);
  }

  @Test
  void specRules() {
    assertThat(problems(() -> StatefulSet.named("db").serviceName("DB").pod(pod())
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(10))).replicas(-1).minReady(Duration.ofSeconds(-1))
        .revisionHistoryLimit(-1).startOrdinal(-1).build())).containsExactly(
        "StatefulSet/db: spec.serviceName: must be a lowercase RFC 1123 label (lowercase letters, digits and '-',"
            + " starting and ending with a letter or digit), was 'DB'",
        "StatefulSet/db: spec.replicas: must be >= 0, was -1",
        "StatefulSet/db: spec.minReadySeconds: must be at least 0s, was -1s",
        "StatefulSet/db: spec.revisionHistoryLimit: must be >= 0, was -1",
        "StatefulSet/db: spec.ordinals.start: must be >= 0, was -1");
  }

  @Test
  void rollingUpdateRules() {
    assertThat(problems(() -> db().partition(-1).maxUnavailable(Amount.count(0)).build())).containsExactly(
        "StatefulSet/db: spec.updateStrategy.rollingUpdate.partition: must be >= 0, was -1",
        "StatefulSet/db: spec.updateStrategy.rollingUpdate.maxUnavailable: must not be 0: the rollout could never"
            + " make progress");
    assertThat(problems(() -> db().maxUnavailable(Amount.percent(0)).build())).containsExactly(
        "StatefulSet/db: spec.updateStrategy.rollingUpdate.maxUnavailable: must not be 0: the rollout could never"
            + " make progress");
    assertThat(problems(() -> db().maxUnavailable(Amount.percent(101)).build())).containsExactly(
        "StatefulSet/db: spec.updateStrategy.rollingUpdate.maxUnavailable: must be at most 100%, was 101%");
    assertThat(problems(() -> db().maxUnavailable(Amount.count(-2)).build())).containsExactly(
        "StatefulSet/db: spec.updateStrategy.rollingUpdate.maxUnavailable: must be >= 0, was -2");
    assertThat(problems(() -> db().onDelete(true).partition(1).build())).containsExactly(
        "StatefulSet/db: spec.updateStrategy.rollingUpdate: partition and maxUnavailable apply only to rolling"
            + " updates, not OnDelete: remove them or onDelete(false)");
  }

  @Test
  void claimTemplatesAreCheckedLikeTheClaimsTheControllerCreates() {
    assertThat(problems(() -> StatefulSet.named("db")
        .volumeClaimTemplate(VolumeClaimTemplate.named("Data").storageClass("Fast_SSD")
            .accessMode(AccessMode.READ_WRITE_ONCE_POD).accessMode(AccessMode.READ_ONLY_MANY)
            .label("bad key!", "x"))
        .volumeClaimTemplate(VolumeClaimTemplate.named("empty").size(Storage.bytes(0)))
        .pod(PodTemplate.container(Container.named("db").image("postgres:16.4")
            .mount("Data", "/data").mount("empty", "/empty")))
        .build())).containsExactly(
        "StatefulSet/db: spec.volumeClaimTemplates[Data].metadata.name: must be a lowercase RFC 1123 label"
            + " (lowercase letters, digits and '-', starting and ending with a letter or digit), was 'Data'",
        "StatefulSet/db: spec.volumeClaimTemplates[Data].spec.resources.requests[storage]: a claim needs a size,"
            + " e.g. size(Storage.gibibytes(10))",
        "StatefulSet/db: spec.volumeClaimTemplates[Data].spec.storageClassName: must be a lowercase RFC 1123"
            + " subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit),"
            + " was 'Fast_SSD'",
        "StatefulSet/db: spec.volumeClaimTemplates[Data].spec.accessModes: may not use ReadWriteOncePod with"
            + " other access modes, was [ReadWriteOncePod, ReadOnlyMany]",
        "StatefulSet/db: spec.volumeClaimTemplates[Data].metadata.labels[bad key!]: key 'bad key!' must have a name"
            + " part of at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        "StatefulSet/db: spec.volumeClaimTemplates[empty].spec.resources.requests[storage]: must be greater than 0,"
            + " was 0");
  }

  @Test
  void blockClaimsAreAttachedAsDevicesNotMounted() {
    PersistentVolumeClaim raw = PersistentVolumeClaim.named("raw").size(Storage.gibibytes(1))
        .volumeMode(VolumeMode.BLOCK).build();
    assertThat(problems(() -> StatefulSet.named("db")
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(1))
            .volumeMode(VolumeMode.BLOCK))
        .volumeClaimTemplate(VolumeClaimTemplate.named("spare").size(Storage.gibibytes(1))
            .volumeMode(VolumeMode.BLOCK))
        .pod(PodTemplate.container(Container.named("db").image("postgres:16.4")
                .mount("data", "/data").mount("raw", "/raw"))
            .volume(Volume.persistentVolumeClaim("raw", raw)))
        .build())).containsExactly(
        "StatefulSet/db: spec.template.spec.volumes[raw].persistentVolumeClaim.claimName: is"
            + " PersistentVolumeClaim/raw, of volume mode Block: a raw device is attached with volumeDevices, which"
            + " the kubelet requires instead of a mount, but container 'db' mounts it (add volumeDevices with"
            + " customize(...))",
        "StatefulSet/db: spec.volumeClaimTemplates[data].metadata.name: is of volume mode Block: a raw device is"
            + " attached with volumeDevices, which the kubelet requires instead of a mount (add volumeDevices with"
            + " customize(...))");
  }

  @Test
  void claimTemplatesMustBeMountedUniqueAndNotShadowAPodVolume() {
    assertThat(problems(() -> StatefulSet.named("db")
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(1)))
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(2)))
        .volumeClaimTemplate(VolumeClaimTemplate.named("tmp").size(Storage.gibibytes(1)))
        .volumeClaimTemplate(VolumeClaimTemplate.named("spare").size(Storage.gibibytes(1)))
        .pod(PodTemplate.container(Container.named("db")
            .image("postgres:16.4").mount("data", "/data").mount("tmp", "/tmp"))
            .volume(Volume.emptyDir("tmp")))
        .build())).containsExactly(
        "StatefulSet/db: spec.volumeClaimTemplates[data].metadata.name: must be unique among the claim templates,"
            + " 'data' is used twice",
        "StatefulSet/db: spec.volumeClaimTemplates[tmp].metadata.name: is also the name of a pod volume, which the"
            + " claim would replace: rename one of them",
        "StatefulSet/db: spec.volumeClaimTemplates[spare].metadata.name: is mounted by no container: mount it with"
            + " mount(\"spare\", path) on a container, or remove the claim template");
  }

  @Test
  void containersMayOnlyMountDeclaredVolumesOrClaims() {
    assertThat(problems(() -> StatefulSet.named("db")
        .pod(PodTemplate.container(Container.named("db").image("postgres:16.4").mount("data", "/data")))
        .build())).containsExactly("StatefulSet/db: spec.template.spec.containers[db].volumeMounts[0].name: must name"
            + " a volume of the pod, but the pod has no volumes; was 'data'");
  }

  /**
   * The API server does not validate a StatefulSet's pod template, so only the DSL stands between
   * such a template and pods the controller can never create: it refuses it as in a Deployment.
   * Found by the validation-parity fuzzer (a file path starting with '..' passed in both kinds).
   */
  @Test
  void aPodTemplateIsRefusedAsInADeployment() {
    PodTemplate.Builder reserved = PodTemplate.container(
        Container.named("db").image("postgres:16.4").mount("config", "/etc/db"))
        .volume(Volume.configMap("config", "db-config").item("db.conf", "..data"));
    String problem = "spec.template.spec.volumes[config].configMap.items[0].path: must not start with '..'"
        + " (the kubelet's own files, such as ..data), was '..data'";
    assertThat(problems(() -> StatefulSet.named("db").pod(reserved).build()))
        .containsExactly("StatefulSet/db: " + problem);
    assertThat(problems(() -> Deployment.named("db").pod(reserved).build()))
        .containsExactly("Deployment/db: " + problem);
  }
}
