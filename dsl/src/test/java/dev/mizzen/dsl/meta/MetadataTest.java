package dev.mizzen.dsl.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import org.junit.jupiter.api.Test;

class MetadataTest {

  @Test
  void aLongValidNameNeedsAShorterComponentBecauseItBecomesALabelValue() {
    String name = "a".repeat(64);
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
        () -> ConfigMap.named(name).build());
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "ConfigMap/" + name + ": metadata.labels[app.kubernetes.io/name]: the name '" + name
            + "' is this label's value by default, but a label value is at most 63 characters:"
            + " set component(...) to a shorter one");
    assertThat(ConfigMap.named(name).component("short").build().render().getMetadata().getLabels())
        .containsEntry(RecommendedLabels.NAME, "short");
  }

  @Test
  void everyMetadataProblemIsReportedAtOnce() {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> ConfigMap.named("Bad_Name")
        .namespace("-ns").putLabel("bad key!", "v").putAnnotation("ok", "v").build());
    assertThat(e.problems()).extracting(Problem::path).containsExactly(
        "metadata.name", "metadata.namespace", "metadata.labels[bad key!]");
    assertThat(e.getMessage()).startsWith("3 problems\n  ConfigMap/Bad_Name: metadata.name: must be a lowercase RFC 1123 subdomain");
  }

  @Test
  void renderedMetadataHasRecommendedLabelsThenOwnAndTheContextNamespace() {
    var meta = ConfigMap.named("web-config").component("web").putLabel("tier", "front").build()
        .render(RenderContext.of("shop", "shop")).getMetadata();
    assertThat(meta.getNamespace()).isEqualTo("shop");
    assertThat(meta.getLabels()).containsExactly(
        java.util.Map.entry(RecommendedLabels.NAME, "web"),
        java.util.Map.entry(RecommendedLabels.PART_OF, "shop"),
        java.util.Map.entry(RecommendedLabels.MANAGED_BY, "mizzen"),
        java.util.Map.entry("tier", "front"));
  }
}
