package dev.mizzen.dsl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import java.util.List;
import java.util.function.Supplier;

/** Shared helpers of the app tests. */
final class AppFixtures {
  private AppFixtures() {}

  /** A Deployment named {@code name} whose one container serves {@code ports}. */
  static Deployment.Builder deployment(String name, Port.Builder... ports) {
    Container.Builder container = Container.named(name).image("ghcr.io/acme/" + name + ":1.0.0");
    for (Port.Builder port : ports) {
      container.port(port);
    }
    return Deployment.named(name).pod(PodTemplate.container(container));
  }

  /** The problems {@code build} throws, each as {@code object: path: message}; fails if it does not throw. */
  static List<String> problems(Supplier<?> build) {
    InvalidSpecException e = catchThrowableOfType(build::get, InvalidSpecException.class);
    assertThat(e).as("build() should throw InvalidSpecException").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }
}
