package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiDeprecationsTest {

  @Test
  void looksUpRemovedAndDeprecatedApis() {
    ApiDeprecation ingress = ApiDeprecations.lookup("extensions/v1beta1", "Ingress").orElseThrow();
    assertThat(ingress.isRemoved()).isTrue();
    assertThat(ingress.removedIn()).contains("1.22");
    assertThat(ingress.replacement()).contains("networking.k8s.io/v1");
    assertThat(ingress.message())
        .isEqualTo("extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1");

    ApiDeprecation endpoints = ApiDeprecations.lookup("v1", "Endpoints").orElseThrow();
    assertThat(endpoints.isRemoved()).isFalse();
    assertThat(endpoints.deprecatedIn()).contains("1.33");
    assertThat(endpoints.replacement()).contains("discovery.k8s.io/v1 EndpointSlice");

    assertThat(ApiDeprecations.lookup("apps/v1", "Deployment")).isEmpty();
    assertThat(ApiDeprecations.lookup("certificates.k8s.io/v1beta1", "ClusterTrustBundle"))
        .as("only the kinds that were removed, not the whole version").isEmpty();
  }

  @Test
  void everyReplacementIsServedAndNoRemovedApiIsInTheIndex() {
    for (ApiDeprecation deprecation : ApiDeprecations.all()) {
      if (deprecation.isRemoved()) {
        assertThat(ApiIndex.modelClass(deprecation.apiVersion(), deprecation.kind()))
            .as(deprecation.toString()).isEmpty();
      } else {
        assertThat(ApiIndex.modelClass(deprecation.apiVersion(), deprecation.kind()))
            .as(deprecation.toString()).isPresent();
      }
      deprecation.replacement().ifPresent(replacement -> {
        String[] parts = replacement.split(" ");
        String kind = parts.length > 1 ? parts[1] : deprecation.kind();
        assertThat(ApiIndex.modelClass(parts[0], kind)).as(deprecation.toString()).isPresent();
      });
      assertThat(ApiIndex.isBuiltInGroup(ApiIndex.group(deprecation.apiVersion()))).isTrue();
    }
  }

  @Test
  void anEntryIsEitherRemovedOrDeprecated() {
    assertThatThrownBy(() -> ApiDeprecation.of("v1", "Pod").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("v1 Pod: exactly one of removedIn and deprecatedIn must be set");
  }
}
