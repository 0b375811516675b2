package dev.mizzen.dsl.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public builder of a container offers one spelling for each thing it adds (docs/dsl-shape.md). */
class ContainerBuilderTest {

  @Test
  void onePhrasePerThing() {
    assertThat(Arrays.stream(Container.Builder.class.getMethods())
            .filter(m -> m.getDeclaringClass() == Container.Builder.class)
            .map(Method::getName)
            .distinct())
        .containsExactlyInAnyOrder("image", "command", "args", "workingDir", "port", "env", "mount",
            "mountReadOnly", "resources", "readiness", "liveness", "startup", "postStart", "preStop",
            "security", "imagePullPolicy", "build");
  }

  @Test
  void noOptionalOrIterableSetters() {
    assertThat(Container.Builder.class.getMethods())
        .allMatch(m -> Arrays.stream(m.getParameterTypes())
            .noneMatch(t -> t == Optional.class || Iterable.class.isAssignableFrom(t)));
  }
}
