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
        .namespace("-ns").label("bad key!", "v").annotation("ok", "v").build());
    assertThat(e.problems()).extracting(Problem::path).containsExactly(
        "metadata.name", "metadata.namespace", "metadata.labels[bad key!]");
    assertThat(e.getMessage()).startsWith("3 problems\n  ConfigMap/Bad_Name: metadata.name: must be a lowercase RFC 1123 subdomain");
  }

  @Test
  void renderedMetadataHasRecommendedLabelsThenOwnAndTheContextNamespace() {
    var meta = ConfigMap.named("web-config").component("web").label("tier", "front").build()
        .render(RenderContext.of("shop", "shop")).getMetadata();
    assertThat(meta.getNamespace()).isEqualTo("shop");
    assertThat(meta.getLabels()).containsExactly(
        java.util.Map.entry(RecommendedLabels.NAME, "web"),
        java.util.Map.entry(RecommendedLabels.PART_OF, "shop"),
        java.util.Map.entry(RecommendedLabels.MANAGED_BY, "mizzen"),
        java.util.Map.entry("tier", "front"));
  }

  /** {@code ValidateAnnotationsSize} adds Go's {@code len} of keys and values: UTF-8 bytes, not chars. */
  @Test
  void annotationSizeCountsUtf8BytesOfKeysAndValues() {
    String atTheLimit = "x".repeat(256 * 1024 - 1);
    assertThat(ConfigMap.named("cfg").annotation("k", atTheLimit).build().annotations()).containsKey("k");
    String twoByteChars = "\u00e9".repeat(128 * 1024);
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
        () -> ConfigMap.named("cfg").annotation("k", twoByteChars).build());
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "ConfigMap/cfg: metadata.annotations: total size must be at most 262144 bytes (UTF-8, keys and values),"
            + " was 262145");
  }

  /** {@code ValidateAnnotations} checks each key lower-cased; labels keep the lowercase prefix rule. */
  @Test
  void annotationKeysMayHaveAnUpperCasePrefix() {
    assertThat(ConfigMap.named("cfg").annotation("Example.COM/Key", "v").build().annotations())
        .containsKey("Example.COM/Key");
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> ConfigMap.named("cfg")
        .label("Example.com/key", "v").annotation("bad prefix!/key", "v").build());
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "ConfigMap/cfg: metadata.labels[Example.com/key]: key 'Example.com/key' must have a lowercase DNS"
            + " subdomain prefix (at most 253 characters) before '/'",
        "ConfigMap/cfg: metadata.annotations[bad prefix!/key]: key 'bad prefix!/key' must have a DNS subdomain"
            + " prefix (at most 253 characters, any case) before '/'");
  }
}
