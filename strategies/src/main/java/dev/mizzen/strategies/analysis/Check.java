package dev.mizzen.strategies.analysis;

/**
 * One measurement of a new revision's health, run by a rollout at an {@code analyse} step or in
 * the background while the rollout runs. Implementations say what they measured and decide; an
 * exception thrown counts as {@link CheckResult.Outcome#ERROR}, never as a pass.
 *
 * <p>Prometheus, HTTP and Job checks implement this same interface: a check reads what it needs
 * from the {@link CheckContext} (the revision's pods, the API client, when the revision started)
 * and from its own configuration.
 */
public interface Check {

  /** A short name for timelines and events, e.g. {@code pod-health}. */
  String name();

  /** Measures once. Called from the rollout's worker threads; must not block for long. */
  CheckResult evaluate(CheckContext context) throws Exception;
}
