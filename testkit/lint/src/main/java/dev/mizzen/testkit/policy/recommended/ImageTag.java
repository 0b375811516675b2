package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;

/** {@code image-tag}: images are pinned to a version tag other than {@code latest}, or to a digest. */
final class ImageTag extends PodRule {

  ImageTag() {
    super("image-tag", Severity.ERROR,
        "An image without a tag, or tagged latest, changes under the workload: replicas run different code and rollbacks do nothing.",
        "Pin a version tag (registry/app:1.4.2) or a digest (registry/app@sha256:...).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      if (c.type() == PodContainer.Type.EPHEMERAL) {
        continue;
      }
      String image = c.container().getImage();
      String problem = problem(image);
      if (problem != null) {
        context.report(c.path("image"), c.describe() + " image \"" + image + "\" " + problem);
      }
    }
  }

  /** What is wrong with {@code image}, or null if it is pinned (or empty, left to validation). */
  static String problem(String image) {
    if (image == null || image.isBlank() || image.indexOf('@') >= 0) {
      return null;
    }
    int colon = image.lastIndexOf(':');
    if (colon <= image.lastIndexOf('/')) {
      return "has no tag, so it means \"latest\" and floats; pin a version tag or a digest";
    }
    if (image.regionMatches(colon + 1, "latest", 0, "latest".length()) && image.length() == colon + 1 + "latest".length()) {
      return "uses the \"latest\" tag, which floats; pin a version tag or a digest";
    }
    return null;
  }
}
