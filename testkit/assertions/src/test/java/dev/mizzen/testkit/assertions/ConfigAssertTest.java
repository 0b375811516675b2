package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.identity.ServiceAccount;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import org.junit.jupiter.api.Test;

/** ConfigMaps, Secrets, ServiceAccounts and Namespaces. */
class ConfigAssertTest {

  @Test
  void configMapEntries() {
    ConfigMap config = ConfigMap.named("web-config").data("LOG_FORMAT", "json").build();
    assertThat(config).hasEntry("LOG_FORMAT", "json").containsKeys("LOG_FORMAT");
    assertThatThrownBy(() -> assertThat(config).hasEntry("LOG_FORMAT", "text"))
        .hasMessage("ConfigMap/web-config: data[LOG_FORMAT]: expected \"text\", but was \"json\"");
    assertThatThrownBy(() -> assertThat(config).containsKeys("LOG_FORMAT", "LOG_LEVEL", "TZ"))
        .hasMessage("ConfigMap/web-config: data: expected the keys [LOG_FORMAT, LOG_LEVEL, TZ], but [LOG_LEVEL, TZ]"
            + " are missing (found [LOG_FORMAT])");
    assertThatThrownBy(() -> assertThat(config).isImmutable())
        .hasMessage("ConfigMap/web-config: immutable: expected true, but was unset");
  }

  @Test
  void secretsNeverPrintTheirValues() {
    Secret secret = Secret.opaque("api-credentials").data("username", "shop").data("password", "change-me").build();
    assertThat(secret).hasType("Opaque").containsKeys("username", "password").hasEntry("password", "change-me");
    assertThatThrownBy(() -> assertThat(secret).hasEntry("password", "hunter2"))
        .hasMessage("Secret/api-credentials: data[password]: expected the given value, but it differs"
            + " (values are not shown)");
    assertThatThrownBy(() -> assertThat(secret).hasType("kubernetes.io/tls"))
        .hasMessage("Secret/api-credentials: type: expected \"kubernetes.io/tls\", but was \"Opaque\"");
    assertThatThrownBy(() -> assertThat(secret).containsKeys("token"))
        .hasMessage("Secret/api-credentials: data: expected the keys [token], but [token] are missing"
            + " (found [username, password])");
  }

  @Test
  void serviceAccountsAndNamespaces() {
    assertThat(ServiceAccount.named("web").build()).doesNotMountToken();
    assertThatThrownBy(() -> assertThat(new V1ServiceAccount().metadata(new V1ObjectMeta().name("default").namespace("shop")))
        .doesNotMountToken())
        .hasMessage("ServiceAccount/shop/default: automountServiceAccountToken: expected false,"
            + " but was unset (tokens are mounted by default)");
    assertThatThrownBy(() -> assertThat(Namespace.named("dev").build()).enforcesPodSecurity("restricted"))
        .hasMessageStartingWith("Namespace/dev: metadata.labels[pod-security.kubernetes.io/enforce]: expected"
            + " \"restricted\", but was ");
  }
}
