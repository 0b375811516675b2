package dev.mizzen.dsl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String PASSWORD = "hunter2-Sup3rS3cret";

  /**
   * Text renders under {@code data} too, never {@code stringData}: under server-side apply a key
   * removed from {@code stringData} would stay in {@code data}, which the API server fills from it.
   */
  @Test
  void rendersTextEntriesBase64EncodedUnderDataNeverStringData() {
    Secret secret = Secret.opaque("api-credentials")
        .data("username", "shop")
        .data("password", PASSWORD)
        .build();

    V1Secret rendered = secret.render(RenderContext.of("shop", "shop"));

    assertThat(rendered.getStringData()).isNullOrEmpty();
    assertThat(rendered.getData().keySet()).containsExactly("username", "password");
    assertThat(rendered.getData().get("username")).asString(StandardCharsets.UTF_8).isEqualTo("shop");
    assertThat(rendered.getData().get("password")).asString(StandardCharsets.UTF_8).isEqualTo(PASSWORD);
    rendered.setData(null);
    assertThat(rendered).isEqualTo(new V1Secret()
        .apiVersion("v1")
        .kind("Secret")
        .metadata(new V1ObjectMeta()
            .name("api-credentials")
            .namespace("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "api-credentials",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen")))
        .type("Opaque")
        .data(null));
  }

  @Test
  void writesTheSameBase64ForTextAndItsBytes() {
    String yaml = "data:\n  username: c2hvcA==\n  password: " + base64(PASSWORD) + "\n  note: w6nDqQ==\n";
    assertThat(Manifests.yaml(Secret.opaque("s")
            .data("username", "shop").data("password", PASSWORD).data("note", "\u00e9\u00e9").build().render()))
        .contains(yaml)
        .doesNotContain("stringData");
    assertThat(Manifests.yaml(Secret.opaque("s")
            .data("username", "shop".getBytes(StandardCharsets.UTF_8))
            .data("password", PASSWORD.getBytes(StandardCharsets.UTF_8))
            .data("note", "\u00e9\u00e9".getBytes(StandardCharsets.UTF_8)).build().render()))
        .contains(yaml);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rendersBytesUnderData() {
    byte[] keystore = {0, 1, 2, (byte) 0xff};
    Secret secret = Secret.named("keystore").data("keystore.p12", keystore).immutable(true).build();
    keystore[0] = 42; // the Secret kept its own copy

    V1Secret rendered = secret.render();

    assertThat(rendered.getStringData()).isNullOrEmpty();
    assertThat(rendered.getData()).containsOnlyKeys("keystore.p12");
    assertThat(rendered.getData().get("keystore.p12")).containsExactly(0, 1, 2, 0xff);
    assertThat(rendered.getImmutable()).isTrue();
    assertThat(rendered.getType()).isEqualTo("Opaque");
  }

  @Test
  void valuesAreReadOnlyExplicitly() {
    Secret secret = Secret.opaque("s").data("password", PASSWORD).data("blob", new byte[] {7}).build();

    assertThat(secret.keys()).containsExactly("password", "blob");
    assertThat(secret.data().get("password").reveal()).isEqualTo(PASSWORD);
    assertThat(secret.data().get("password").isText()).isTrue();
    assertThat(secret.data().get("blob").revealBytes()).containsExactly(7);
    assertThat(secret.data().get("blob").size()).isEqualTo(1);
  }

  @Test
  void toStringNeverShowsAValue() {
    Secret secret = Secret.opaque("api-credentials")
        .data("username", "shop-user")
        .data("password", PASSWORD)
        .data("blob", PASSWORD.getBytes(StandardCharsets.UTF_8))
        .build();

    assertThat(secret.toString())
        .contains("password=<redacted>", "username=<redacted>", "blob=<redacted>")
        .doesNotContain(PASSWORD)
        .doesNotContain("shop-user");
    assertThat(secret.data().toString()).doesNotContain(PASSWORD);
    assertThat(secret.data().get("password")).hasToString("<redacted>");
    assertThat(Secret.tls("t", "CERT-" + PASSWORD, "KEY-" + PASSWORD).build().toString())
        .doesNotContain(PASSWORD);
  }

  @Test
  void equalSecretsCompareByValue() {
    assertThat(Secret.opaque("s").data("k", "v").build())
        .isEqualTo(Secret.opaque("s").data("k", "v").build())
        .isNotEqualTo(Secret.opaque("s").data("k", "w").build())
        .isNotEqualTo(Secret.opaque("s").data("k", "v".getBytes(StandardCharsets.UTF_8)).build());
  }

  @Test
  void validationMessagesNameKeysOnly() {
    List<String> problems = problems(() -> Secret.opaque("Bad_Name")
        .data("bad key!", PASSWORD)
        .data("../etc", PASSWORD.getBytes(StandardCharsets.UTF_8))
        .build());

    assertThat(problems).containsExactly(
        "Secret/Bad_Name: metadata.name: must be a lowercase RFC 1123 subdomain (lowercase letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit), was 'Bad_Name'",
        "Secret/Bad_Name: data[bad key!]: key 'bad key!' must be at most 253 alphanumerics, '-', '_' or '.'",
        "Secret/Bad_Name: data[../etc]: key '../etc' must be at most 253 alphanumerics, '-', '_' or '.'");
    assertThat(String.join("\n", problems)).doesNotContain(PASSWORD);
  }

  @Test
  void duplicateKeysFailWithoutShowingValues() {
    assertThatThrownBy(() -> Secret.opaque("s").data("password", PASSWORD).data("password", "other-" + PASSWORD).build())
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains("password")
        .doesNotContain(PASSWORD);
  }

  @Test
  void limitsTheTotalSizeTo1MiB() {
    byte[] big = new byte[Secret.MAX_SIZE];
    assertThat(Secret.named("ok").data("a", big).build().keys()).containsExactly("a");
    assertThat(problems(() -> Secret.named("big").data("a", big).data("b", "x").build()))
        .containsExactly("Secret/big: data: total size of the values must be at most 1048576 bytes, was 1048577");
  }

  @Test
  void tlsSecretsCarryCertificateAndKey() {
    V1Secret rendered = Secret.tls("shop-tls", "CERT", "KEY").build().render();

    assertThat(rendered.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(rendered.getStringData()).isNullOrEmpty();
    assertThat(rendered.getData().keySet()).containsExactly("tls.crt", "tls.key");
    assertThat(rendered.getData().get("tls.crt")).asString(StandardCharsets.UTF_8).isEqualTo("CERT");
    assertThat(rendered.getData().get("tls.key")).asString(StandardCharsets.UTF_8).isEqualTo("KEY");
    assertThat(problems(() -> Secret.named("shop-tls").type(Secret.Type.TLS).data("tls.crt", PASSWORD).build()))
        .containsExactly("Secret/shop-tls: data[tls.key]: is required for type kubernetes.io/tls");
    assertThat(problems(() -> Secret.named("shop-tls").type(Secret.Type.TLS).build())).containsExactly(
        "Secret/shop-tls: data[tls.crt]: is required for type kubernetes.io/tls",
        "Secret/shop-tls: data[tls.key]: is required for type kubernetes.io/tls");
  }

  @Test
  void dockerConfigJsonMustBeAJsonObject() {
    List<String> problems = problems(() -> Secret.dockerConfigJson("pull", "{not json " + PASSWORD).build());
    assertThat(problems).containsExactly("Secret/pull: data[.dockerconfigjson]: must hold a JSON object"
        + " (a Docker config.json); the value is not shown");
    assertThat(problems(() -> Secret.dockerConfigJson("pull", "[1, 2]").build())).hasSize(1);
    assertThat(problems(() -> Secret.named("pull").type(Secret.Type.DOCKER_CONFIG_JSON).build()))
        .containsExactly("Secret/pull: data[.dockerconfigjson]: is required for type kubernetes.io/dockerconfigjson");
  }

  @Test
  void dockerRegistryWritesTheAuthsDocument() {
    Secret secret = Secret.dockerRegistry("ghcr", "ghcr.io", "bot", PASSWORD).build();

    assertThat(secret.type()).isEqualTo(Secret.Type.DOCKER_CONFIG_JSON);
    assertThat(JsonParser.parseString(secret.data().get(".dockerconfigjson").reveal()))
        .isEqualTo(JsonParser.parseString("{\"auths\":{\"ghcr.io\":{\"username\":\"bot\",\"password\":\""
            + PASSWORD + "\",\"auth\":\"" + Base64.getEncoder().encodeToString(
                ("bot:" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\"}}}"));
    assertThat(secret.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void basicAndSshAuthNeedTheirKeys() {
    assertThat(Secret.basicAuth("b", "u", "p").build().render().getType()).isEqualTo("kubernetes.io/basic-auth");
    assertThat(Secret.named("b").type(Secret.Type.BASIC_AUTH).data("password", "p").build().keys())
        .containsExactly("password");
    assertThat(problems(() -> Secret.named("b").type(Secret.Type.BASIC_AUTH).data("token", "t").build()))
        .containsExactly("Secret/b: data: type kubernetes.io/basic-auth requires key 'username' or 'password' (or both)");
    assertThat(Secret.sshAuth("git", "KEY").build().render().getType()).isEqualTo("kubernetes.io/ssh-auth");
    assertThat(problems(() -> Secret.named("git").type(Secret.Type.SSH_AUTH).build()))
        .containsExactly("Secret/git: data[ssh-privatekey]: is required for type kubernetes.io/ssh-auth");
  }

  @Test
  void customizersRunLast() {
    V1Secret rendered = Secret.named("s").data("k", "v")
        .customize(s -> s.getMetadata().putAnnotationsItem("reloader", "true"))
        .build()
        .render();
    assertThat(rendered.getMetadata().getAnnotations()).containsEntry("reloader", "true");
  }

  private static List<String> problems(Supplier<?> build) {
    try {
      build.get();
    } catch (InvalidSpecException e) {
      assertThat(e.getMessage()).doesNotContain(PASSWORD);
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected an InvalidSpecException");
  }
}
