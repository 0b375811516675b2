package dev.mizzen.testkit.assertions;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MizzenSoftAssertions injected by AssertJ's JUnit 5 extension, which calls assertAll() after each test. */
@ExtendWith(SoftAssertionsExtension.class)
class MizzenSoftAssertionsExtensionTest {

  @InjectSoftAssertions
  private MizzenSoftAssertions softly;

  @Test
  void isInjectedAndCollects() {
    softly.assertThat(Shop.app()).deployment("api").hasReplicas(2).container("api").hasPinnedImage();
    softly.assertThat(Shop.app()).deployment("web").container("web").hasPinnedImage().runsAsNonRoot();
    softly.assertThat(Shop.app()).networkPolicies().allow("web", "api", "http").deny("db", "api", 9090);
    Assertions.assertThat(softly.wasSuccess()).isTrue();
    Assertions.assertThat(softly.errorsCollected()).isEmpty();
  }
}
