package dev.mizzen.strategies.rollout;

import dev.mizzen.strategies.rollout.internal.Driver;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A rollout started with {@link Rollouts#start}: its future outcome, its timeline so far, and its controls. */
public final class RolloutHandle {
  private final Rollouts engine;
  private final Driver driver;

  RolloutHandle(Rollouts engine, Driver driver) {
    this.engine = engine;
    this.driver = driver;
  }

  /**
   * Completes with the outcome, or exceptionally with a {@link RolloutException} when the rollout
   * cannot start or go on.
   */
  public CompletableFuture<RolloutOutcome> outcome() {
    return driver.outcome();
  }

  /** What happened so far. */
  public List<TimelineEntry> timeline() {
    return driver.timeline();
  }

  public Rollout rollout() {
    return driver.rollout();
  }

  /** Skips the current step. */
  public void promote() {
    engine.promote(rollout().namespace(), rollout().name(), false);
  }

  /** Skips every remaining step. */
  public void promoteFully() {
    engine.promote(rollout().namespace(), rollout().name(), true);
  }

  public void pause() {
    engine.pause(rollout().namespace(), rollout().name());
  }

  public void resume() {
    engine.resume(rollout().namespace(), rollout().name());
  }

  public void abort(String reason) {
    engine.abort(rollout().namespace(), rollout().name(), reason);
  }
}
