package dev.mizzen.dsl.network;

import com.google.common.net.InetAddresses;
import dev.mizzen.validation.internal.Validation;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/64}) as NetworkPolicy {@code ipBlock}s and
 * Service {@code loadBalancerSourceRanges} take them. Parsing never touches DNS.
 */
final class Cidrs {
  private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

  /** A parsed block: the address bytes (4 or 16) and the prefix length. */
  record Block(byte[] address, int prefix) {

    /** Whether {@code other} lies inside this block and is strictly smaller. */
    boolean strictlyContains(Block other) {
      if (other.address.length != address.length || other.prefix <= prefix) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        if (bit(address, bit) != bit(other.address, bit)) {
          return false;
        }
      }
      return true;
    }

    /** This block with every bit after the prefix cleared. */
    Block network() {
      byte[] masked = address.clone();
      for (int bit = prefix; bit < masked.length * 8; bit++) {
        masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      return new Block(masked, prefix);
    }

    boolean isNetwork() {
      return java.util.Arrays.equals(address, network().address);
    }

    @Override
    public String toString() {
      try {
        return InetAddresses.toAddrString(InetAddress.getByAddress(address)) + "/" + prefix;
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    private static int bit(byte[] bytes, int bit) {
      return (bytes[bit / 8] >>> (7 - bit % 8)) & 1;
    }
  }

  private Cidrs() {}

  /** The block {@code text} denotes, or empty when it is not {@code address/prefix}. */
  static Optional<Block> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return Optional.empty();
    }
    String address = text.substring(0, slash);
    String prefix = text.substring(slash + 1);
    if (!PREFIX.matcher(prefix).matches() || address.contains("%")
        || !InetAddresses.isInetAddress(address)) {
      return Optional.empty();
    }
    InetAddress parsed = InetAddresses.forString(address);
    boolean ipv6Text = address.contains(":");
    if (ipv6Text && parsed instanceof Inet4Address) {
      return Optional.empty(); // IPv4-mapped IPv6: ambiguous, write the IPv4 form
    }
    byte[] bytes = parsed.getAddress();
    int length = Integer.parseInt(prefix);
    if (length > bytes.length * 8) {
      return Optional.empty();
    }
    return Optional.of(new Block(bytes, length));
  }

  /**
   * Checks {@code cidr} is an IPv4 or IPv6 network address with its prefix length, no host bits
   * set; reports at {@code v}. Returns the block when it parses.
   */
  static Optional<Block> check(Validation v, String cidr) {
    Optional<Block> block = parse(cidr);
    if (block.isEmpty()) {
      v.problem("must be a CIDR block such as 10.0.0.0/16 or fd00::/64 (no leading zeros,"
          + " no zone, prefix within the address length), was '%s'", cidr);
      return block;
    }
    v.check(block.get().isNetwork(),
        "must have no bits set after the /%d prefix, was '%s'; did you mean '%s'?",
        block.get().prefix(), cidr, block.get().network());
    return block;
  }
}
