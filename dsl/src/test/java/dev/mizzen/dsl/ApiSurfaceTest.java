package dev.mizzen.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import org.junit.jupiter.api.Test;

/**
 * The public API of mizzen-dsl carries no plumbing. Packages named {@code internal} are not API
 * (docs/modules.md); every public or protected member of a public type elsewhere in this jar
 * must neither take, return nor extend a type of an internal package (the {@code Validation}
 * collector, a container's context, ...) nor be named {@code validate...}: checks run inside
 * {@code build()} and report through {@code InvalidSpecException}. Rendering is public as
 * {@code render()} (on its own) and {@code render(RenderContext)} (the extension point of
 * {@code KubernetesResource}); a part's client-java model ({@code toV1Probe()}, ...) depends on
 * the part alone, so what needs the owner's context is rendered by the owner.
 */
class ApiSurfaceTest {

  @Test
  void thePublicApiHasNoPlumbing() throws IOException {
    List<String> plumbing = plumbing(classesOfTheJarOf(App.class));

    assertThat(String.join("\n", plumbing))
        .as("public or protected members of the API that are plumbing (%d)", plumbing.size())
        .isEmpty();
  }

  @Test
  void theJarHasApiPackages() throws IOException {
    Set<String> packages = classesOfTheJarOf(App.class).stream().filter(ApiSurfaceTest::isApi)
        .map(Class::getPackageName).collect(Collectors.toCollection(TreeSet::new));

    assertThat(packages).contains("dev.mizzen.dsl.app", "dev.mizzen.dsl.meta", "dev.mizzen.dsl.workload", "dev.mizzen.dsl.render");
  }

  /** Every class loaded from the jar (or classes directory) that holds {@code anchor}. */
  static List<Class<?>> classesOfTheJarOf(Class<?> anchor) throws IOException {
    Path location;
    try {
      location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    List<String> files = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> walk = Files.walk(location)) {
        walk.map(path -> location.relativize(path).toString().replace(File.separatorChar, '/'))
            .forEach(files::add);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(JarEntry::getName).forEach(files::add);
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String file : files) {
      if (file.endsWith(".class") && !file.endsWith("package-info.class") && !file.endsWith("module-info.class")) {
        String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
        try {
          classes.add(Class.forName(name, false, anchor.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError("cannot load " + name, e);
        }
      }
    }
    return classes;
  }

  /** Whether a package is one of the internal ones, which are not API. */
  static boolean isInternal(String packageName) {
    return Arrays.asList(packageName.split("\\.")).contains("internal");
  }

  /** A type users can name: public, in a package that is not internal, and nested only in such types. */
  static boolean isApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return !isInternal(type.getPackageName());
  }

  /** One line per plumbing member of the API types among {@code classes}, sorted. */
  static List<String> plumbing(List<Class<?>> classes) {
    Set<Class<?>> ours = new HashSet<>(classes);
    Set<String> found = new TreeSet<>();
    for (Class<?> type : classes) {
      if (!isApi(type)) {
        continue;
      }
      Stream.concat(Stream.of(type.getGenericSuperclass()), Arrays.stream(type.getGenericInterfaces()))
          .filter(supertype -> supertype != null && mentionsInternal(supertype, new HashSet<>()))
          .forEach(supertype -> found.add(type.getName() + ": extends " + supertype.getTypeName()
              + ", of an internal package"));
      for (Member member : visibleMembers(type, ours)) {
        String what = describe(type, member);
        if (member.getName().startsWith("validate")) {
          found.add(what + ": named validate..., a check (checks run in build())");
        }
        if (member instanceof Method method && method.getName().equals("render")
            && method.getParameterCount() > 0
            && !(List.of(method.getParameterTypes()).equals(List.of(RenderContext.class))
                && KubernetesResource.class.isAssignableFrom(type))) {
          found.add(what + ": renders in context, which only a KubernetesResource does (the owner's plumbing)");
        }
        if (member instanceof Method method && method.getName().startsWith("to")
            && method.getReturnType().getPackageName().startsWith("io.kubernetes.client")
            && method.getParameterCount() > 0) {
          found.add(what + ": a client-java model that needs the owner's context (the owner's plumbing)");
        }
        for (Type used : typesOf(member)) {
          if (mentionsInternal(used, new HashSet<>())) {
            found.add(what + ": uses " + used.getTypeName() + ", of an internal package");
          }
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * The public and protected methods, constructors and fields a user of {@code type} can reach,
   * declared by it or inherited from a class of this jar (a generated builder, say).
   */
  static List<Member> visibleMembers(Class<?> type, Set<Class<?>> ours) {
    List<Member> members = new ArrayList<>();
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isVisible(constructor) && !constructor.isSynthetic()) {
        members.add(constructor);
      }
    }
    Set<String> seen = new HashSet<>();
    for (Class<?> c = type; c != null && ours.contains(c); c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (isVisible(method) && !method.isSynthetic() && !method.isBridge()
            && seen.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
          members.add(method);
        }
      }
      for (Field field : c.getDeclaredFields()) {
        if (isVisible(field) && !field.isSynthetic()) {
          members.add(field);
        }
      }
    }
    for (Method method : type.getMethods()) {
      if (ours.contains(method.getDeclaringClass()) && !method.isSynthetic() && !method.isBridge()
          && seen.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
        members.add(method);
      }
    }
    return members;
  }

  private static boolean isVisible(Member member) {
    return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
  }

  private static List<Type> typesOf(Member member) {
    List<Type> types = new ArrayList<>();
    if (member instanceof Executable executable) {
      types.addAll(Arrays.asList(executable.getGenericParameterTypes()));
    }
    if (member instanceof Method method) {
      types.add(method.getGenericReturnType());
    }
    if (member instanceof Field field) {
      types.add(field.getGenericType());
    }
    return types;
  }

  /** Whether {@code type}, or a type argument or bound in it, comes from an internal package. */
  static boolean mentionsInternal(Type type, Set<TypeVariable<?>> visited) {
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      return !c.isPrimitive() && isInternal(c.getPackageName());
    }
    if (type instanceof ParameterizedType p) {
      return mentionsInternal(p.getRawType(), visited)
          || Arrays.stream(p.getActualTypeArguments()).anyMatch(a -> mentionsInternal(a, visited));
    }
    if (type instanceof WildcardType w) {
      return Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds()))
          .anyMatch(b -> mentionsInternal(b, visited));
    }
    if (type instanceof GenericArrayType a) {
      return mentionsInternal(a.getGenericComponentType(), visited);
    }
    if (type instanceof TypeVariable<?> v && visited.add(v)) {
      return Arrays.stream(v.getBounds()).anyMatch(b -> mentionsInternal(b, visited));
    }
    return false;
  }

  private static String describe(Class<?> type, Member member) {
    String name = type.getName() + "." + (member instanceof Constructor<?> ? "<init>" : member.getName());
    if (member instanceof Executable executable) {
      return name + Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName)
          .collect(Collectors.joining(", ", "(", ")"));
    }
    return name;
  }
}
