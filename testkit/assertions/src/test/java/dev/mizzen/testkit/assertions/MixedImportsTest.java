package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both entry points imported statically: Mizzen's overloads are the more specific ones, AssertJ's serve the rest. */
class MixedImportsTest {

  @Test
  void overloadsResolveWithoutCasts() {
    List<KubernetesObject> objects = Shop.app().objects();
    assertThat(objects).deployment("api").hasReplicas(2);
    assertThat(Shop.app().objects()).service("api").hasType("ClusterIP");
    V1Deployment api = Shop.api().render();
    assertThat(api).hasReplicas(2);
    assertThat(Shop.api()).hasReplicas(2);
    assertThat(api.getSpec().getReplicas()).isEqualTo(2);
    assertThat(List.of("a", "b")).containsExactly("a", "b");
  }
}
