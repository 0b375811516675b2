package dev.mizzen.testkit.cluster;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.Map;

/**
 * How simulated pods behave on a {@link LocalCluster}, chosen per pod template with a label
 * (and, for a delay, an annotation). Put {@link #labels()} and {@link #annotations()} on the
 * pod template.
 *
 * <pre>{@code
 * PodBehaviour never = PodBehaviour.neverReady();
 * template.labels(never.labels());
 * }</pre>
 */
public record PodBehaviour(String value, Duration delay) {

  /** The label a pod template carries to choose its behaviour. */
  public static final String LABEL = "sim.mizzen.dev/behaviour";
  /** The annotation holding the delay of {@link #readyAfter(Duration)}, as a Go duration ("10s"). */
  public static final String READY_AFTER_ANNOTATION = "sim.mizzen.dev/ready-after";

  /** Running and Ready at once: what pods do without any label. */
  public static PodBehaviour ready() {
    return new PodBehaviour("ready", Duration.ZERO);
  }

  /** Running and Ready after {@code delay} (whole milliseconds). */
  public static PodBehaviour readyAfter(Duration delay) {
    return new PodBehaviour("ready-after", delay);
  }

  /** Running, containers up, never Ready. */
  public static PodBehaviour neverReady() {
    return new PodBehaviour("never-ready", Duration.ZERO);
  }

  /** Containers keep crashing: restartCount rises every two seconds, Ready stays False. */
  public static PodBehaviour crashLoop() {
    return new PodBehaviour("crash-loop", Duration.ZERO);
  }

  /** Phase Failed soon after scheduling, containers terminated with exit code 1. */
  public static PodBehaviour fail() {
    return new PodBehaviour("fail", Duration.ZERO);
  }

  /** The labels to put on the pod template. */
  public Map<String, String> labels() {
    return ImmutableMap.of(LABEL, value);
  }

  /** The annotations to put on the pod template (only {@link #readyAfter} has one). */
  public Map<String, String> annotations() {
    return value.equals("ready-after")
        ? ImmutableMap.of(READY_AFTER_ANNOTATION, delay.toMillis() + "ms")
        : ImmutableMap.of();
  }
}
