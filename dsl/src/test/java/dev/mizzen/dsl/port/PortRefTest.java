package dev.mizzen.dsl.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.internal.PortRefs;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.IntOrString;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortRefTest {

  private static List<String> problems(PortRef port) {
    Validation v = Validation.of("Service/web");
    PortRefs.validate(v.field("port"), port);
    return v.problems().stream().map(Problem::toString).toList();
  }

  private static List<String> problemsInContainer(PortRef port, Set<String> portNames) {
    Validation v = Validation.of("pod/p");
    PortRefs.validateInContainer(v.field("port"), port, portNames);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void byNumberOrByName() {
    assertThat(PortRef.number(8080).toIntOrString()).isEqualTo(new IntOrString(8080));
    assertThat(PortRef.name("http").toIntOrString()).isEqualTo(new IntOrString("http"));
    assertThat(PortRef.number(8080).isName()).isFalse();
    assertThat(PortRef.name("http").isName()).isTrue();
    assertThat(PortRef.number(8080)).hasToString("8080").isEqualTo(PortRef.number(8080));
    assertThat(PortRef.name("http")).hasToString("http");
  }

  @Test
  void numbersAre1To65535AsEveryPortFieldOfTheApiServerTakesThem() {
    assertThat(problems(PortRef.number(1))).isEmpty();
    assertThat(problems(PortRef.number(65535))).isEmpty();
    assertThat(problems(PortRef.number(0))).containsExactly("Service/web: port: must be 1..65535, was 0");
    assertThat(problems(PortRef.number(65536))).containsExactly("Service/web: port: must be 1..65535, was 65536");
  }

  @Test
  void namesAreIanaServiceNames() {
    assertThat(problems(PortRef.name("http-alt"))).isEmpty();
    assertThat(problems(PortRef.name("a".repeat(15)))).isEmpty();
    for (String bad : List.of("", "a".repeat(16), "HTTP", "8080", "-http", "http-", "ht--tp", "h_p")) {
      assertThat(problems(PortRef.name(bad))).as(bad).containsExactly("Service/web: port: port name must be at"
          + " most 15 lowercase letters, digits or '-', contain a letter, and not start, end or repeat '-',"
          + " was '" + bad + "'");
    }
  }

  @Test
  void inAContainerANameMustBeDeclared() {
    assertThat(problemsInContainer(PortRef.name("http"), Set.of("http"))).isEmpty();
    assertThat(problemsInContainer(PortRef.number(9090), Set.of("http"))).isEmpty();
    assertThat(problemsInContainer(PortRef.name("metrics"), Set.of("web", "http"))).containsExactly(
        "pod/p: port: must name a port of the container (http, web), was 'metrics'");
    assertThat(problemsInContainer(PortRef.name("metrics"), Set.of())).containsExactly(
        "pod/p: port: must name a port of the container, but it declares no named ports; was 'metrics'");
    assertThat(problemsInContainer(PortRef.name("Bad"), Set.of())).as("one problem, the name's").hasSize(1);
    assertThat(problemsInContainer(PortRef.number(0), Set.of())).containsExactly(
        "pod/p: port: must be 1..65535, was 0");
  }

  @Test
  void exactlyOneOfNumberAndName() {
    assertThatThrownBy(() -> ImmutablePortRef.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("a port is given by number or by name, exactly one of them");
    assertThatThrownBy(() -> ImmutablePortRef.builder().number(1).name("a").build())
        .isInstanceOf(IllegalStateException.class);
  }
}
