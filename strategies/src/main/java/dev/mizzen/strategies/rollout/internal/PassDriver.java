package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.strategies.apply.ApplyException;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutException;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.TimelineEntry;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every driver shares: it works in passes on the engine's scheduler, one at a time, each
 * looking at the cluster as the informers show it and acting ({@link #reconcile}); wakes merge
 * while a pass is queued; a driver that supersedes another starts once that one has ended; a pass
 * that fails is tried again with a growing pause, and the rollout gives up after 20 in a row.
 */
abstract class PassDriver implements Driver {
  private static final int MAX_FAILED_PASSES = 20;

  protected final Logger log = LoggerFactory.getLogger(getClass());
  protected final EngineContext engine;
  protected final Rollout rollout;
  /** {@code Kind/namespace/name}, for messages. */
  protected final String ref;
  protected final CompletableFuture<RolloutOutcome> outcome = new CompletableFuture<>();
  protected final List<TimelineEntry> timeline = new CopyOnWriteArrayList<>();
  /** A newer rollout of the same workload started in this engine. */
  protected volatile boolean superseded;
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile CompletableFuture<?> predecessor = CompletableFuture.completedFuture(null);
  private int failedPasses;

  PassDriver(EngineContext engine, Rollout rollout) {
    this.engine = engine;
    this.rollout = rollout;
    this.ref = rollout.ref();
  }

  /** One look at the cluster, and what follows from it; the next pass comes from a wake. */
  protected abstract void reconcile() throws ApiException;

  /** Whether the rollout has begun: a refused apply before that is an error, not a retry. */
  protected abstract boolean begun();

  /** Where the rollout was left, appended to the message of an error that ends it. */
  protected abstract String where();

  @Override
  public CompletableFuture<RolloutOutcome> outcome() {
    return outcome;
  }

  @Override
  public List<TimelineEntry> timeline() {
    return List.copyOf(timeline);
  }

  @Override
  public Rollout rollout() {
    return rollout;
  }

  /** Starts only once {@code previous} (a rollout this one supersedes) has ended. */
  @Override
  public void after(CompletableFuture<?> previous) {
    this.predecessor = previous;
    previous.whenComplete((done, failed) -> wake());
  }

  /** A newer rollout of the same workload started in this process: end as superseded. */
  @Override
  public void supersede() {
    superseded = true;
    wake();
  }

  /** Asks for a pass soon; passes triggered while one is queued are merged into it. */
  @Override
  public void wake() {
    if (!outcome.isDone() && queued.compareAndSet(false, true)) {
      try {
        engine.scheduler().execute(this::pass);
      } catch (RejectedExecutionException closed) {
        queued.set(false); // the engine is closing: what was applied stays in the cluster
      }
    }
  }

  protected void wakeIn(Duration delay) {
    try {
      engine.scheduler().schedule(this::wake, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // The engine is closing.
    }
  }

  protected void wakeAt(Instant at) {
    wakeIn(Duration.between(Instant.now(), at));
  }

  private synchronized void pass() {
    queued.set(false);
    if (outcome.isDone() || !predecessor.isDone()) {
      return;
    }
    try {
      reconcile();
      failedPasses = 0;
    } catch (RolloutException e) {
      fail(e);
    } catch (ApplyException e) {
      if (!begun() || (e.status() >= 400 && e.status() < 500 && e.status() != 429)) {
        fail(new RolloutException(ref + ": " + e.getMessage() + where(), e));
      } else {
        retry(e);
      }
    } catch (ApiException | RuntimeException e) {
      retry(e);
    }
  }

  private void retry(Exception e) {
    failedPasses++;
    String message = e instanceof ApiException api ? "HTTP " + api.getCode() + " " + api.getMessage() : e.toString();
    log.warn("{}: pass {} failed, trying again: {}", ref, failedPasses, message);
    if (failedPasses >= MAX_FAILED_PASSES) {
      fail(new RolloutException(ref + ": gave up after " + failedPasses + " failed attempts, the last: " + message
          + where(), e));
      return;
    }
    wakeIn(Duration.ofMillis(Math.min(10_000, 250L << Math.min(failedPasses, 6))));
  }

  /** Ends the rollout with {@code e}; subclasses let go of what they hold first. */
  protected void fail(RolloutException e) {
    log.warn("{}", e.getMessage());
    outcome.completeExceptionally(e);
  }

  /** Adds {@code entry} to the timeline, logs it and tells the listener. */
  protected void record(TimelineEntry entry) {
    timeline.add(entry);
    log.info("{} {}", ref, entry);
    try {
      engine.listener().onEvent(rollout.namespace(), rollout.name(), entry);
    } catch (RuntimeException e) {
      log.warn("{}: the rollout listener threw {}", ref, e.toString());
    }
  }
}
