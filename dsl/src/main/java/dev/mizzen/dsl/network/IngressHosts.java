package dev.mizzen.dsl.network;

import com.google.common.net.InetAddresses;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import java.util.regex.Pattern;

/** The API server's rules for Ingress host names. */
final class IngressHosts {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern WILDCARD = Pattern.compile("\\*\\." + LABEL + "(\\." + LABEL + ")*");

  private IngressHosts() {}

  /**
   * A rule's or TLS entry's host: a DNS-1123 subdomain, or {@code *.} followed by one; a rule's
   * host may not be an IP address.
   */
  static void check(Validation v, String host, boolean rejectIp) {
    if (rejectIp && host != null && mayBeIpAddress(host) && InetAddresses.isInetAddress(host)) {
      v.problem("must be a DNS name, not an IP address, was '%s'", host);
      return;
    }
    if (host != null && host.contains("*")) {
      v.check(host.length() <= Names.DNS1123_SUBDOMAIN_MAX && WILDCARD.matcher(host).matches(),
          "a wildcard host must be '*.' followed by a lowercase RFC 1123 subdomain"
              + " (at most 253 characters in all), was '%s'", host);
    } else {
      Names.checkDns1123Subdomain(v, host);
    }
  }

  /**
   * Whether {@code host} can be an IPv4 (digits and dots) or IPv6 (with a colon) address: most
   * hosts are names, and this spares them Guava's parser, whose first use costs a cold command
   * line a few milliseconds.
   */
  private static boolean mayBeIpAddress(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
