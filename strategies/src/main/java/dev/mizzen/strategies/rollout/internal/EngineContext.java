package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutListener;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What every rollout of one engine shares: the client, the field manager its applies use, the
 * identity it holds leases as, the listener, the scheduler its work runs on, the lease timing, and
 * how to start a rollout in the engine ({@code start}: a driver that finds a template pushed by
 * another writer starts that template's rollout, which supersedes its own).
 */
public record EngineContext(ApiClient client, String fieldManager, String identity, RolloutListener listener,
                            ScheduledExecutorService scheduler, Duration leaseDuration, Events events,
                            Consumer<Rollout> start) {

  /** How long a holder may go without renewing before it stops writing: two thirds of the lease. */
  public Duration renewDeadline() {
    return leaseDuration.multipliedBy(2).dividedBy(3);
  }

  /** How often a lease is renewed, or tried for: a fifth of the lease. */
  public Duration retryPeriod() {
    return leaseDuration.dividedBy(5);
  }
}
