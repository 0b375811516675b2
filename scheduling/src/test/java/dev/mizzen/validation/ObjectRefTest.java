package dev.mizzen.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

class ObjectRefTest {

  @Test
  void showsKindNamespaceAndNameOrKindAndNameWithoutANamespace() {
    assertThat(ObjectRef.of("Deployment", "shop", "web")).hasToString("Deployment/shop/web");
    assertThat(ObjectRef.of("Deployment", "web")).hasToString("Deployment/web");
    assertThat(ObjectRef.of("Deployment", "web").inNamespace("shop")).isEqualTo(ObjectRef.of("Deployment", "shop", "web"));
    assertThat(ObjectRef.of("Namespace", null, "shop")).hasToString("Namespace/shop");
  }

  @Test
  void readsAClientJavaObjectWithFallbacksForWhatIsMissing() {
    assertThat(ObjectRef.of(new V1Deployment().kind("Deployment").metadata(new V1ObjectMeta().namespace("shop").name("web"))))
        .isEqualTo(ObjectRef.of("Deployment", "shop", "web"));
    assertThat(ObjectRef.of(new V1Pod().metadata(new V1ObjectMeta().namespace("shop").generateName("web-"))))
        .hasToString("Pod/shop/web-*");
    assertThat(ObjectRef.of(new V1Namespace())).isEqualTo(ObjectRef.of("Namespace", ""));
  }

  @Test
  void kindFallsBackToTheModelClass() {
    assertThat(ObjectRef.kindOfClassName("V1Deployment")).isEqualTo("Deployment");
    assertThat(ObjectRef.kindOfClassName("V2HorizontalPodAutoscaler")).isEqualTo("HorizontalPodAutoscaler");
    assertThat(ObjectRef.kindOfClassName("V1beta1ResourceClaim")).isEqualTo("ResourceClaim");
    assertThat(ObjectRef.kindOfClassName("V1alpha3DeviceTaintRule")).isEqualTo("DeviceTaintRule");
    assertThat(ObjectRef.kindOfClassName("Widget")).isEqualTo("Widget");
    assertThat(ObjectRef.of(new V1Deployment()).kind()).isEqualTo("Deployment");
  }
}
