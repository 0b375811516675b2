package dev.mizzen.strategies.rollout.internal;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.EventsV1Api;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events (events.k8s.io/v1) on the Deployment for each step and decision, so that
 * {@code kubectl describe deployment} and {@code kubectl events} show what the engine did. Sent
 * from the scheduler, never from the rollout's own pass; a refused event is logged, not retried:
 * events are a courtesy, the rollout does not depend on them.
 */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);
  /** events.k8s.io/v1 limits. */
  private static final int MAX_NOTE_BYTES = 1024;
  private static final int MAX_FIELD = 128;

  private final EventsV1Api api;
  private final String instance;
  private final Executor executor;
  private final AtomicBoolean warned = new AtomicBoolean();

  public Events(ApiClient client, String instance, Executor executor) {
    this.api = new EventsV1Api(client);
    this.instance = clip(instance, MAX_FIELD);
    this.executor = executor;
  }

  /** Records {@code note} on {@code deployment}; {@code warning} for aborts and failed checks. */
  public void emit(V1Deployment deployment, String reason, String note, boolean warning) {
    emit("Deployment", deployment.getMetadata(), reason, note, warning);
  }

  /** Records {@code note} on the {@code apps/v1} workload of {@code kind} with {@code meta}. */
  public void emit(String kind, V1ObjectMeta meta, String reason, String note, boolean warning) {
    EventsV1Event event = new EventsV1Event()
        .metadata(new V1ObjectMeta().name(name(meta.getName())).namespace(meta.getNamespace()))
        .eventTime(OffsetDateTime.now(ZoneOffset.UTC))
        .reportingController("mizzen.dev/rollouts")
        .reportingInstance(instance)
        .action("Rollout")
        .reason(clip(reason, MAX_FIELD))
        .type(warning ? "Warning" : "Normal")
        .note(clipBytes(note))
        .regarding(new V1ObjectReference().apiVersion("apps/v1").kind(kind).name(meta.getName())
            .namespace(meta.getNamespace()).uid(meta.getUid()));
    try {
      executor.execute(() -> {
        try {
          api.createNamespacedEvent(meta.getNamespace(), event).execute();
        } catch (ApiException | RuntimeException e) {
          // Once at WARN (missing RBAC for events, say), then quietly: events are a courtesy.
          String why = e instanceof ApiException refused
              ? "HTTP " + refused.getCode() + " " + refused.getResponseBody() : e.toString();
          if (warned.compareAndSet(false, true)) {
            LOG.warn("events on workloads are not recorded ({}): {}", meta.getNamespace(), why);
          } else {
            LOG.debug("event on {}/{}/{} not recorded: {}", kind, meta.getNamespace(), meta.getName(), why);
          }
        }
      });
    } catch (RejectedExecutionException closed) {
      // The engine is closing: this event is not sent.
    }
  }

  /**
   * The event's name as Kubernetes' own recorders make it, {@code <object>.<unix nanos in hex>}
   * (a generateName cannot end in the dot), the object's name shortened to fit 253 characters.
   */
  private static String name(String object) {
    Instant now = Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    return clip(object, 200) + "." + Long.toHexString(nanos);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String clipBytes(String note) {
    String clipped = note;
    while (clipped.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NOTE_BYTES) {
      clipped = clipped.substring(0, clipped.length() - 16);
    }
    return clipped;
  }
}
