package dev.mizzen.dsl.container;

import dev.mizzen.validation.internal.Validation;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, as the container
 * runtime parses it (github.com/distribution/reference). Kept as written; {@link #validate}
 * reports a malformed one.
 *
 * <p>A floating reference (no tag, or {@code latest}, and no digest) is allowed, but visible:
 * {@link #isMutableTag()} is true and the kubelet pulls it on every start by default. A
 * reference with a digest is {@link #isPinned() pinned}.
 */
@Value.Immutable(builder = false)
public abstract class Image {
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
  private static final int NAME_MAX = 255;

  /** The reference as written, such as {@code ghcr.io/acme/web:1.4.2}. */
  @Value.Parameter
  public abstract String reference();

  /** The image {@code reference}; checked by {@link #validate}, never here. */
  public static Image of(String reference) {
    return ImmutableImage.of(reference);
  }

  private Optional<Matcher> parsed() {
    Matcher matcher = REFERENCE.matcher(reference());
    return matcher.matches() ? Optional.of(matcher) : Optional.empty();
  }

  /** Whether the reference is well formed. */
  public boolean isValid() {
    return parsed().filter(m -> m.group(1).length() <= NAME_MAX).isPresent();
  }

  /** The name without tag and digest ({@code ghcr.io/acme/web}); the whole reference when malformed. */
  public String name() {
    return parsed().map(m -> m.group(1)).orElse(reference());
  }

  /**
   * The registry, when the first path component names one (it contains '.' or ':', or is
   * {@code localhost}); absent means Docker Hub.
   */
  public Optional<String> registry() {
    String name = name();
    int slash = name.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String first = name.substring(0, slash);
    boolean domain = first.contains(".") || first.contains(":") || first.equals("localhost")
        || !first.equals(first.toLowerCase(java.util.Locale.ROOT));
    return domain ? Optional.of(first) : Optional.empty();
  }

  /** The tag ({@code 1.4.2}), if written. */
  public Optional<String> tag() {
    return parsed().map(m -> m.group(2));
  }

  /** The digest ({@code sha256:...}), if written. */
  public Optional<String> digest() {
    return parsed().map(m -> m.group(3));
  }

  /** Whether the reference has a digest, so it always means the same image. */
  public boolean isPinned() {
    return digest().isPresent();
  }

  /**
   * Whether the reference floats: no digest, and no tag or the tag {@code latest}. The kubelet
   * then defaults {@code imagePullPolicy} to {@code Always}.
   */
  public boolean isMutableTag() {
    return !isPinned() && tag().map("latest"::equals).orElse(true);
  }

  /** The pull policy the API server defaults to for this reference. */
  public ImagePullPolicy defaultPullPolicy() {
    return isMutableTag() ? ImagePullPolicy.ALWAYS : ImagePullPolicy.IF_NOT_PRESENT;
  }

  /** The same repository with another tag (and no digest): {@code ghcr.io/acme/web:1.5.0}. */
  public Image withTag(String tag) {
    return of(name() + ":" + tag);
  }

  /** Checks the reference; {@code v} is positioned at the container's {@code image}. */
  public void validate(Validation v) {
    String reference = reference();
    if (!v.check(!reference.isEmpty(), "must not be empty")) {
      return;
    }
    if (!v.check(reference.strip().equals(reference), "must not have leading or trailing whitespace")) {
      return;
    }
    if (v.check(parsed().isPresent(), "must be an image reference [registry/]repository[:tag][@digest]"
        + " with a lowercase repository, such as ghcr.io/acme/web:1.4.2, was '%s'", reference)) {
      v.check(name().length() <= NAME_MAX, "must have a name of at most %d characters, was %d",
          NAME_MAX, name().length());
    }
  }

  /** The reference as written. */
  @Override
  public String toString() {
    return reference();
  }
}
