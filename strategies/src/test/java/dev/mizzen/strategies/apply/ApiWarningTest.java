package dev.mizzen.strategies.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiWarningTest {

  @Test
  void theQuotedTextOfTheHeaderIsTheWarningUnescaped() {
    ApiWarning warning = ApiWarning.fromHeader("Deployment/shop/web",
        "299 - \"would violate PodSecurity \\\"restricted:latest\\\": privileged (container \\\"web\\\" must not set"
            + " securityContext.privileged=true)\"");

    assertThat(warning.text()).isEqualTo("would violate PodSecurity \"restricted:latest\": privileged"
        + " (container \"web\" must not set securityContext.privileged=true)");
    assertThat(warning).hasToString("Deployment/shop/web: " + warning.text());
  }

  @Test
  void aDeprecationWarning() {
    assertThat(ApiWarning.fromHeader("CronJob/shop/report",
        "299 - \"batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob\"").text())
        .isEqualTo("batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob");
  }

  @Test
  void aHeaderOfAnotherFormIsKeptAsItIs() {
    assertThat(ApiWarning.fromHeader("ConfigMap/shop/cfg", " something else ").text()).isEqualTo("something else");
  }
}
