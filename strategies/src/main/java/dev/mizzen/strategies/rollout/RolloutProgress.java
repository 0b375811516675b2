package dev.mizzen.strategies.rollout;

/**
 * Where a running rollout stands, for progress displays: the step, and the pods of the stable and
 * the new revision.
 *
 * @param step the current step, from 1 (steps + 1 while finishing)
 * @param steps how many steps the strategy has
 * @param stepName what the current step does, e.g. {@code setWeight 20%}
 * @param replicas the Deployment's replicas now (an autoscaler may change them)
 * @param canaryTarget how many new pods the current step wants Ready
 */
public record RolloutProgress(int step, int steps, String stepName, int replicas, int canaryTarget,
                              int stableReady, int stableAvailable, int canaryReady, int canaryAvailable) {}
