package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.mizzen.strategies.analysis.Check;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Blue/green of one, unmodified Deployment: the new revision comes up complete next to the stable
 * one, which keeps serving through the active Service, pinned to it by {@code pod-template-hash};
 * a preview Service, if named, sees only the new pods. When the new revision is fully available
 * (and its checks pass, and it is promoted), the active Service switches to it in one update. The
 * stable pods stay for the scale-down delay, during which an abort switches back instantly,
 * creating no pod; then the Deployment's own rolling update removes them.
 *
 * <pre>{@code
 * BlueGreen blueGreen = BlueGreen.switching("web")     // the Service users reach
 *     .preview("web-preview")                         // a Service of the App, for testers
 *     .analyse(PodHealth.defaults())                  // before the switch
 *     .promoteAfter(Duration.ofMinutes(2))            // or promoteManually(); default: at once
 *     .scaleDownDelay(Duration.ofMinutes(5));         // default 30 s
 * }</pre>
 *
 * <p>The Services are the user's: the engine applies them as the user does (the rollout's field
 * manager), with the {@code pod-template-hash} key added to their selectors, and applies them
 * unchanged once the rollout is over, so they end exactly as applied. It needs them as applied:
 * {@code Rollout.of(app, name)} takes the App's Services, {@code Rollout.services(...)} adds more.
 *
 * @param activeService the Service that serves users
 * @param previewService a Service pinned to the new revision during the rollout
 * @param prePromotionChecks checks run on the complete new revision before the switch
 * @param promotion when to switch: {@code Duration.ZERO} at once, a duration after the new
 *     revision is ready, or empty for manual promotion only
 * @param scaleDownDelay how long the stable pods stay after the switch
 * @param stepTimeout how long the new revision may take to be Ready, or its checks to decide
 * @param checkInterval how often checks are measured
 */
public record BlueGreen(String activeService, Optional<String> previewService, List<Check> prePromotionChecks,
                        Optional<Duration> promotion, Duration scaleDownDelay, Duration stepTimeout,
                        Duration checkInterval) implements Strategy {

  public BlueGreen {
    checkArgument(activeService != null && !activeService.isBlank(), "activeService must be named");
    checkNotNull(previewService, "previewService");
    checkArgument(previewService.isEmpty() || !previewService.get().equals(activeService),
        "the preview Service must not be the active one (%s)", activeService);
    prePromotionChecks = ImmutableList.copyOf(prePromotionChecks);
    checkNotNull(promotion, "promotion");
    promotion.ifPresent(d -> checkArgument(!d.isNegative(), "promoteAfter must not be negative, was %s", d));
    checkNotNull(scaleDownDelay, "scaleDownDelay");
    checkArgument(!scaleDownDelay.isNegative(), "scaleDownDelay must not be negative, was %s", scaleDownDelay);
    checkArgument(stepTimeout.toMillis() > 0, "stepTimeout must be positive, was %s", stepTimeout);
    checkArgument(checkInterval.toMillis() > 0, "checkInterval must be positive, was %s", checkInterval);
  }

  /**
   * Blue/green switching Service {@code activeService}: no preview, no checks, promoted as soon
   * as the new revision is fully available, stable pods kept 30 s after the switch.
   */
  public static BlueGreen switching(String activeService) {
    return new BlueGreen(activeService, Optional.empty(), List.of(), Optional.of(Duration.ZERO),
        Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(5));
  }

  /** Pins Service {@code service} (one the rollout is given) to the new revision while it is tried. */
  public BlueGreen preview(String service) {
    return new BlueGreen(activeService, Optional.of(service), prePromotionChecks, promotion, scaleDownDelay,
        stepTimeout, checkInterval);
  }

  /** Runs {@code checks} on the complete new revision before switching; a failure aborts. */
  public BlueGreen analyse(Check... checks) {
    return new BlueGreen(activeService, previewService, List.of(checks), promotion, scaleDownDelay, stepTimeout,
        checkInterval);
  }

  /** Switches {@code delay} after the new revision is ready (and its checks passed). */
  public BlueGreen promoteAfter(Duration delay) {
    return new BlueGreen(activeService, previewService, prePromotionChecks, Optional.of(delay), scaleDownDelay,
        stepTimeout, checkInterval);
  }

  /** Switches only when promoted ({@code Rollouts.promote}, {@code mizzen rollout promote}). */
  public BlueGreen promoteManually() {
    return new BlueGreen(activeService, previewService, prePromotionChecks, Optional.empty(), scaleDownDelay,
        stepTimeout, checkInterval);
  }

  /** Keeps the stable pods {@code delay} after the switch, for an instant rollback. */
  public BlueGreen scaleDownDelay(Duration delay) {
    return new BlueGreen(activeService, previewService, prePromotionChecks, promotion, delay, stepTimeout,
        checkInterval);
  }

  /** How long the new revision may take to be Ready, or its checks to decide (10 minutes by default). */
  public BlueGreen stepTimeout(Duration timeout) {
    return new BlueGreen(activeService, previewService, prePromotionChecks, promotion, scaleDownDelay, timeout,
        checkInterval);
  }

  /**
   * The steps the engine walks, as a canary's: the whole new revision, its checks, the wait for
   * promotion, then (after the switch) the scale-down delay. The switch happens on entering the
   * last step.
   */
  public List<CanaryStep> steps() {
    ImmutableList.Builder<CanaryStep> steps = ImmutableList.builder();
    steps.add(CanaryStep.setWeight(100));
    if (!prePromotionChecks.isEmpty()) {
      steps.add(new CanaryStep.Analyse(prePromotionChecks));
    }
    if (promotion.isEmpty()) {
      steps.add(CanaryStep.pauseUntilPromoted());
    } else if (!promotion.get().isZero()) {
      steps.add(CanaryStep.pause(promotion.get()));
    }
    steps.add(scaleDownDelay.isZero() ? CanaryStep.pause(Duration.ofMillis(1)) : CanaryStep.pause(scaleDownDelay));
    return steps.build();
  }
}
