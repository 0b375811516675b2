package dev.mizzen.dsl.container;

import dev.mizzen.dsl.internal.ImageReferences;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, as the container
 * runtime parses it (github.com/distribution/reference). Kept as written; a malformed one is
 * reported when the object holding its container is built.
 *
 * <p>A floating reference (no tag, or {@code latest}, and no digest) is allowed, but visible:
 * {@link #isMutableTag()} is true and the kubelet pulls it on every start by default. A
 * reference with a digest is {@link #isPinned() pinned}.
 */
@Value.Immutable(builder = false)
public abstract class Image {

  /** The reference as written, such as {@code ghcr.io/acme/web:1.4.2}. */
  @Value.Parameter
  public abstract String reference();

  /** The image {@code reference}; checked when the object holding its container is built, never here. */
  public static Image of(String reference) {
    return ImmutableImage.of(reference);
  }

  private Optional<ImageReferences.Parts> parsed() {
    return ImageReferences.parse(reference());
  }

  /** Whether the reference is well formed. */
  public boolean isValid() {
    return parsed().filter(p -> p.name().length() <= ImageReferences.NAME_MAX).isPresent();
  }

  /** The name without tag and digest ({@code ghcr.io/acme/web}); the whole reference when malformed. */
  public String name() {
    return parsed().map(ImageReferences.Parts::name).orElse(reference());
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
    return parsed().flatMap(ImageReferences.Parts::tag);
  }

  /** The digest ({@code sha256:...}), if written. */
  public Optional<String> digest() {
    return parsed().flatMap(ImageReferences.Parts::digest);
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

  /** The reference as written. */
  @Override
  public String toString() {
    return reference();
  }
}
