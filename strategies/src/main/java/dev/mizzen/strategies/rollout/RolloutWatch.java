package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.mizzen.strategies.rollout.RolloutVerdict.FailureReason;
import dev.mizzen.strategies.rollout.RolloutVerdict.InProgress;
import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * The rollout of one workload, from {@link RolloutStatus#deployment}, {@link
 * RolloutStatus#statefulSet} or {@link RolloutStatus#daemonSet}: its verdict {@link #now() now},
 * or the first final one within a timeout ({@link #await(Duration)}).
 */
public final class RolloutWatch {
  /** The longest single watch request; a longer wait re-opens the watch where it stopped. */
  static final int MAX_WATCH_SECONDS = 300;
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  private final RolloutStatus status;
  private final WatchedKind<?> kind;
  private final String ref;
  private final String namespace;
  private final String name;
  private final String fieldSelector;

  RolloutWatch(RolloutStatus status, WatchedKind<?> kind, String kindName, String namespace, String name) {
    checkArgument(namespace != null && !namespace.isEmpty(), "namespace must not be empty, was %s", namespace);
    checkArgument(name != null && !name.isEmpty(), "name must not be empty, was %s", name);
    this.status = status;
    this.kind = kind;
    this.ref = ObjectRef.of(kindName, namespace, name).toString();
    this.namespace = namespace;
    this.name = name;
    this.fieldSelector = "metadata.name=" + name;
  }

  /**
   * The verdict of the object as it is now (one request), as {@code kubectl rollout status
   * --watch=false} prints it; {@link FailureReason#NOT_FOUND} when there is no such object.
   *
   * @throws RolloutStatusException when the API server refuses the request or cannot be reached
   */
  public RolloutVerdict now() {
    try {
      KubernetesObject object = WatchedKind.only(kind.list(api(), namespace, fieldSelector));
      return object == null ? notFound() : kind.verdict(object);
    } catch (ApiException e) {
      throw refused(e);
    }
  }

  /**
   * Waits until the rollout is {@link RolloutVerdict.Done done} or {@link RolloutVerdict.Failed
   * failed}, as {@code kubectl rollout status --timeout} does, and returns that verdict, or a
   * {@link RolloutVerdict.TimedOut} with the last one seen once {@code timeout} has passed. Fails
   * with {@link FailureReason#NOT_FOUND} when the object does not exist at the start and with
   * {@link FailureReason#DELETED} when it is deleted meanwhile, as kubectl does.
   *
   * <p>Connection failures, server errors and closed watches are retried (with a backoff up to
   * two seconds) until the timeout: a restarted API server does not end the wait.
   *
   * <p>An interrupt is noticed between events and during a backoff, not while a quiet watch
   * waits: then the wait ends at its timeout at the latest.
   *
   * @throws RolloutStatusException when the API server refuses to list or watch the object (401,
   *     403, 404 of the resource), or when the thread is interrupted (its flag stays set)
   */
  public RolloutVerdict await(Duration timeout) {
    checkNotNull(timeout, "timeout");
    checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive, was %s", timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    Progress progress = new Progress(status);
    String resourceVersion = null;
    boolean seen = false;
    long backoff = 0;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new RolloutStatusException(ref, 0, "interrupted while waiting for the rollout", null);
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return RolloutVerdict.timedOut(timeout, progress.last);
      }
      boolean progressed = false;
      try {
        if (resourceVersion == null) {
          KubernetesListObject list = kind.list(api(), namespace, fieldSelector);
          KubernetesObject object = WatchedKind.only(list);
          if (object == null) {
            return progress.report(seen ? deleted() : notFound());
          }
          seen = true;
          RolloutVerdict verdict = progress.report(kind.verdict(object));
          if (verdict.isFinal()) {
            return verdict;
          }
          resourceVersion = list.getMetadata().getResourceVersion();
          progressed = true;
        }
        try (Watch<?> watch = openWatch(resourceVersion, remaining)) {
          Watch.Response<?> event;
          while ((event = next(watch)) != null) {
            progressed = true;
            KubernetesObject object = event.object instanceof KubernetesObject k ? k : null;
            switch (event.type) {
              case "ADDED", "MODIFIED" -> {
                resourceVersion = object.getMetadata().getResourceVersion();
                RolloutVerdict verdict = progress.report(kind.verdict(object));
                if (verdict.isFinal()) {
                  return verdict;
                }
              }
              case "DELETED" -> {
                return progress.report(deleted());
              }
              default -> {
                // ERROR: 410 Gone (the resource version is too old) and anything else start again from a list.
                resourceVersion = null;
                progressed = isGone(event.status);
              }
            }
            if (resourceVersion == null) {
              break;
            }
          }
        }
      } catch (ApiException e) {
        if (e.getCode() == 410) {
          resourceVersion = null;
        } else if (!isTransient(e)) {
          throw refused(e);
        }
      } catch (IOException e) {
        // closing a watch that already failed: nothing to release beyond what close() did
      }
      backoff = progressed ? 0 : sleep(backoff, deadline);
    }
  }

  private Watch<?> openWatch(String resourceVersion, long remainingNanos) throws ApiException {
    long seconds = Math.min(MAX_WATCH_SECONDS, TimeUnit.NANOSECONDS.toSeconds(remainingNanos) + 1);
    Call built = kind.watchCall(api(), namespace, fieldSelector, resourceVersion, (int) seconds);
    Call call = status.watchHttp().newCall(built.request());
    // Ends a quiet watch exactly at the deadline; the server's timeoutSeconds ends it a little later.
    call.timeout().timeout(remainingNanos, TimeUnit.NANOSECONDS);
    return kind.watch(status.client(), call);
  }

  /**
   * The next event, or null when the watch ended: closed by the server, broken, timed out, or
   * sending an event without its object (then it is opened again from the last version).
   */
  private static Watch.Response<?> next(Watch<?> watch) {
    try {
      Watch.Response<?> event = watch.hasNext() ? watch.next() : null;
      boolean usable = event != null && event.type != null
          && (event.type.equals("ERROR") || event.object instanceof KubernetesObject k && k.getMetadata() != null);
      return usable ? event : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Sleeps before retrying when the last attempt saw nothing at all; returns the next backoff. */
  private long sleep(long previous, long deadline) {
    long backoff = previous == 0 ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, previous * 2);
    long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    try {
      Thread.sleep(Math.max(0, Math.min(backoff, remainingMillis)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RolloutStatusException(ref, 0, "interrupted while waiting for the rollout", e);
    }
    return backoff;
  }

  private static boolean isGone(V1Status status) {
    return status != null && status.getCode() != null && status.getCode() == 410;
  }

  /** Unreachable server (code 0), throttling and server errors: worth another try. */
  private static boolean isTransient(ApiException e) {
    return e.getCode() == 0 || e.getCode() == 429 || e.getCode() >= 500;
  }

  private RolloutStatusException refused(ApiException e) {
    String message = e.getResponseBody() != null && !e.getResponseBody().isEmpty() ? e.getResponseBody() : e.getMessage();
    return new RolloutStatusException(ref, e.getCode(), "cannot read the rollout status: " + message, e);
  }

  private RolloutVerdict notFound() {
    return RolloutVerdict.failed(FailureReason.NOT_FOUND, kind.resource() + " \"" + name + "\" not found");
  }

  private static RolloutVerdict deleted() {
    return RolloutVerdict.failed(FailureReason.DELETED, "object has been deleted");
  }

  private AppsV1Api api() {
    return new AppsV1Api(status.client());
  }

  @Override
  public String toString() {
    return "rollout of " + ref;
  }

  /** The verdicts seen while waiting: tells the listener each new message, keeps the last in progress. */
  private static final class Progress {
    private final RolloutStatus status;
    private InProgress last = RolloutVerdict.inProgress("no status read yet");
    private String lastMessage;

    Progress(RolloutStatus status) {
      this.status = status;
    }

    RolloutVerdict report(RolloutVerdict verdict) {
      if (verdict instanceof InProgress inProgress) {
        last = inProgress;
      }
      if (!verdict.message().equals(lastMessage)) {
        lastMessage = verdict.message();
        status.listener().accept(verdict);
      }
      return verdict;
    }
  }
}
