package dev.mizzen.dsl.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.container.Container;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public builder of a pod template offers one spelling for each thing it adds (docs/dsl-shape.md). */
class PodTemplateBuilderTest {

  private static final List<Method> PUBLIC = Arrays.stream(PodTemplate.Builder.class.getMethods())
      .filter(m -> m.getDeclaringClass() != Object.class)
      .toList();

  @Test
  void exactlyOneMethodNameAddsAnAppContainer() {
    Set<String> takingContainers = PUBLIC.stream()
        .filter(m -> Arrays.stream(m.getParameterTypes()).anyMatch(PodTemplateBuilderTest::holdsContainers))
        .map(Method::getName)
        .collect(Collectors.toSet());
    // container: app containers; initContainer and sidecar: the init list, each its own kind.
    assertThat(takingContainers).containsExactlyInAnyOrder("container", "initContainer", "sidecar");
  }

  @Test
  void noGeneratedSpellingsLeak() {
    assertThat(PUBLIC).extracting(Method::getName)
        .noneMatch(name -> name.startsWith("add") || name.equals("from"))
        .doesNotContain("containers", "initContainers", "volumes");
    assertThat(PUBLIC).allMatch(m -> Arrays.stream(m.getParameterTypes())
        .noneMatch(t -> t == java.util.Optional.class || Iterable.class.isAssignableFrom(t)),
        "no Optional or Iterable overloads");
  }

  @Test
  void aPodTemplateStartsWithItsFirstContainer() {
    Set<String> starts = Arrays.stream(PodTemplate.class.getMethods())
        .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == PodTemplate.Builder.class)
        .map(Method::getName)
        .collect(Collectors.toSet());
    assertThat(starts).containsExactly("container");
  }

  private static boolean holdsContainers(Class<?> type) {
    return type == Container.class || type == Container.Builder.class || type.isArray()
        || Iterable.class.isAssignableFrom(type);
  }
}
