package dev.mizzen.dsl.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.network.PodSelector;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PodDisruptionBudgetTest {

  @Test
  void rendersMinAvailableForAComponent() {
    PodDisruptionBudget web = PodDisruptionBudget.named("web").selecting("web").minAvailable(2).build();

    assertThat(web.render(RenderContext.of("shop", "shop"))).isEqualTo(new V1PodDisruptionBudget()
        .apiVersion("policy/v1")
        .kind("PodDisruptionBudget")
        .metadata(new V1ObjectMeta()
            .name("web")
            .namespace("shop")
            .labels(Map.of(
                "app.kubernetes.io/name", "web",
                "app.kubernetes.io/part-of", "shop",
                "app.kubernetes.io/managed-by", "mizzen")))
        .spec(new V1PodDisruptionBudgetSpec()
            .selector(new V1LabelSelector().matchLabels(
                Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/part-of", "shop")))
            .minAvailable(new IntOrString(2))));
    assertThat(web.selectedComponent()).contains("web");
  }

  @Test
  void rendersMaxUnavailablePercentAndEvictionPolicy() {
    V1PodDisruptionBudgetSpec spec = PodDisruptionBudget.named("api")
        .selecting(PodSelector.label("tier", "backend"))
        .maxUnavailable(Amount.percent(25))
        .unhealthyPodEvictionPolicy(PodDisruptionBudget.UnhealthyPodEvictionPolicy.ALWAYS_ALLOW)
        .customize(pdb -> pdb.getMetadata().putAnnotationsItem("note", "customized"))
        .build()
        .render()
        .getSpec();

    assertThat(spec).isEqualTo(new V1PodDisruptionBudgetSpec()
        .selector(new V1LabelSelector().matchLabels(Map.of("tier", "backend")))
        .maxUnavailable(new IntOrString("25%"))
        .unhealthyPodEvictionPolicy("AlwaysAllow"));
  }

  @Test
  void needsASelectorAndExactlyOneBound() {
    assertThat(problems(() -> PodDisruptionBudget.named("web").build())).containsExactly(
        "PodDisruptionBudget/web: spec.selector: is required: call selecting(component); an empty selector"
            + " would match every pod in the namespace",
        "PodDisruptionBudget/web: spec: set exactly one of minAvailable or maxUnavailable");
    assertThat(problems(() -> PodDisruptionBudget.named("web").selecting("web")
        .minAvailable(1).maxUnavailable(1).build())).containsExactly(
        "PodDisruptionBudget/web: spec: minAvailable and maxUnavailable cannot both be set; keep one");
  }

  @Test
  void reportsBadAmounts() {
    assertThat(problems(() -> PodDisruptionBudget.named("web").selecting("web").minAvailable(-1).build()))
        .containsExactly("PodDisruptionBudget/web: spec.minAvailable: must be >= 0, was -1");
    assertThat(problems(() -> PodDisruptionBudget.named("web").selecting("web")
        .maxUnavailable(Amount.percent(101)).build()))
        .containsExactly("PodDisruptionBudget/web: spec.maxUnavailable: must be at most 100%, was 101%");
    assertThat(problems(() -> PodDisruptionBudget.named("web").selecting(PodSelector.label("bad key", "x"))
        .minAvailable(Amount.percent(50)).build())).containsExactly(
        "PodDisruptionBudget/web: spec.selector.matchLabels[bad key]: key 'bad key' must have a name part of"
            + " at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
  }

  @Test
  void mayProtectEveryPodOfTheNamespaceExplicitly() {
    assertThat(PodDisruptionBudget.named("all").selecting(PodSelector.all()).maxUnavailable(1).build()
        .render().getSpec().getSelector()).isEqualTo(new V1LabelSelector());
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
