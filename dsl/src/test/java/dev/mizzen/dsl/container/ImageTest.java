package dev.mizzen.dsl.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.internal.Containers;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTest {
  private static final String DIGEST = "sha256:" + "a".repeat(64);

  private static List<String> problems(Image image) {
    Validation v = Validation.of("Deployment/web");
    Containers.validate(v.field("spec.template.spec.containers[web].image"), image);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "ghcr.io/acme/web:1.4.2, ghcr.io/acme/web, ghcr.io, 1.4.2, -",
      "postgres:16.4, postgres, -, 16.4, -",
      "nginx, nginx, -, -, -",
      "library/nginx:latest, library/nginx, -, latest, -",
      "quay.io/prometheus/node-exporter:v1.8.2, quay.io/prometheus/node-exporter, quay.io, v1.8.2, -",
      "localhost:5000/app:dev, localhost:5000/app, localhost:5000, dev, -",
      "localhost/app, localhost/app, localhost, -, -",
      "[::1]:5000/app:v1, [::1]:5000/app, [::1]:5000, v1, -",
      "Registry.Example.com/team/app__x-y.z:1_A, Registry.Example.com/team/app__x-y.z, Registry.Example.com, 1_A, -",
  })
  void parsesValidReferences(String reference, String name, String registry, String tag, String digest) {
    Image image = Image.of(reference);
    assertThat(image.isValid()).isTrue();
    assertThat(image.name()).isEqualTo(name);
    assertThat(image.registry().orElse(null)).isEqualTo(registry);
    assertThat(image.tag().orElse(null)).isEqualTo(tag);
    assertThat(image.digest().orElse(null)).isEqualTo(digest);
    assertThat(problems(image)).isEmpty();
    assertThat(image).hasToString(reference);
  }

  @Test
  void digestsPin() {
    Image pinned = Image.of("ghcr.io/acme/web:1.4.2@" + DIGEST);
    assertThat(pinned.tag()).contains("1.4.2");
    assertThat(pinned.digest()).contains(DIGEST);
    assertThat(pinned.isPinned()).isTrue();
    assertThat(pinned.isMutableTag()).isFalse();
    assertThat(pinned.defaultPullPolicy()).isEqualTo(ImagePullPolicy.IF_NOT_PRESENT);
    assertThat(Image.of("ghcr.io/acme/web@" + DIGEST).isMutableTag()).isFalse();
    assertThat(problems(pinned)).isEmpty();
  }

  @Test
  void floatingTagsAreAllowedButVisible() {
    assertThat(Image.of("nginx").isMutableTag()).isTrue();
    assertThat(Image.of("nginx:latest").isMutableTag()).isTrue();
    assertThat(Image.of("nginx:latest").defaultPullPolicy()).isEqualTo(ImagePullPolicy.ALWAYS);
    assertThat(Image.of("nginx:1.27").isMutableTag()).isFalse();
    assertThat(Image.of("nginx:1.27").isPinned()).isFalse();
    assertThat(problems(Image.of("nginx"))).isEmpty();
  }

  @Test
  void withTagReplacesTagAndDigest() {
    assertThat(Image.of("ghcr.io/acme/web:1.4.2@" + DIGEST).withTag("1.5.0"))
        .isEqualTo(Image.of("ghcr.io/acme/web:1.5.0"));
    assertThat(Image.of("localhost:5000/app").withTag("v2")).hasToString("localhost:5000/app:v2");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"Acme/Web", "ghcr.io/acme/web:", "ghcr.io//web", "web:1.0:2", "-web", "web-",
      "web@sha256:abc", "ghcr.io/acme/web:.bad", "a b", "web:-tag"})
  void rejectsMalformedReferences(String reference) {
    Image image = Image.of(reference);
    assertThat(image.isValid()).isFalse();
    assertThat(problems(image)).containsExactly("Deployment/web: spec.template.spec.containers[web].image:"
        + " must be an image reference [registry/]repository[:tag][@digest] with a lowercase repository,"
        + " such as ghcr.io/acme/web:1.4.2, was '" + reference + "'");
  }

  @Test
  void rejectsEmptyWhitespaceAndOverlongNames() {
    String at = "Deployment/web: spec.template.spec.containers[web].image: ";
    assertThat(problems(Image.of(""))).containsExactly(at + "must not be empty");
    assertThat(problems(Image.of(" nginx"))).containsExactly(at + "must not have leading or trailing whitespace");
    assertThat(problems(Image.of("a/" + "b".repeat(254))))
        .containsExactly(at + "must have a name of at most 255 characters, was 256");
  }
}
