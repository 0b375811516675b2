package dev.mizzen.testkit.schema;

import org.immutables.value.Value;

/**
 * Where something is in a manifest file: the source name (usually the file path), and the
 * 1-based line and column. Line and column are 0 when unknown.
 */
@Value.Immutable
public abstract class SourceLocation {

  /** The location {@code source:line:column}; {@code line} and {@code column} are 1-based. */
  public static SourceLocation of(String source, int line, int column) {
    return new Builder().source(source).line(line).column(column).build();
  }

  /** The whole of {@code source}, without a line (for example a file that cannot be read). */
  public static SourceLocation of(String source) {
    return of(source, 0, 0);
  }

  /** The source name, as given to the reader (a file path, or a name such as {@code <string>}). */
  public abstract String source();

  /** The 1-based line, or 0 when unknown. */
  public abstract int line();

  /** The 1-based column, or 0 when unknown. */
  public abstract int column();

  @Value.Check
  protected void check() {
    if (line() < 0 || column() < 0) {
      throw new IllegalArgumentException(
          "line and column must be >= 0, were " + line() + " and " + column());
    }
  }

  /** {@code source:line:column}, {@code source:line} or {@code source}, as compilers print it. */
  @Override
  public String toString() {
    if (line() == 0) {
      return source();
    }
    return column() == 0 ? source() + ":" + line() : source() + ":" + line() + ":" + column();
  }

  /** Builds a {@link SourceLocation}. */
  public static final class Builder extends ImmutableSourceLocation.Builder {
    Builder() {}
  }
}
