package dev.mizzen.strategies.rollout;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.util.Watch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/**
 * Records, from a watch on a Service's EndpointSlices, how many of its endpoints are ready after
 * every change: the availability users of the Service saw during a rollout.
 */
final class EndpointsRecorder {
  private final Map<String, Integer> readyBySlice = new ConcurrentHashMap<>();
  private final List<Integer> history = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile Watch<V1EndpointSlice> watch;

  private EndpointsRecorder(ApiClient client, String namespace, String service) {
    OkHttpClient http = client.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build();
    ApiClient watching = new ApiClient(http);
    watching.setBasePath(client.getBasePath());
    watching.setJSON(client.getJSON());
    DiscoveryV1Api discovery = new DiscoveryV1Api(client);
    this.thread = new Thread(() -> {
      try {
        okhttp3.Call call = discovery.listNamespacedEndpointSlice(namespace)
            .labelSelector("kubernetes.io/service-name=" + service).watch(true).buildCall(null);
        watch = Watch.createWatch(watching, http.newCall(call.request()),
            new TypeToken<Watch.Response<V1EndpointSlice>>() {}.getType());
        for (Watch.Response<V1EndpointSlice> event : watch) {
          V1EndpointSlice slice = event.object;
          String name = slice.getMetadata().getName();
          if ("DELETED".equals(event.type)) {
            readyBySlice.remove(name);
          } else {
            readyBySlice.put(name, ready(slice.getEndpoints()));
          }
          history.add(readyBySlice.values().stream().mapToInt(Integer::intValue).sum());
        }
      } catch (Exception e) {
        // Stopped.
      }
    }, "endpoints-recorder");
    thread.setDaemon(true);
  }

  static EndpointsRecorder start(ApiClient client, String namespace, String service) {
    EndpointsRecorder recorder = new EndpointsRecorder(client, namespace, service);
    recorder.thread.start();
    return recorder;
  }

  private static int ready(List<V1Endpoint> endpoints) {
    if (endpoints == null) {
      return 0;
    }
    return (int) endpoints.stream()
        .filter(e -> e.getConditions() != null && Boolean.TRUE.equals(e.getConditions().getReady())).count();
  }

  /** Waits until at least {@code count} endpoints are ready. */
  void awaitAtLeast(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (history.isEmpty() || history.get(history.size() - 1) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " ready endpoints within " + timeout + ": " + history);
      }
      Thread.sleep(50);
    }
  }

  /**
   * The fewest ready endpoints seen from the first time there were {@code whole}: before that the
   * Service was still filling up, which is not part of the rollout.
   */
  int minimumSince(int whole) {
    List<Integer> seen = List.copyOf(history);
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i) >= whole) {
        return seen.subList(i, seen.size()).stream().mapToInt(Integer::intValue).min().orElse(0);
      }
    }
    return 0;
  }

  List<Integer> history() {
    return List.copyOf(history);
  }

  void stop() {
    if (watch != null) {
      try {
        watch.close();
      } catch (Exception e) {
        // Closed already.
      }
    }
    thread.interrupt();
  }
}
