package dev.mizzen.strategies.rollout.internal;

import io.kubernetes.client.extended.leaderelection.LeaderElectionRecord;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;

/**
 * The coordination Lease that lets one process drive one rollout, on client-java-extended's
 * {@link LeaseLock} (the record format and optimistic updates of Kubernetes leader election).
 *
 * <p>Not {@code LeaderElector}: it blocks a thread and starts three executors per lease, and an
 * engine driving a hundred rollouts from one JVM must not. The engine calls
 * {@link #tryAcquireOrRenew()} from its shared scheduler instead, with LeaderElector's rules: a
 * lease held by another identity is free only once its record has not changed for a whole lease
 * duration as measured by this process's own clock (no clock comparison between machines); and
 * a holder counts itself the holder only within the renew deadline of its last successful renewal,
 * so a process that was suspended stops writing before anyone else may take over.
 */
public final class RolloutLease {
  private final LeaseLock lock;
  private final CoordinationV1Api coordination;
  private final String namespace;
  private final String name;
  private final String identity;
  private final Duration leaseDuration;
  private final Duration renewDeadline;
  private final V1OwnerReference owner;

  private LeaderElectionRecord observed;
  private long observedAtNanos;
  private long renewedAtNanos;
  private boolean held;
  /** How many times this process came to hold the lease after not holding it. */
  private int acquisitions;

  public RolloutLease(ApiClient client, String namespace, String name, String identity, Duration leaseDuration,
                      Duration renewDeadline, V1OwnerReference owner) {
    this.lock = new LeaseLock(namespace, name, identity, client);
    this.coordination = new CoordinationV1Api(client);
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
    this.renewDeadline = renewDeadline;
    this.owner = owner;
  }

  /** Takes the lease if it is free or ours, and renews it; whether this process holds it now. */
  public synchronized boolean tryAcquireOrRenew() {
    long now = System.nanoTime();
    // Held until now only if renewed within a lease duration: after longer (a suspended process),
    // another may have taken the lease, written, and let it go, whatever the lease says now.
    boolean heldUntilNow = held && now - renewedAtNanos < leaseDuration.toNanos();
    LeaderElectionRecord current;
    try {
      current = lock.get();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        return held(false, heldUntilNow);
      }
      Date at = new Date();
      boolean created = lock.create(new LeaderElectionRecord(identity, seconds(leaseDuration), at, at, 0, owner));
      if (created) {
        renewedAtNanos = now;
      }
      return held(created, heldUntilNow);
    }
    if (!Objects.equals(current, observed)) {
      observed = current;
      observedAtNanos = now;
    }
    boolean ours = identity.equals(current.getHolderIdentity());
    boolean free = current.getHolderIdentity() == null || current.getHolderIdentity().isEmpty()
        || now - observedAtNanos >= leaseDuration.toNanos();
    if (!ours && !free) {
      return held(false, heldUntilNow);
    }
    Date at = new Date();
    LeaderElectionRecord renewed = new LeaderElectionRecord(identity, seconds(leaseDuration),
        ours ? current.getAcquireTime() : at, at,
        ours ? current.getLeaderTransitions() : current.getLeaderTransitions() + 1, owner);
    if (lock.update(renewed)) {
      renewedAtNanos = now;
      observed = renewed;
      observedAtNanos = now;
      return held(true, heldUntilNow);
    }
    return held(false, heldUntilNow);
  }

  private boolean held(boolean now, boolean heldUntilNow) {
    if (now && !heldUntilNow) {
      acquisitions++;
    }
    held = now;
    return now;
  }

  /**
   * How many times this process took the lease after not holding it: when it grows past 1, the
   * process lost the lease for a while and must read what others did before writing anything.
   */
  public synchronized int acquisitions() {
    return acquisitions;
  }

  /** Whether this process may write now: it renewed the lease within the renew deadline. */
  public synchronized boolean isHeld() {
    return held && System.nanoTime() - renewedAtNanos < renewDeadline.toNanos();
  }

  /** Who holds the lease as last read ("" when unknown). */
  public synchronized String holder() {
    return observed == null || observed.getHolderIdentity() == null ? "" : observed.getHolderIdentity();
  }

  public String identity() {
    return identity;
  }

  /** Deletes the lease if this process holds it: the rollout is over. */
  public synchronized void release() {
    if (!isHeld()) {
      return;
    }
    held = false;
    try {
      coordination.deleteNamespacedLease(name, namespace).body(new V1DeleteOptions()).execute();
    } catch (ApiException e) {
      // Gone already, or unreachable: the Deployment owns the lease, so it goes with it at the latest.
    }
  }

  private static int seconds(Duration duration) {
    return (int) Math.max(1, duration.toSeconds());
  }
}
