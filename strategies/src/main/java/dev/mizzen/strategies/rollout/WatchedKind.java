package dev.mizzen.strategies.rollout;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.util.Watch;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import okhttp3.Call;

/** The calls and rules of one kind whose rollout status can be watched. */
final class WatchedKind<T extends KubernetesObject> {
  /** Lists the one object of a name, as a list (so a missing object is an empty list, not a 404). */
  interface Lister<T extends KubernetesObject> {
    KubernetesListObject list(AppsV1Api api, String namespace, String fieldSelector) throws ApiException;
  }

  /** Builds (does not run) a watch call from a resource version. */
  interface Watcher {
    Call call(AppsV1Api api, String namespace, String fieldSelector, String resourceVersion, int timeoutSeconds)
        throws ApiException;
  }

  // Watches ask for no bookmarks: client-java 25 cannot read a bookmark's object (its required
  // fields are null, kubernetes-client/java#4160), which would end the watch at every bookmark.
  static final WatchedKind<V1Deployment> DEPLOYMENT = new WatchedKind<>("deployments.apps",
      (api, ns, selector) -> api.listNamespacedDeployment(ns).fieldSelector(selector).execute(),
      (api, ns, selector, rv, timeout) -> api.listNamespacedDeployment(ns).fieldSelector(selector)
          .resourceVersion(rv).timeoutSeconds(timeout).watch(true).buildCall(null),
      new TypeToken<Watch.Response<V1Deployment>>() {}.getType(), RolloutVerdicts::of);

  static final WatchedKind<V1StatefulSet> STATEFUL_SET = new WatchedKind<>("statefulsets.apps",
      (api, ns, selector) -> api.listNamespacedStatefulSet(ns).fieldSelector(selector).execute(),
      (api, ns, selector, rv, timeout) -> api.listNamespacedStatefulSet(ns).fieldSelector(selector)
          .resourceVersion(rv).timeoutSeconds(timeout).watch(true).buildCall(null),
      new TypeToken<Watch.Response<V1StatefulSet>>() {}.getType(), RolloutVerdicts::of);

  static final WatchedKind<V1DaemonSet> DAEMON_SET = new WatchedKind<>("daemonsets.apps",
      (api, ns, selector) -> api.listNamespacedDaemonSet(ns).fieldSelector(selector).execute(),
      (api, ns, selector, rv, timeout) -> api.listNamespacedDaemonSet(ns).fieldSelector(selector)
          .resourceVersion(rv).timeoutSeconds(timeout).watch(true).buildCall(null),
      new TypeToken<Watch.Response<V1DaemonSet>>() {}.getType(), RolloutVerdicts::of);

  /** {@code deployments.apps}: how kubectl names the resource in its "not found" message. */
  private final String resource;
  private final Lister<T> lister;
  private final Watcher watcher;
  private final Type watchType;
  private final Function<T, RolloutVerdict> rules;

  private WatchedKind(String resource, Lister<T> lister, Watcher watcher, Type watchType,
      Function<T, RolloutVerdict> rules) {
    this.resource = resource;
    this.lister = lister;
    this.watcher = watcher;
    this.watchType = watchType;
    this.rules = rules;
  }

  String resource() {
    return resource;
  }

  KubernetesListObject list(AppsV1Api api, String namespace, String fieldSelector) throws ApiException {
    return lister.list(api, namespace, fieldSelector);
  }

  Call watchCall(AppsV1Api api, String namespace, String fieldSelector, String resourceVersion, int timeoutSeconds)
      throws ApiException {
    return watcher.call(api, namespace, fieldSelector, resourceVersion, timeoutSeconds);
  }

  Watch<T> watch(ApiClient client, Call call) throws ApiException {
    return Watch.createWatch(client, call, watchType);
  }

  @SuppressWarnings("unchecked")
  RolloutVerdict verdict(KubernetesObject object) {
    return rules.apply((T) object);
  }

  /** The first item of a list, or null. */
  static KubernetesObject only(KubernetesListObject list) {
    List<? extends KubernetesObject> items = list.getItems();
    return items == null || items.isEmpty() ? null : items.get(0);
  }
}
