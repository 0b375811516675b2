package dev.mizzen.dsl.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container runtime's grammar of image references, {@code [registry/]repository[:tag][@digest]}
 * (github.com/distribution/reference): what {@code Image}'s queries read and its check enforces.
 */
public final class ImageReferences {
  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
      + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE = Pattern.compile(
      "((?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
          + "(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");

  /** The longest name (registry and repository) a reference may have. */
  public static final int NAME_MAX = 255;

  private ImageReferences() {}

  /** A reference taken apart: the name without tag and digest, and the tag and digest if written. */
  public record Parts(String name, Optional<String> tag, Optional<String> digest) {}

  /** The parts of {@code reference}, or empty when it does not follow the grammar. */
  public static Optional<Parts> parse(String reference) {
    Matcher matcher = REFERENCE.matcher(reference);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Parts(matcher.group(1), Optional.ofNullable(matcher.group(2)),
        Optional.ofNullable(matcher.group(3))));
  }
}
