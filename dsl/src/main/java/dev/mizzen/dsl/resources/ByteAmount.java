package dev.mizzen.dsl.resources;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.quantity.QuantityFormat;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What {@link Memory} and {@link Storage} share: a whole number of bytes with the way it
 * renders. They stay two types so that a memory amount cannot be passed where storage is meant.
 *
 * @param <T> the concrete amount type
 */
abstract class ByteAmount<T extends ByteAmount<T>> implements Comparable<T> {

  /** The amount in bytes, normalized. */
  abstract BigDecimal value();

  /** How the amount renders. */
  abstract QuantityFormat format();

  /** A new amount of the same type. */
  abstract T make(BigDecimal value, QuantityFormat format);

  /** The exact number of bytes. */
  public long toBytes() {
    return value().longValueExact();
  }

  /** Whether this is no bytes at all. */
  public boolean isZero() {
    return value().signum() == 0;
  }

  /** Whether this is less than zero (only arithmetic or parsing {@code -1} make such a value). */
  public boolean isNegative() {
    return value().signum() < 0;
  }

  /** The sum; it renders like this value (or like {@code other} when this is zero), as the API server adds. */
  public T plus(T other) {
    return make(value().add(other.value()), Quantities.sumFormat(value(), format(), other.format()));
  }

  /** The difference; may be negative. */
  public T minus(T other) {
    return make(value().subtract(other.value()), Quantities.sumFormat(value(), format(), other.format()));
  }

  /** This amount {@code factor} times ({@code mebibytes(512).times(2)} is {@code 1Gi}). */
  public T times(long factor) {
    return make(value().multiply(BigDecimal.valueOf(factor)), format());
  }

  /** Compares amounts exactly, regardless of how they render. */
  @Override
  public int compareTo(T other) {
    return value().compareTo(other.value());
  }

  /** The client-java quantity; it serializes to {@link #toString()}. A fresh object each call. */
  public Quantity toQuantity() {
    return Quantities.toQuantity(value(), format());
  }

  /** The canonical quantity, as the API server renders it: {@code 512Mi}, {@code 1Gi}, {@code 1G}. */
  @Override
  public String toString() {
    return Quantities.format(value(), format());
  }

  /** {@code n << shift} bytes: {@code n} KiB for shift 10, MiB for 20, ... */
  static BigDecimal binaryBytes(long n, int shift) {
    return new BigDecimal(BigInteger.valueOf(n).shiftLeft(shift));
  }

  /** {@code n * 10^exponent} bytes: {@code n} kB for exponent 3, MB for 6, ... */
  static BigDecimal decimalBytes(long n, int exponent) {
    return BigDecimal.valueOf(n).scaleByPowerOfTen(exponent);
  }

  /** {@code value} when it is a whole number of bytes; otherwise a message that says how to fix it. */
  static BigDecimal wholeBytes(String what, String quantity, BigDecimal value) {
    if (!Quantities.isInteger(value)) {
      String hint = quantity.endsWith("m")
          ? String.format(" ('m' means milli: write %sMi or %sM for mebi- or megabytes)",
              quantity.substring(0, quantity.length() - 1), quantity.substring(0, quantity.length() - 1))
          : "";
      throw new IllegalArgumentException(String.format(
          "%s quantity '%s' is %s bytes, which is not a whole number of bytes%s",
          what, quantity, value.toPlainString(), hint));
    }
    return value;
  }
}
