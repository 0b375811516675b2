package dev.mizzen.dsl;

import static dev.mizzen.apisurface.ApiSurface.classesOfTheJarOf;
import static dev.mizzen.apisurface.ApiSurface.plumbing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.apisurface.ApiSurface;
import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API of mizzen-dsl carries no plumbing (see {@link ApiSurface} for the shared rules).
 * Rendering is public as {@code render()} (on its own) and {@code render(RenderContext)} (the
 * extension point of {@code KubernetesResource}); a part's client-java model ({@code toV1Probe()},
 * ...) depends on the part alone, so what needs the owner's context is rendered by the owner.
 */
class ApiSurfaceTest {

  @Test
  void thePublicApiHasNoPlumbing() throws IOException {
    List<String> plumbing = plumbing(classesOfTheJarOf(App.class), ApiSurfaceTest::renderingPlumbing);

    assertThat(String.join("\n", plumbing))
        .as("public or protected members of the API that are plumbing (%d)", plumbing.size())
        .isEmpty();
  }

  @Test
  void theJarHasApiPackages() throws IOException {
    Set<String> packages = classesOfTheJarOf(App.class).stream().filter(ApiSurface::isApi)
        .map(Class::getPackageName).collect(Collectors.toCollection(TreeSet::new));

    assertThat(packages).contains("dev.mizzen.dsl.app", "dev.mizzen.dsl.meta", "dev.mizzen.dsl.workload", "dev.mizzen.dsl.render");
  }

  /** Rendering that needs the owner's context: only a KubernetesResource renders in a context. */
  private static List<String> renderingPlumbing(Class<?> type, Member member) {
    List<String> why = new ArrayList<>();
    if (member instanceof Method method && method.getName().equals("render")
        && method.getParameterCount() > 0
        && !(List.of(method.getParameterTypes()).equals(List.of(RenderContext.class))
            && KubernetesResource.class.isAssignableFrom(type))) {
      why.add("renders in context, which only a KubernetesResource does (the owner's plumbing)");
    }
    if (member instanceof Method method && method.getName().startsWith("to")
        && method.getReturnType().getPackageName().startsWith("io.kubernetes.client")
        && method.getParameterCount() > 0) {
      why.add("a client-java model that needs the owner's context (the owner's plumbing)");
    }
    return why;
  }
}
