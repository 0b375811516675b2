package dev.mizzen.dsl.resources;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.quantity.QuantityFormat;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * An amount of storage in whole bytes: ephemeral storage of a container, the size limit of an
 * emptyDir volume.
 *
 * <pre>{@code
 * Storage.gibibytes(2)       // 2Gi
 * Storage.mebibytes(512)     // 512Mi
 * Storage.parse("10Gi")      // 10Gi
 * Storage.parse("1G")        // 1G (decimal: 10^9 bytes)
 * }</pre>
 *
 * <p>Fractional bytes are refused: the API server warns that they are invalid, and
 * {@code 500m} (half a byte) is a classic slip for {@code 500Mi}. Values compare exactly
 * ({@link #compareTo}); {@link #toString()} is the canonical text the API server renders;
 * {@code equals} also requires the same rendering (like {@link BigDecimal}'s scale).
 */
@Value.Immutable(builder = false)
public abstract class Storage extends ByteAmount<Storage> {
  private static final String WHAT = "storage";

  /** The amount in bytes, normalized. */
  @Value.Parameter
  @Override
  abstract BigDecimal value();

  /** How the amount renders. */
  @Value.Parameter
  @Override
  abstract QuantityFormat format();

  /** {@code bytes} bytes, rendered as a plain decimal number ({@code 1000} renders {@code 1k}). */
  public static Storage bytes(long bytes) {
    return of(BigDecimal.valueOf(bytes), QuantityFormat.DECIMAL_SI);
  }

  /** {@code n} KiB (1024 bytes each), rendered {@code nKi}. */
  public static Storage kibibytes(long n) {
    return binary(n, 10);
  }

  /** {@code n} MiB, rendered {@code nMi} ({@code Storage.mebibytes(1024)} renders {@code 1Gi}). */
  public static Storage mebibytes(long n) {
    return binary(n, 20);
  }

  /** {@code n} GiB, rendered {@code nGi}. */
  public static Storage gibibytes(long n) {
    return binary(n, 30);
  }

  /** {@code n} TiB, rendered {@code nTi}. */
  public static Storage tebibytes(long n) {
    return binary(n, 40);
  }

  /** {@code n} kB (1000 bytes each), rendered {@code nk}. */
  public static Storage kilobytes(long n) {
    return decimal(n, 3);
  }

  /** {@code n} MB (10^6 bytes each), rendered {@code nM}. */
  public static Storage megabytes(long n) {
    return decimal(n, 6);
  }

  /** {@code n} GB (10^9 bytes each), rendered {@code nG}. */
  public static Storage gigabytes(long n) {
    return decimal(n, 9);
  }

  /** {@code n} TB (10^12 bytes each), rendered {@code nT}. */
  public static Storage terabytes(long n) {
    return decimal(n, 12);
  }

  /**
   * A Kubernetes quantity string: {@code 512Mi}, {@code 1Gi}, {@code 1G}, {@code 268435456}, {@code 1e9}.
   *
   * @throws IllegalArgumentException if {@code quantity} is not a Kubernetes quantity, is not a
   *     whole number of bytes or is larger than {@code 2^63-1}
   */
  public static Storage parse(String quantity) {
    Quantities.Parsed parsed = Quantities.parse(WHAT, quantity);
    return ImmutableStorage.of(wholeBytes(WHAT, quantity, parsed.value()), parsed.format());
  }

  private static Storage binary(long n, int shift) {
    return of(binaryBytes(n, shift), QuantityFormat.BINARY_SI);
  }

  private static Storage decimal(long n, int exponent) {
    return of(decimalBytes(n, exponent), QuantityFormat.DECIMAL_SI);
  }

  static Storage of(BigDecimal value, QuantityFormat format) {
    return ImmutableStorage.of(Quantities.checked(WHAT, value.toPlainString(), value), format);
  }

  @Override
  final Storage make(BigDecimal value, QuantityFormat format) {
    return of(value, format);
  }
}
