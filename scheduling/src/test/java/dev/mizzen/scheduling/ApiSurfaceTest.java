package dev.mizzen.scheduling;

import static dev.mizzen.apisurface.ApiSurface.classesOfTheJarOf;
import static dev.mizzen.apisurface.ApiSurface.plumbing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.apisurface.ApiSurface;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public API of mizzen-scheduling carries no plumbing (see {@link ApiSurface} for the rules). */
class ApiSurfaceTest {

  @Test
  void thePublicApiHasNoPlumbing() throws IOException {
    List<String> plumbing = plumbing(classesOfTheJarOf(Placement.class));

    assertThat(String.join("\n", plumbing))
        .as("public or protected members of the API that are plumbing (%d)", plumbing.size())
        .isEmpty();
  }

  @Test
  void theJarHasApiPackages() throws IOException {
    Set<String> packages = classesOfTheJarOf(Placement.class).stream().filter(ApiSurface::isApi)
        .map(Class::getPackageName).collect(Collectors.toCollection(TreeSet::new));

    assertThat(packages).contains("dev.mizzen.scheduling", "dev.mizzen.scheduling.fleet", "dev.mizzen.scheduling.explain",
        "dev.mizzen.validation");
  }
}
