package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.internal.EngineContext;
import dev.mizzen.strategies.rollout.internal.Events;
import dev.mizzen.strategies.rollout.internal.NamespaceCache;
import dev.mizzen.strategies.rollout.internal.Driver;
import dev.mizzen.strategies.rollout.internal.RolloutDriver;
import dev.mizzen.strategies.rollout.internal.WorkloadDriver;
import dev.mizzen.strategies.rollout.internal.RolloutPlanner;
import dev.mizzen.strategies.rollout.internal.RolloutRecord;
import dev.mizzen.strategies.rollout.internal.StateStore;
import dev.mizzen.strategies.rollout.internal.Undo;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The rollout engine: rolls Deployments, StatefulSets and DaemonSets out from this process, with no
 * controller and no custom resource in the cluster. Canary or blue/green of one unmodified
 * Deployment (see {@link Canary}, {@link BlueGreen}), or the workload's own strategy followed to
 * completion; each rollout returns its {@link RolloutOutcome}.
 *
 * <pre>{@code
 * try (Rollouts rollouts = Rollouts.using(apiClient)) {
 *   RolloutOutcome outcome = rollouts.run(Rollout.of(shop, "web")
 *       .strategy(Canary.steps(CanaryStep.setWeight(20), CanaryStep.pause(Duration.ofMinutes(2)),
 *           CanaryStep.setWeight(50), CanaryStep.setWeight(100))));
 *   if (!outcome.isPromoted()) { ... the stable revision serves; outcome.timeline() says why ... }
 * }
 * }</pre>
 *
 * <p>Safe when this process dies: the rollout's state lives in the cluster (a ConfigMap named
 * {@code mizzen-rollout-<deployment>}, written with optimistic concurrency), and a coordination
 * Lease of the same name lets one process drive it. Until a process takes it over (by running the
 * same rollout again) nothing progresses and the stable revision keeps serving.
 *
 * <p>Threads: one scheduler of two threads runs every rollout's work; each namespace with a rollout
 * gets one set of four watches (Deployments, ReplicaSets, Pods, the engine's ConfigMaps), shared by
 * all its rollouts, and two more (StatefulSets, DaemonSets) from its first rollout of one of those.
 * Close the engine to stop them; running rollouts stay held in the cluster.
 */
public final class Rollouts implements AutoCloseable {
  private final ApiClient client;
  private final String fieldManager;
  private final String identity;
  private final RolloutListener listener;
  private final Duration leaseDuration;

  private final Object lock = new Object();
  private ScheduledExecutorService scheduler;
  private ExecutorService informerThreads;
  private OkHttpClient watchHttp;
  private final Map<String, NamespaceCache> caches = new HashMap<>();
  /** Read by the informers' threads without the lock: they only wake drivers. */
  private final Map<String, Driver> running = new ConcurrentHashMap<>();
  private boolean closed;

  private Rollouts(ApiClient client, String fieldManager, String identity, RolloutListener listener,
                   Duration leaseDuration) {
    this.client = client;
    this.fieldManager = fieldManager;
    this.identity = identity;
    this.listener = listener;
    this.leaseDuration = leaseDuration;
  }

  /**
   * An engine talking through {@code client}, applying as field manager {@value
   * ServerSideApply#FIELD_MANAGER} (as {@code ServerSideApply} does), holding leases as this host
   * plus a random suffix, with 15-second leases and no listener.
   */
  public static Rollouts using(ApiClient client) {
    checkNotNull(client, "client");
    return new Rollouts(client, ServerSideApply.FIELD_MANAGER, defaultIdentity(), new RolloutListener() {},
        Duration.ofSeconds(15));
  }

  /** The field manager of every apply: the one the Deployment was, and will be, applied with. */
  public Rollouts fieldManager(String fieldManager) {
    checkArgument(fieldManager != null && !fieldManager.isBlank(), "fieldManager must not be blank");
    return new Rollouts(client, fieldManager, identity, listener, leaseDuration);
  }

  /** Who this engine is in Leases and Events; unique per process (a pod name, a host name). */
  public Rollouts identity(String identity) {
    checkArgument(identity != null && !identity.isBlank(), "identity must not be blank");
    return new Rollouts(client, fieldManager, identity, listener, leaseDuration);
  }

  /** Told every timeline entry and progress change of every rollout of this engine. */
  public Rollouts listener(RolloutListener listener) {
    return new Rollouts(client, fieldManager, identity, checkNotNull(listener, "listener"), leaseDuration);
  }

  /**
   * How long a Lease is valid without renewal (15 s by default): after a process vanishes,
   * another may take its rollouts over this long after the last renewal it saw. Renewed every
   * fifth of it; a holder stops writing two thirds of it after its last renewal.
   */
  public Rollouts leaseDuration(Duration leaseDuration) {
    checkNotNull(leaseDuration, "leaseDuration");
    checkArgument(leaseDuration.toSeconds() >= 3, "leaseDuration must be at least 3s, was %s", leaseDuration);
    return new Rollouts(client, fieldManager, identity, listener, leaseDuration);
  }

  public String identity() {
    return identity;
  }

  /**
   * Starts {@code rollout} and returns at once. A rollout of the same workload already running
   * in this engine ends {@link RolloutOutcome.Superseded}, and this one starts at step 1. If the
   * cluster holds the state of this same rollout of a Deployment (a process driving it died), it
   * resumes there.
   */
  public RolloutHandle start(Rollout rollout) {
    checkNotNull(rollout, "rollout");
    synchronized (lock) {
      checkArgument(!closed, "this Rollouts is closed");
      NamespaceCache cache = cache(rollout.namespace());
      String key = rollout.ref();
      Driver previous = running.get(key);
      Driver driver;
      if (rollout.kind().equals("Deployment")) {
        driver = new RolloutDriver(context(), cache, rollout);
      } else {
        watchWorkloads(cache, rollout.namespace());
        driver = new WorkloadDriver(context(), cache, rollout);
      }
      running.put(key, driver);
      driver.outcome().whenComplete((outcome, failure) -> running.remove(key, driver));
      if (previous != null) {
        driver.after(previous.outcome());
        previous.supersede();
      } else {
        driver.wake();
      }
      return new RolloutHandle(this, driver);
    }
  }

  /**
   * The rollout of Deployment {@code name} this engine runs now, if any: the one {@link #start}
   * returned, or the one that took over when another writer (kubectl) pushed a new pod template
   * during a rollout (the first ended {@link RolloutOutcome.Superseded}; the new template's rollout,
   * with the same strategy, starts at step 1).
   */
  public Optional<RolloutHandle> handle(String namespace, String name) {
    Driver driver = running.get("Deployment/" + namespace + "/" + name);
    return driver == null ? Optional.empty() : Optional.of(new RolloutHandle(this, driver));
  }

  /** A driver found a template it did not apply: that template's rollout supersedes it. */
  private void startSuccessor(Rollout successor) {
    synchronized (lock) {
      if (!closed) { // closing: the rollout stays held in the cluster, where a next run finds it
        start(successor);
      }
    }
  }

  /**
   * Runs {@code rollout} to its end on the calling thread and returns the outcome.
   *
   * @throws RolloutException if it cannot start or go on; the stable revision keeps serving
   */
  public RolloutOutcome run(Rollout rollout) {
    RolloutHandle handle = start(rollout);
    try {
      return handle.outcome().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RolloutException("interrupted while waiting for " + rollout + "; it goes on in this engine", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RolloutException re ? re
          : new RolloutException(rollout + " failed: " + e.getCause(), e.getCause());
    } catch (CancellationException e) {
      throw new RolloutException(rollout + " was cancelled", e);
    }
  }

  /**
   * What {@code rollout} would do, from the live Deployment and a server-side dry run of the new
   * one, without writing anything: each step with the Deployment's fields it changes.
   */
  public RolloutPlan plan(Rollout rollout) {
    checkNotNull(rollout, "rollout");
    try {
      return RolloutPlanner.plan(client, fieldManager, rollout);
    } catch (ApiException e) {
      throw new RolloutException("planning " + rollout + " failed: HTTP " + e.getCode() + " " + e.getMessage(), e);
    }
  }

  /**
   * Puts revision {@code toRevision} of Deployment {@code name} back, as {@code kubectl rollout
   * undo --to-revision} does (0: the revision before the current one): the template of that
   * revision's ReplicaSet, among those the Deployment controls, which the controller then reuses.
   * Works on a paused Deployment too. Returns that revision's {@code pod-template-hash}; follow the
   * rollout with {@link RolloutStatus}.
   *
   * @throws RolloutException when a rollout of the Deployment is running (abort it instead), or
   *     the revision does not exist (the message lists those that do)
   */
  public String undo(String namespace, String name, long toRevision) {
    checkArgument(toRevision >= 0, "toRevision must be 0 (the previous one) or a revision, was %s", toRevision);
    if (status(namespace, name).isPresent()) {
      throw new RolloutException("a rollout of Deployment/" + namespace + "/" + name + " is running: abort it"
          + " (Rollouts.abort, mizzen rollout abort), which puts the stable revision back");
    }
    try {
      return Undo.undo(client, namespace, name, toRevision);
    } catch (ApiException e) {
      throw new RolloutException("undoing Deployment/" + namespace + "/" + name + " failed: HTTP " + e.getCode() + " "
          + e.getResponseBody(), e);
    }
  }

  /** The rollout of Deployment {@code name} as the cluster records it; empty when none runs. */
  public Optional<RolloutState> status(String namespace, String name) {
    try {
      return new StateStore(client, namespace, name).read().map(stored -> RolloutState.of(stored.record()));
    } catch (ApiException e) {
      throw new RolloutException("reading the rollout of Deployment/" + namespace + "/" + name + " failed: HTTP "
          + e.getCode() + " " + e.getMessage(), e);
    }
  }

  /**
   * Skips the current step ({@code full} false) or every remaining step ({@code full} true) of
   * the rollout of Deployment {@code name}, whichever process drives it.
   */
  public void promote(String namespace, String name, boolean full) {
    request(namespace, name, record -> record.requesting(full ? "full" : "step", record.abortRequest()));
  }

  /** Holds the rollout at its current step until {@link #resume} or {@link #promote}. */
  public void pause(String namespace, String name) {
    request(namespace, name, record -> record.pausedAs(true, record.stepStartedAt()));
  }

  /** Lets a paused rollout go on; the current step's clock starts again. */
  public void resume(String namespace, String name) {
    request(namespace, name, record -> record.pausedAs(false, java.time.Instant.now()));
  }

  /** Aborts the rollout: the stable revision back to all replicas, then the new pods removed. */
  public void abort(String namespace, String name, String reason) {
    checkArgument(reason != null && !reason.isBlank(), "say why the rollout is aborted");
    request(namespace, name, record -> record.requesting(record.promoteRequest(), reason));
  }

  /** A request is a write of the shared record, retried on conflicts; the driving process acts on it. */
  private void request(String namespace, String name, UnaryOperator<RolloutRecord> change) {
    StateStore store = new StateStore(client, namespace, name);
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        StateStore.Stored stored = store.read().orElseThrow(() -> new RolloutException(
            "no rollout of Deployment/" + namespace + "/" + name + " is running (no ConfigMap " + store.name() + ")"));
        store.replace(change.apply(stored.record()), stored.resourceVersion());
        return;
      } catch (ApiException e) {
        if (e.getCode() != 409) {
          throw new RolloutException("writing to the rollout of Deployment/" + namespace + "/" + name
              + " failed: HTTP " + e.getCode() + " " + e.getMessage(), e);
        }
      }
    }
    throw new RolloutException("the rollout of Deployment/" + namespace + "/" + name
        + " changed 10 times while writing a request; try again");
  }

  private NamespaceCache cache(String namespace) {
    NamespaceCache cache = caches.get(namespace);
    if (cache != null) {
      return cache;
    }
    if (scheduler == null) {
      ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2,
          new ThreadFactoryBuilder().setDaemon(true).setNameFormat("mizzen-rollouts-%d").build());
      pool.setRemoveOnCancelPolicy(true);
      // On close, what is queued (events being sent) still runs; timers of rollouts do not.
      pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      scheduler = pool;
      informerThreads = Executors.newCachedThreadPool(
          new ThreadFactoryBuilder().setDaemon(true).setNameFormat("mizzen-rollouts-watch-%d").build());
      watchHttp = client.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build();
    }
    NamespaceCache created = new NamespaceCache(client, watchHttp, informerThreads, namespace, () -> wakeAll(namespace));
    try {
      created.start(Duration.ofSeconds(60));
    } catch (TimeoutException e) {
      created.close();
      throw new RolloutException(e.getMessage() + "; check that the client can list and watch them", e);
    } catch (InterruptedException e) {
      created.close();
      Thread.currentThread().interrupt();
      throw new RolloutException("interrupted while listing namespace " + namespace, e);
    }
    caches.put(namespace, created);
    return created;
  }

  private static void watchWorkloads(NamespaceCache cache, String namespace) {
    try {
      cache.watchWorkloads(Duration.ofSeconds(60));
    } catch (TimeoutException e) {
      throw new RolloutException(e.getMessage() + "; check that the client can list and watch them", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RolloutException("interrupted while listing namespace " + namespace, e);
    }
  }

  private void wakeAll(String namespace) {
    running.forEach((key, driver) -> {
      if (driver.rollout().namespace().equals(namespace)) {
        driver.wake();
      }
    });
  }

  private EngineContext context() {
    return new EngineContext(client, fieldManager, identity, listener, scheduler, leaseDuration,
        new Events(client, identity, scheduler), this::startSuccessor);
  }

  /**
   * Stops this engine's watches and threads. Rollouts still running are not aborted: they stay
   * held in the cluster, the stable revision serving, until a process runs them again.
   */
  @Override
  public void close() {
    List<NamespaceCache> stopping;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = List.copyOf(caches.values());
      caches.clear();
    }
    // Outside the lock: stopping an informer waits for its handlers, which wake drivers.
    stopping.forEach(NamespaceCache::close);
    if (scheduler != null) {
      scheduler.shutdown();
      try {
        if (!scheduler.awaitTermination(2, TimeUnit.SECONDS)) {
          scheduler.shutdownNow();
        }
      } catch (InterruptedException e) {
        scheduler.shutdownNow();
        Thread.currentThread().interrupt();
      }
      informerThreads.shutdownNow();
    }
  }


  private static String defaultIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "localhost";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
