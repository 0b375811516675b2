package dev.mizzen.testkit.assertions;

import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;

/**
 * The base of every Mizzen assert: it knows where its value sits (object and field path, for
 * failure messages) and how to open the asserts it navigates to, so a soft chain stays soft.
 *
 * <p>In soft mode, navigating to something that is not there ({@code .container("nope")}) records
 * one failure and returns an assert on an empty value whose own failures are not reported again:
 * the test fails once, for the real reason.
 *
 * @param <SELF> the assert's own type, for fluent chaining
 * @param <ACTUAL> the type of the value under test
 */
public abstract class AbstractMizzenAssert<SELF extends AbstractMizzenAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  private Location location;
  private Navigator navigator = Navigator.HARD;
  private boolean muted;

  /** An assert on {@code actual} at {@code root} (the object as messages name it). */
  protected AbstractMizzenAssert(ACTUAL actual, Class<?> selfType, String root) {
    super(actual, selfType);
    this.location = Location.of(root);
  }

  /** Places this assert (after construction, which soft proxies do reflectively). */
  final SELF placed(Location where, Navigator how, boolean mute) {
    this.location = where;
    this.navigator = how;
    this.muted = mute;
    return myself;
  }

  /** Sets how this assert navigates (an entry point's assert stays at its own root). */
  final SELF navigatedBy(Navigator how) {
    this.navigator = how;
    return myself;
  }

  /** Where this assert's value sits. */
  final Location location() {
    return location;
  }

  /** Whether this assert stands in for something missing whose absence was already reported. */
  final boolean muted() {
    return muted;
  }

  /** Fails (unless muted) with {@code text} at {@code where}: {@code object: path: text}. */
  final void failAt(Location where, String text) {
    if (!muted) {
      throw error(where.message(text));
    }
  }

  /** Fails (unless muted) with every message of {@code problems}, one per line; passes when empty. */
  final void failAll(List<String> problems) {
    if (!problems.isEmpty() && !muted) {
      throw error(String.join(System.lineSeparator(), problems));
    }
  }

  /** Fails unless the value under test is present. */
  final void requireActual() {
    if (actual == null && !muted) {
      throw error(location.message("expected a value, but was null"));
    }
  }

  /**
   * The assert a user navigates to: on {@code found}, or, when it is null, a failure saying
   * {@code missing} (thrown, or in soft mode collected once, leaving a muted assert on {@code empty}).
   * When this assert's own value is null, the failure says so instead.
   */
  final <A extends AbstractMizzenAssert<A, T>, T> A navigate(Class<A> type, Class<T> actualType,
      Function<T, A> constructor, T found, Supplier<T> empty, Location where, Supplier<String> missing) {
    return navigate(navigator, muted, type, actualType, constructor, found, empty, where, () -> actual == null
        ? error(location.message("expected a value, but was null"))
        : error(where.message(missing.get())));
  }

  /**
   * {@link #navigate(Class, Class, Function, Object, Supplier, Location, Supplier)} for an assert
   * that navigates {@code how}, {@code muted} or not, failing with {@code failure} when {@code
   * found} is null: for {@link ObjectsAssert}, which is a list assert rather than one of these.
   */
  static <A extends AbstractMizzenAssert<A, T>, T> A navigate(Navigator how, boolean muted, Class<A> type,
      Class<T> actualType, Function<T, A> constructor, T found, Supplier<T> empty, Location where,
      Supplier<AssertionError> failure) {
    if (found != null) {
      return how.open(type, actualType, constructor, found).placed(where, how, muted);
    }
    if (!muted) {
      AssertionError error = failure.get();
      if (!how.isSoft()) {
        throw error;
      }
      how.collect(error);
    }
    return how.open(type, actualType, constructor, empty.get()).placed(where, how, true);
  }

  /** A plain (never proxied) assert for checks this assert delegates; its failures become this one's. */
  final <A extends AbstractMizzenAssert<A, T>, T> A delegate(Function<T, A> constructor, T value, Location where) {
    return constructor.apply(value).placed(where, Navigator.HARD, muted);
  }

  /**
   * The failure for {@code message} (with this assert's description, if any), its stack trace
   * starting in the caller's code: frames of this library's own classes are dropped, as AssertJ
   * drops its own, so soft assertions report the line of the test.
   */
  private AssertionError error(String message) {
    return withCallersStack(failure("%s", message));
  }

  /** {@code error} with the frames of this library's own classes dropped from its stack trace. */
  static AssertionError withCallersStack(AssertionError error) {
    error.setStackTrace(Arrays.stream(error.getStackTrace())
        .filter(frame -> !OWN_CLASSES.computeIfAbsent(frame.getClassName(), AbstractMizzenAssert::isOwnClass))
        .toArray(StackTraceElement[]::new));
    return error;
  }

  private static final Map<String, Boolean> OWN_CLASSES = new ConcurrentHashMap<>();

  /** Whether {@code className} (or the class a lambda or proxy of it belongs to) ships with these assertions. */
  private static boolean isOwnClass(String className) {
    String pkg = AbstractMizzenAssert.class.getPackageName();
    if (!className.startsWith(pkg + ".")) {
      return false;
    }
    String outer = className.split("\\$", 2)[0];
    try {
      Class<?> type = Class.forName(outer, false, AbstractMizzenAssert.class.getClassLoader());
      return Objects.equals(codeSource(type), codeSource(AbstractMizzenAssert.class));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Object codeSource(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null ? null : source.getLocation();
  }

  /** {@code "a"} quoted, or {@code null} unquoted. */
  static String quote(Object value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
