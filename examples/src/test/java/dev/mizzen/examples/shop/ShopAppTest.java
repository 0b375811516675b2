package dev.mizzen.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.render.Manifests;
import io.kubernetes.client.common.KubernetesObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopAppTest {
  /** The golden file; {@code -Dmizzen.golden.update=true} rewrites it from the current output. */
  private static final Path GOLDEN = Path.of("src/test/resources/dev/mizzen/examples/shop/shop.yaml");

  @Test
  void rendersTheNineteenObjectsOfTheReferencePageInOrder() {
    assertThat(ShopApp.app().objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("Namespace/shop", "ConfigMap/web-config", "Secret/api-credentials",
            "ServiceAccount/web", "ServiceAccount/api", "Deployment/web", "Service/web", "Ingress/web",
            "HorizontalPodAutoscaler/web", "PodDisruptionBudget/web", "Deployment/api", "Service/api",
            "NetworkPolicy/api", "StatefulSet/db", "Service/db", "CronJob/report", "Role/web-config-reader",
            "RoleBinding/web-config-reader", "DaemonSet/node-exporter");
  }

  @Test
  void matchesTheGoldenFile() throws IOException {
    String yaml = ShopApp.app().yaml();
    if (Boolean.getBoolean("mizzen.golden.update")) {
      Files.writeString(GOLDEN, yaml, StandardCharsets.UTF_8);
    }
    assertThat(yaml).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void renderingIsDeterministicAndReadsBack() {
    String yaml = ShopApp.app().yaml();
    assertThat(ShopApp.app().yaml()).isEqualTo(yaml);
    List<KubernetesObject> read = Manifests.read(yaml);
    assertThat(Manifests.yaml(read)).isEqualTo(yaml);
  }
}
