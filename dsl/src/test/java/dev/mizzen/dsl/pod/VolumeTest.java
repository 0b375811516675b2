package dev.mizzen.dsl.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.internal.Volumes;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VolumeTest {
  private static final String AT = "Deployment/web: spec.template.spec.volumes";

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static String render(Volume.Buildable volume) {
    return JSON.serialize(volume.build().toV1Volume());
  }

  private static List<String> problems(Volume.Buildable buildable) {
    Volume volume = buildable.build();
    Validation v = Validation.of("Deployment/web");
    Volumes.validate(v.field("spec.template.spec.volumes").key(volume.name()), volume, Set.of("web"));
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void emptyDir() {
    assertThat(render(Volume.emptyDir("tmp"))).isEqualTo(json("{'emptyDir':{},'name':'tmp'}"));
    assertThat(render(Volume.emptyDir("cache").inMemory(true).sizeLimit(Storage.mebibytes(64))))
        .isEqualTo(json("{'emptyDir':{'medium':'Memory','sizeLimit':'64Mi'},'name':'cache'}"));
    assertThat(problems(Volume.emptyDir("tmp"))).isEmpty();
    assertThat(problems(Volume.emptyDir("tmp").sizeLimit(Storage.bytes(0).minus(Storage.mebibytes(1)))))
        .containsExactly(AT + "[tmp].emptyDir.sizeLimit: must not be negative, was -1Mi");
  }

  @Test
  void configMapAndSecret() {
    assertThat(render(Volume.configMap("config", "web-config").item("app.yaml", "conf/app.yaml")
        .item(VolumeItem.of("LOG_FORMAT", "log-format").withMode(0400)).defaultMode(0444).optional(true)))
        .isEqualTo(json("{'configMap':{'defaultMode':292,'items':[{'key':'app.yaml','path':'conf/app.yaml'},"
            + "{'key':'LOG_FORMAT','mode':256,'path':'log-format'}],'name':'web-config','optional':true},"
            + "'name':'config'}"));
    assertThat(render(Volume.secret("tls", "shop-tls").defaultMode(0400)))
        .isEqualTo(json("{'name':'tls','secret':{'defaultMode':256,'secretName':'shop-tls'}}"));
    assertThat(render(Volume.secret("tls", "shop-tls").item("tls.crt", "cert.pem").optional(true)))
        .isEqualTo(json("{'name':'tls','secret':{'items':[{'key':'tls.crt','path':'cert.pem'}],"
            + "'optional':true,'secretName':'shop-tls'}}"));

    assertThat(problems(Volume.configMap("config", "Web_Config").item("bad key", "/etc/x")
        .item(VolumeItem.of("k", "../up").withMode(01000)).defaultMode(-1))).containsExactly(
        AT + "[config].configMap.name: must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-'"
            + " and '.', starting and ending with a letter or digit), was 'Web_Config'",
        AT + "[config].configMap.items[0].key: key 'bad key' must be at most 253 alphanumerics, '-', '_' or '.'",
        AT + "[config].configMap.items[0].path: must be a relative path, was '/etc/x'",
        AT + "[config].configMap.items[1].path: must not contain '..', was '../up'",
        AT + "[config].configMap.items[1].mode: must be 0..0777 (octal), was 01000",
        AT + "[config].configMap.defaultMode: must be 0..0777 (octal), was -1");
    assertThat(problems(Volume.configMap("config", "web-config").item("k", "..data").item("l", "..a/b")
        .item("m", "a/..b"))).containsExactly(
        AT + "[config].configMap.items[0].path: must not start with '..' (the kubelet's own files, such as ..data),"
            + " was '..data'",
        AT + "[config].configMap.items[1].path: must not start with '..' (the kubelet's own files, such as ..data),"
            + " was '..a/b'");
    assertThat(problems(Volume.secret("tls", "").item("k", ""))).containsExactly(
        AT + "[tls].secret.secretName: must not be empty",
        AT + "[tls].secret.items[0].path: must not be empty");
  }

  @Test
  void persistentVolumeClaim() {
    assertThat(render(Volume.persistentVolumeClaim("data", "data-db-0")))
        .isEqualTo(json("{'name':'data','persistentVolumeClaim':{'claimName':'data-db-0'}}"));
    assertThat(render(Volume.persistentVolumeClaim("data", "data-db-0").readOnly(true)))
        .isEqualTo(json("{'name':'data','persistentVolumeClaim':{'claimName':'data-db-0','readOnly':true}}"));
    assertThat(problems(Volume.persistentVolumeClaim("data", "Data"))).containsExactly(
        AT + "[data].persistentVolumeClaim.claimName: must be a lowercase RFC 1123 subdomain (lowercase"
            + " letters, digits, '-' and '.', starting and ending with a letter or digit), was 'Data'");
  }

  @Test
  void persistentVolumeClaimFromTheClaimItself() {
    PersistentVolumeClaim uploads = PersistentVolumeClaim.named("uploads").size(Storage.gibibytes(5)).build();
    PersistentVolumeClaimVolume volume = Volume.persistentVolumeClaim("files", uploads).readOnly(true).build();
    assertThat(render(Volume.persistentVolumeClaim("files", uploads).readOnly(true)))
        .isEqualTo(json("{'name':'files','persistentVolumeClaim':{'claimName':'uploads','readOnly':true}}"));
    assertThat(volume.declaredClaim()).contains(uploads);
    assertThat(volume).isEqualTo(Volume.persistentVolumeClaim("files", "uploads").readOnly(true).build());
  }

  @Test
  void projected() {
    Volume.Buildable volume = Volume.projected("creds",
            ProjectedSource.configMap("web-config", VolumeItem.of("app.yaml", "app.yaml")),
            ProjectedSource.secret("api-credentials"),
            ProjectedSource.downwardApi(DownwardApiFile.field("labels", "metadata.labels")),
            ProjectedSource.serviceAccountToken("token"),
            ProjectedSource.serviceAccountToken("vault-token", "vault", Duration.ofHours(1)))
        .defaultMode(0440);

    assertThat(render(volume)).isEqualTo(json("{'name':'creds','projected':{'defaultMode':288,'sources':["
        + "{'configMap':{'items':[{'key':'app.yaml','path':'app.yaml'}],'name':'web-config'}},"
        + "{'secret':{'name':'api-credentials'}},"
        + "{'downwardAPI':{'items':[{'fieldRef':{'fieldPath':'metadata.labels'},'path':'labels'}]}},"
        + "{'serviceAccountToken':{'path':'token'}},"
        + "{'serviceAccountToken':{'audience':'vault','expirationSeconds':3600,'path':'vault-token'}}]}}"));
    assertThat(problems(volume)).isEmpty();
  }

  @Test
  void projectedProblems() {
    assertThat(problems(Volume.projected("empty")))
        .containsExactly(AT + "[empty].projected.sources: must have at least one source");
    assertThat(problems(Volume.projected("creds",
        ProjectedSource.configMap("cfg", VolumeItem.of("a", "token")),
        ProjectedSource.serviceAccountToken("token", "vault", Duration.ofMinutes(5)),
        ProjectedSource.serviceAccountToken("t2", "vault", Duration.ofSeconds((1L << 32) + 1)),
        ProjectedSource.serviceAccountToken("t3", "vault", Duration.ofMillis(600_500))))).containsExactly(
        AT + "[creds].projected.sources[1].serviceAccountToken.expirationSeconds: must be at least 600s,"
            + " was 300s",
        AT + "[creds].projected.sources[1]: projects 'token' again: file paths must be unique across the sources",
        AT + "[creds].projected.sources[2].serviceAccountToken.expirationSeconds: must be at most 4294967296s,"
            + " was 4294967297s",
        AT + "[creds].projected.sources[3].serviceAccountToken.expirationSeconds: must be a whole number of"
            + " seconds, was 600.5s");
  }

  @Test
  void downwardApi() {
    Volume.Buildable volume = Volume.downwardApi("podinfo",
            DownwardApiFile.field("labels", "metadata.labels"),
            DownwardApiFile.field("team", "metadata.annotations['example.com/team']").withMode(0444),
            DownwardApiFile.resource("mem", "web", "limits.memory"))
        .defaultMode(0400);
    assertThat(render(volume)).isEqualTo(json("{'downwardAPI':{'defaultMode':256,'items':["
        + "{'fieldRef':{'fieldPath':'metadata.labels'},'path':'labels'},"
        + "{'fieldRef':{'fieldPath':'metadata.annotations[\\u0027example.com/team\\u0027]'},'mode':292,'path':'team'},"
        + "{'path':'mem','resourceFieldRef':{'containerName':'web','resource':'limits.memory'}}]},'name':'podinfo'}"));
    assertThat(problems(volume)).isEmpty();

    assertThat(problems(Volume.downwardApi("podinfo",
        DownwardApiFile.field("ip", "status.podIP"),
        DownwardApiFile.resource("cpu", "db", "limits.gpu")))).containsExactly(
        AT + "[podinfo].downwardAPI.items[0].fieldRef.fieldPath: must be one of metadata.name,"
            + " metadata.namespace, metadata.uid, metadata.labels, metadata.annotations,"
            + " metadata.labels['<key>'] or metadata.annotations['<key>'], was 'status.podIP'",
        AT + "[podinfo].downwardAPI.items[1].resourceFieldRef.resource: must be one of limits.cpu,"
            + " limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory,"
            + " requests.ephemeral-storage, limits.hugepages-<size> or requests.hugepages-<size>, was 'limits.gpu'",
        AT + "[podinfo].downwardAPI.items[1].resourceFieldRef.containerName: must name a container of the pod"
            + " (web), was 'db'");
  }

  @Test
  void hostPath() {
    Volume.Buildable volume = Volume.hostPath("dev", "/dev").type(HostPathVolume.Type.DIRECTORY);
    assertThat(render(volume)).isEqualTo(json("{'hostPath':{'path':'/dev','type':'Directory'},'name':'dev'}"));
    assertThat(volume.build().isHostPath()).isTrue();
    assertThat(Volume.emptyDir("tmp").build().isHostPath()).isFalse();
    assertThat(problems(volume)).isEmpty();
    assertThat(problems(Volume.hostPath("dev", "dev")))
        .containsExactly(AT + "[dev].hostPath.path: must be an absolute path on the node, was 'dev'");
    assertThat(problems(Volume.hostPath("dev", "/var/../etc")))
        .containsExactly(AT + "[dev].hostPath.path: must not contain '..', was '/var/../etc'");
  }
}
