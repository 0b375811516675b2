package dev.mizzen.strategies.rollout;

/**
 * Told what a rollout does, on the engine's threads: keep it quick, and do not throw (what it
 * throws is logged and ignored). Both methods do nothing by default.
 */
public interface RolloutListener {

  /** A timeline entry: a step, a decision, a measured value, a repair. */
  default void onEvent(String namespace, String deployment, TimelineEntry entry) {}

  /** The numbers changed (steps, Ready and available pods per revision). */
  default void onProgress(String namespace, String deployment, RolloutProgress progress) {}
}
