package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.strategies.rollout.RolloutListener;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every rollout of one engine shares: the client, the field manager its applies use, the
 * identity it holds leases as, the listener, the scheduler its work runs on, and the lease timing.
 */
public record EngineContext(ApiClient client, String fieldManager, String identity, RolloutListener listener,
                            ScheduledExecutorService scheduler, Duration leaseDuration, Events events) {

  /** How long a holder may go without renewing before it stops writing: two thirds of the lease. */
  public Duration renewDeadline() {
    return leaseDuration.multipliedBy(2).dividedBy(3);
  }

  /** How often a lease is renewed, or tried for: a fifth of the lease. */
  public Duration retryPeriod() {
    return leaseDuration.dividedBy(5);
  }
}
