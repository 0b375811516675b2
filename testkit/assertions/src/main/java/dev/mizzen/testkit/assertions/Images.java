package dev.mizzen.testkit.assertions;

import java.util.Optional;

/** Image references: whether one is pinned to a version or a digest. */
final class Images {
  private Images() {}

  /**
   * Why {@code image} is not pinned ({@code no tag, which means latest}), or empty when it has a
   * digest or a tag other than {@code latest}. A registry port ({@code host:5000/app}) is not a tag.
   */
  static Optional<String> unpinned(String image) {
    if (image == null || image.isEmpty()) {
      return Optional.of("no image");
    }
    if (image.contains("@")) {
      return Optional.empty();
    }
    int colon = image.indexOf(':', image.lastIndexOf('/') + 1);
    if (colon < 0) {
      return Optional.of("no tag, which means latest");
    }
    if (image.substring(colon + 1).equals("latest")) {
      return Optional.of("the tag latest");
    }
    return Optional.empty();
  }
}
