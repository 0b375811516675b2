package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> FIELDS = List.of("matchExpressions", "matchLabels", "name", "image", "ports");

  @Test
  void suggestsByEditDistanceWithTranspositions() {
    assertThat(Suggestions.closest("matchLabel", FIELDS)).contains("matchLabels");
    assertThat(Suggestions.closest("imgae", FIELDS)).contains("image");
    assertThat(Suggestions.closest("nmae", FIELDS)).contains("name");
    assertThat(Suggestions.closest("Ports", FIELDS)).contains("ports");
    assertThat(Suggestions.closest("MATCHLABELS", FIELDS)).contains("matchLabels");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Suggestions.closest("foo", FIELDS)).isEmpty();
    assertThat(Suggestions.closest("labels", FIELDS)).isEmpty();
    assertThat(Suggestions.closest("nam", List.of("nodeName"))).isEmpty();
  }

  @Test
  void distance() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }
}
