package dev.mizzen.dsl;

import static dev.mizzen.apisurface.ApiSurface.classesOfTheJarOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.apisurface.ApiSurface;
import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.scheduling.fleet.Fleet;
import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The naming rules of docs/dsl-shape.md, over every public type of mizzen-dsl and of
 * mizzen-scheduling (whose values the DSL's placement and selectors are made of).
 */
class DslShapeTest {
  /** Immutables' default names for adding to a collection, which the phrases replace. */
  private static final Pattern GENERATED_ADDER = Pattern.compile("(add|addAll|put|putAll)\\p{Lu}.*");

  /** Every class of mizzen-dsl and mizzen-scheduling. */
  private static List<Class<?>> classes() throws IOException {
    List<Class<?>> classes = new ArrayList<>(classesOfTheJarOf(App.class));
    classes.addAll(classesOfTheJarOf(LabelSelector.class));
    return classes;
  }

  private static List<Class<?>> api() throws IOException {
    return classes().stream().filter(ApiSurface::isApi).toList();
  }

  @Test
  void noValueStartsWithAnEmptyBuilder() throws IOException {
    assertThat(api()).contains(LabelSelector.class, Fleet.class);
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

  @Test
  void buildersAddOneWayWithThePhrases() throws IOException {
    List<Class<?>> classes = classes();
    Set<Class<?>> ours = new HashSet<>(classes);
    List<Class<?>> builders = classes.stream().filter(ApiSurface::isApi).filter(DslShapeTest::isBuilder).toList();
    assertThat(builders).contains(dev.mizzen.dsl.network.Service.Builder.class,
        dev.mizzen.dsl.identity.PolicyRule.Builder.class, dev.mizzen.dsl.pod.PodTemplate.Builder.class,
        LabelSelector.Builder.class, Fleet.Builder.class);
    assertThat(builders.stream()
            .flatMap(type -> ApiSurface.visibleMembers(type, ours).stream()
                .filter(member -> member instanceof Method && GENERATED_ADDER.matcher(member.getName()).matches())
                .map(Member::getName)
                .map(name -> type.getName() + "." + name))
            .distinct()
            .sorted())
        .as("public builder methods spelled addX/addAllX/putX/putAllX (the singular adds one, the plural many:"
            + " port(p), ports(p...), label(k, v), labels(map))")
        .isEmpty();
  }

  private static boolean isBuilder(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .anyMatch(m -> m.getName().equals("build") && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()));
  }
}
