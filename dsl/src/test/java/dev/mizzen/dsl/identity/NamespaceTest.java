package dev.mizzen.dsl.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class NamespaceTest {

  @Test
  void rendersPodSecurityEnforcementWithoutANamespace() {
    Namespace shop = Namespace.named("shop").podSecurity(PodSecurityLevel.RESTRICTED).build();

    V1Namespace rendered = shop.render(RenderContext.of("shop", "shop"));

    assertThat(rendered).isEqualTo(new V1Namespace()
        .apiVersion("v1")
        .kind("Namespace")
        .metadata(new V1ObjectMeta()
            .name("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "shop",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen",
                "pod-security.kubernetes.io/enforce", "restricted"))));
    assertThat(rendered.getMetadata().getNamespace()).isNull();
  }

  @Test
  void rendersEveryModeAndVersionInOrder() {
    Namespace legacy = Namespace.named("legacy")
        .warn(PodSecurityLevel.RESTRICTED).warnVersion("latest")
        .enforce(PodSecurityLevel.BASELINE).enforceVersion("v1.33")
        .audit(PodSecurityLevel.RESTRICTED).auditVersion("v1.0")
        .label("team", "payments")
        .build();

    assertThat(legacy.render().getMetadata().getLabels()).containsExactly(
        Map.entry("app.kubernetes.io/name", "legacy"),
        Map.entry("app.kubernetes.io/managed-by", "mizzen"),
        Map.entry("team", "payments"),
        Map.entry("pod-security.kubernetes.io/enforce", "baseline"),
        Map.entry("pod-security.kubernetes.io/enforce-version", "v1.33"),
        Map.entry("pod-security.kubernetes.io/audit", "restricted"),
        Map.entry("pod-security.kubernetes.io/audit-version", "v1.0"),
        Map.entry("pod-security.kubernetes.io/warn", "restricted"),
        Map.entry("pod-security.kubernetes.io/warn-version", "latest"));
  }

  @Test
  void leavesUnsetModesToTheCluster() {
    assertThat(Namespace.named("plain").build().render().getMetadata().getLabels())
        .doesNotContainKeys("pod-security.kubernetes.io/enforce", "pod-security.kubernetes.io/audit",
            "pod-security.kubernetes.io/warn");
  }

  @Test
  void reportsNameNamespaceVersionAndLabelProblems() {
    assertThat(problems(() -> Namespace.named("shop.prod")
        .namespace("default")
        .enforceVersion("1.33")
        .warn(PodSecurityLevel.BASELINE).warnVersion("v1.033")
        .label("pod-security.kubernetes.io/warn", "baseline")
        .label("pod-security.kubernetes.io/audit", "restricted")
        .build())).containsExactly(
        "Namespace/shop.prod: metadata.name: must be a lowercase RFC 1123 label (lowercase letters, digits"
            + " and '-', starting and ending with a letter or digit), was 'shop.prod'",
        "Namespace/shop.prod: metadata.namespace: must not be set: Namespace is cluster-scoped",
        "Namespace/shop.prod: metadata.labels[pod-security.kubernetes.io/enforce-version]: must be 'latest' or"
            + " 'v1.<minor>' (as v1.33), was '1.33'",
        "Namespace/shop.prod: metadata.labels[pod-security.kubernetes.io/enforce-version]: needs a level:"
            + " call enforce(PodSecurityLevel) too",
        "Namespace/shop.prod: metadata.labels[pod-security.kubernetes.io/warn-version]: must be 'latest' or"
            + " 'v1.<minor>' (as v1.33), was 'v1.033'",
        "Namespace/shop.prod: metadata.labels[pod-security.kubernetes.io/warn]: is set by the typed Pod"
            + " Security option and again as a label; keep one",
        "Namespace/shop.prod: metadata.labels[pod-security.kubernetes.io/audit]: use the typed options"
            + " enforce/audit/warn(PodSecurityLevel) and *Version(..) instead");
  }

  @Test
  void customizersRunLast() {
    V1Namespace rendered = Namespace.named("shop")
        .customize(ns -> ns.getMetadata().putAnnotationsItem("owner", "team-shop"))
        .build().render();
    assertThat(rendered.getMetadata().getAnnotations()).containsExactly(Map.entry("owner", "team-shop"));
  }

  static List<String> problems(Supplier<?> build) {
    try {
      build.get();
    } catch (InvalidSpecException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected an InvalidSpecException");
  }
}
