package dev.mizzen.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.examples.shop.ShopApp;
import io.kubernetes.client.common.KubernetesObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks compare like with like only while both versions of the shop app render the same bytes. */
class ShopAppDirectTest {

  @Test
  void matchesTheSameObjectsWrittenByHandWithClientJava() {
    List<KubernetesObject> dsl = ShopApp.app().objects();
    List<KubernetesObject> direct = ShopAppDirect.objects();
    assertThat(dsl).hasSameSizeAs(direct);
    for (int i = 0; i < dsl.size(); i++) {
      assertThat(Manifests.yaml(dsl.get(i)))
          .as("object %d, %s/%s", i + 1, dsl.get(i).getKind(), dsl.get(i).getMetadata().getName())
          .isEqualTo(Manifests.yaml(direct.get(i)));
    }
  }
}
