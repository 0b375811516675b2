package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkNotNull;

import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Follows the rollout of a Deployment, StatefulSet or DaemonSet the way {@code kubectl rollout
 * status} does: the same verdict ({@link RolloutVerdicts}), from a watch on the one object rather
 * than polling, so a completed rollout is noticed as soon as the API server reports it.
 *
 * <pre>{@code
 * RolloutVerdict verdict = RolloutStatus.using(apiClient)
 *     .onProgress(v -> log.info(v.message()))      // each distinct message, as kubectl prints them
 *     .deployment("shop", "web")
 *     .await(Duration.ofMinutes(5));               // Done, Failed, or TimedOut
 * }</pre>
 *
 * <p>Waiting runs on the calling thread and starts no thread of its own: one list, then one watch
 * at a time from the listed resource version, re-opened where it stopped when the server closes
 * it and re-listed when the server answers 410 Gone. Instances are immutable and may be shared.
 */
public final class RolloutStatus {
  private final ApiClient client;
  private final OkHttpClient watchHttp;
  private final Consumer<? super RolloutVerdict> listener;

  private RolloutStatus(ApiClient client, OkHttpClient watchHttp, Consumer<? super RolloutVerdict> listener) {
    this.client = client;
    this.watchHttp = watchHttp;
    this.listener = listener;
  }

  /**
   * Reads and watches with {@code client}. Watches share its connections, interceptors and
   * credentials, but not its read timeout, since a watch is quiet for as long as nothing changes:
   * the server ends each watch request within {@value RolloutWatch#MAX_WATCH_SECONDS} s, and a
   * connection silent for 30 s longer than that is given up and opened again.
   */
  public static RolloutStatus using(ApiClient client) {
    checkNotNull(client, "client");
    return new RolloutStatus(client, client.getHttpClient().newBuilder()
            .readTimeout(Duration.ofSeconds(RolloutWatch.MAX_WATCH_SECONDS + 30)).build(),
        verdict -> {});
  }

  /**
   * Tells {@code listener} each verdict whose message differs from the one before (the lines
   * {@code kubectl rollout status} prints), the final one included, on the waiting thread. What
   * it throws ends the wait. None by default.
   */
  public RolloutStatus onProgress(Consumer<? super RolloutVerdict> listener) {
    return new RolloutStatus(client, watchHttp, checkNotNull(listener, "listener"));
  }

  /** The rollout of Deployment {@code name} in {@code namespace}. */
  public RolloutWatch deployment(String namespace, String name) {
    return new RolloutWatch(this, WatchedKind.DEPLOYMENT, "Deployment", namespace, name);
  }

  /** The rollout of StatefulSet {@code name} in {@code namespace}. */
  public RolloutWatch statefulSet(String namespace, String name) {
    return new RolloutWatch(this, WatchedKind.STATEFUL_SET, "StatefulSet", namespace, name);
  }

  /** The rollout of DaemonSet {@code name} in {@code namespace}. */
  public RolloutWatch daemonSet(String namespace, String name) {
    return new RolloutWatch(this, WatchedKind.DAEMON_SET, "DaemonSet", namespace, name);
  }

  ApiClient client() {
    return client;
  }

  OkHttpClient watchHttp() {
    return watchHttp;
  }

  Consumer<? super RolloutVerdict> listener() {
    return listener;
  }
}
