package dev.mizzen.apisurface;

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
import java.util.function.BiFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the public API of one jar and lists its plumbing. Packages named {@code internal} are not
 * API (docs/modules.md); every public or protected member of a public type elsewhere must neither
 * take, return nor extend a type of an internal package nor be named {@code validate...}: checks
 * run inside {@code build()} and report through {@code InvalidSpecException}. Shared by the
 * {@code ApiSurfaceTest} of each jar (this module's test-jar).
 */
public final class ApiSurface {
  private ApiSurface() {}

  /** Every class loaded from the jar (or classes directory) that holds {@code anchor}. */
  public static List<Class<?>> classesOfTheJarOf(Class<?> anchor) throws IOException {
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
  public static boolean isInternal(String packageName) {
    return Arrays.asList(packageName.split("\\.")).contains("internal");
  }

  /** A type users can name: public, in a package that is not internal, and nested only in such types. */
  public static boolean isApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return !isInternal(type.getPackageName());
  }

  /** One line per plumbing member of the API types among {@code classes}, sorted. */
  public static List<String> plumbing(List<Class<?>> classes) {
    return plumbing(classes, (type, member) -> List.of());
  }

  /**
   * As {@link #plumbing(List)}, with the jar's own rules: {@code extra} returns, for a visible
   * member of an API type, why it is plumbing (nothing when it is not).
   */
  public static List<String> plumbing(List<Class<?>> classes, BiFunction<Class<?>, Member, List<String>> extra) {
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
        extra.apply(type, member).forEach(why -> found.add(what + ": " + why));
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
  public static List<Member> visibleMembers(Class<?> type, Set<Class<?>> ours) {
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
  public static boolean mentionsInternal(Type type, Set<TypeVariable<?>> visited) {
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
