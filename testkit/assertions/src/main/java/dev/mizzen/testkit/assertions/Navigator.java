package dev.mizzen.testkit.assertions;

import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * How navigation ({@code .container("web")}) creates the next assert: directly (failures throw at
 * once), or as a soft-assertion proxy of a {@link SoftAssertionsProvider} (failures are collected),
 * so a soft chain stays soft however deep it goes.
 */
final class Navigator {
  /** Plain asserts: the first failure throws. */
  static final Navigator HARD = new Navigator(null);

  private final SoftAssertionsProvider softly;

  private Navigator(SoftAssertionsProvider softly) {
    this.softly = softly;
  }

  /** Asserts proxied by {@code softly}, which collects their failures. */
  static Navigator soft(SoftAssertionsProvider softly) {
    return new Navigator(softly);
  }

  /** Whether failures are collected rather than thrown. */
  boolean isSoft() {
    return softly != null;
  }

  /** Records {@code error} with the soft assertions; only valid when {@link #isSoft()}. */
  void collect(AssertionError error) {
    softly.collectAssertionError(error);
  }

  /** A new assert on {@code actual}: {@code constructor}'s, or the soft proxy of {@code type}. */
  <A extends AbstractAssert<A, T>, T> A open(
      Class<A> type, Class<T> actualType, Function<T, A> constructor, T actual) {
    return softly == null ? constructor.apply(actual) : softly.proxy(type, actualType, actual);
  }
}
