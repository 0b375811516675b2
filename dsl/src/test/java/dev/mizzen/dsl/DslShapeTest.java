package dev.mizzen.dsl;

import static dev.mizzen.apisurface.ApiSurface.classesOfTheJarOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.apisurface.ApiSurface;
import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.meta.KubernetesResource;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The naming rule of docs/dsl-shape.md, over every public type of mizzen-dsl. */
class DslShapeTest {

  private static List<Class<?>> api() throws IOException {
    return classesOfTheJarOf(App.class).stream().filter(ApiSurface::isApi).toList();
  }

  @Test
  void noValueStartsWithAnEmptyBuilder() throws IOException {
    assertThat(api().stream()
            .filter(type -> Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> Modifier.isStatic(m.getModifiers())
                && Modifier.isPublic(m.getModifiers()) && m.getName().equals("builder") && m.getParameterCount() == 0))
            .map(Class::getName))
        .as("types with a public static builder() (start with Kind.named(..) or a factory named for the first phrase)")
        .isEmpty();
  }

  @Test
  void everyKindStartsWithItsName() throws IOException {
    List<Class<?>> kinds = api().stream()
        .filter(type -> KubernetesResource.class.isAssignableFrom(type) && !type.isInterface()
            && Modifier.isAbstract(type.getModifiers()))
        .toList();
    assertThat(kinds).contains(dev.mizzen.dsl.workload.Deployment.class, dev.mizzen.dsl.network.Service.class);
    assertThat(kinds.stream()
            .filter(type -> !hasStaticNamed(type))
            .map(Class::getName))
        .as("KubernetesResource kinds without a static named(String)")
        .isEmpty();
  }

  private static boolean hasStaticNamed(Class<?> type) {
    for (Method method : type.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers()) && method.getName().equals("named")
          && Arrays.equals(method.getParameterTypes(), new Class<?>[] {String.class})) {
        return true;
      }
    }
    return false;
  }
}
