package dev.mizzen.dsl.identity;

import static dev.mizzen.dsl.identity.NamespaceTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.meta.RenderContext;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAccountTest {

  @Test
  void turnsTokenAutomountOffByDefault() {
    ServiceAccount web = ServiceAccount.named("web").build();

    assertThat(web.automountServiceAccountToken()).isFalse();
    assertThat(web.render(RenderContext.of("shop", "shop"))).isEqualTo(new V1ServiceAccount()
        .apiVersion("v1")
        .kind("ServiceAccount")
        .metadata(new V1ObjectMeta()
            .name("web")
            .namespace("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "web",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen")))
        .automountServiceAccountToken(false));
  }

  @Test
  void rendersOptInAndImagePullSecrets() {
    Secret ghcr = Secret.dockerRegistry("ghcr", "ghcr.io", "bot", "token").build();
    V1ServiceAccount rendered = ServiceAccount.named("ci")
        .automountServiceAccountToken(true)
        .imagePullSecret(ghcr)
        .imagePullSecret("quay")
        .build().render();

    assertThat(rendered.getAutomountServiceAccountToken()).isTrue();
    assertThat(rendered.getImagePullSecrets()).containsExactly(
        new V1LocalObjectReference().name("ghcr"), new V1LocalObjectReference().name("quay"));
  }

  @Test
  void reportsBadNames() {
    assertThat(problems(() -> ServiceAccount.named("Web").imagePullSecret("bad_secret").build())).containsExactly(
        "ServiceAccount/Web: metadata.name: must be a lowercase RFC 1123 subdomain (lowercase letters, digits,"
            + " '-' and '.', starting and ending with a letter or digit), was 'Web'",
        "ServiceAccount/Web: imagePullSecrets[0].name: must be a lowercase RFC 1123 subdomain (lowercase"
            + " letters, digits, '-' and '.', starting and ending with a letter or digit), was 'bad_secret'");
  }

  @Test
  void customizersRunLast() {
    assertThat(ServiceAccount.named("web")
        .customize(sa -> sa.setAutomountServiceAccountToken(null))
        .build().render().getAutomountServiceAccountToken()).isNull();
  }
}
