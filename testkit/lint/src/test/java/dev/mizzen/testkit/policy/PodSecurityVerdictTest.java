package dev.mizzen.testkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PodSecurityVerdictTest {

  @Test
  void readsTheChecksOfAnAdmissionMessage() {
    String message = "pods \"x\" is forbidden: violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false"
        + " (container \"app\" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities"
        + " (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]), hostPort (container \"app\" uses"
        + " hostPort 8080), seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to"
        + " \"RuntimeDefault\" or \"Localhost\")";
    assertThat(PodSecurityVerdict.parse(message, "restricted").checks).containsExactly(
        "allowPrivilegeEscalation", "capabilities_restricted", "hostPorts", "seccompProfile_restricted");
  }

  @Test
  void seccompProfileBelongsToTheLevelsCheck() {
    assertThat(PodSecurityVerdict.parse("violates PodSecurity \"baseline:latest\": forbidden AppArmor profiles"
        + " (pod must not set AppArmor profile type to \"Unconfined\"), seccompProfile (pod must not set"
        + " securityContext.seccompProfile.type to \"Unconfined\")", "baseline").checks)
        .containsExactly("appArmorProfile", "seccompProfile_baseline");
  }

  @Test
  void refusesTextItCannotRead() {
    assertThatThrownBy(() -> PodSecurityVerdict.parse("violates PodSecurity \"baseline:latest\": something new (x)", "baseline"))
        .hasMessageStartingWith("unknown reason at");
    assertThatThrownBy(() -> PodSecurityVerdict.parse("forbidden", "baseline")).hasMessageStartingWith("no \"PodSecurity");
  }
}
