package dev.mizzen.strategies.rollout.internal;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1DaemonSetList;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentList;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetList;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetList;
import io.kubernetes.client.util.CallGenerator;
import io.kubernetes.client.util.CallGeneratorParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.OkHttpClient;

/**
 * One namespace as the engine sees it: informers on its Deployments, ReplicaSets, Pods and the
 * engine's state ConfigMaps (and, once asked, StatefulSets and DaemonSets), shared by every rollout
 * in the namespace, so that a hundred rollouts cost four watches, not four hundred, and waiting
 * costs no requests. Any change calls {@code onChange}, which wakes the rollouts to look again.
 */
public final class NamespaceCache implements AutoCloseable {
  /** Index of ReplicaSets and Pods by the uid of their controller: a rollout looks up its own only. */
  private static final String CONTROLLER = "controller";
  private final String namespace;
  private final SharedInformerFactory factory;
  private final SharedIndexInformer<V1Deployment> deployments;
  private final SharedIndexInformer<V1ReplicaSet> replicaSets;
  private final SharedIndexInformer<V1Pod> pods;
  private final SharedIndexInformer<V1ConfigMap> states;
  private final OkHttpClient watchHttp;
  private final AppsV1Api apps;
  private final Runnable onChange;
  private SharedIndexInformer<V1StatefulSet> statefulSets;
  private SharedIndexInformer<V1DaemonSet> daemonSets;

  public NamespaceCache(ApiClient client, OkHttpClient watchHttp, ExecutorService informerThreads, String namespace,
                        Runnable onChange) {
    this.namespace = namespace;
    this.watchHttp = watchHttp;
    this.onChange = onChange;
    // The factory only executes the calls built below and reads their answers; it insists on a client
    // without a read timeout, so it gets one sharing the user's connections and JSON. Requests are
    // built by the user's client (its credentials), watches sent through watchHttp.
    ApiClient executing = new ApiClient(watchHttp);
    executing.setBasePath(client.getBasePath());
    executing.setJSON(client.getJSON());
    this.factory = new SharedInformerFactory(executing, informerThreads, false);
    this.apps = new AppsV1Api(client);
    CoreV1Api core = new CoreV1Api(client);
    this.deployments = informer(watchHttp, params -> apps.listNamespacedDeployment(namespace)
        .resourceVersion(params.resourceVersion).watch(params.watch).timeoutSeconds(params.timeoutSeconds)
        .buildCall(null), V1Deployment.class, V1DeploymentList.class, onChange);
    this.replicaSets = informer(watchHttp, params -> apps.listNamespacedReplicaSet(namespace)
        .resourceVersion(params.resourceVersion).watch(params.watch).timeoutSeconds(params.timeoutSeconds)
        .buildCall(null), V1ReplicaSet.class, V1ReplicaSetList.class, onChange);
    this.pods = informer(watchHttp, params -> core.listNamespacedPod(namespace)
        .resourceVersion(params.resourceVersion).watch(params.watch).timeoutSeconds(params.timeoutSeconds)
        .buildCall(null), V1Pod.class, V1PodList.class, onChange);
    replicaSets.addIndexers(Map.of(CONTROLLER, NamespaceCache::controller));
    pods.addIndexers(Map.of(CONTROLLER, NamespaceCache::controller));
    this.states = informer(watchHttp, params -> core.listNamespacedConfigMap(namespace)
        .labelSelector(StateStore.MANAGED_BY + "=" + StateStore.MANAGER)
        .resourceVersion(params.resourceVersion).watch(params.watch).timeoutSeconds(params.timeoutSeconds)
        .buildCall(null), V1ConfigMap.class, V1ConfigMapList.class, onChange);
  }

  private <T extends KubernetesObject, L extends KubernetesListObject> SharedIndexInformer<T> informer(
      OkHttpClient watchHttp, CallGenerator calls, Class<T> type, Class<L> listType, Runnable onChange) {
    // Watches go through a client without a read timeout: a watch is quiet while nothing changes,
    // and the server ends each one itself (the informer asks for 5 to 10 minutes). No bookmarks are
    // asked for: client-java 25 cannot read a bookmark's object (its required fields are null, as
    // kubernetes-client/java#4160 reports), so each one failed the watch and cost a relist.
    CallGenerator generator = params -> {
      Call call = calls.generate(params);
      return Boolean.TRUE.equals(params.watch) ? watchHttp.newCall(call.request()) : call;
    };
    SharedIndexInformer<T> informer = factory.sharedIndexInformerFor(generator, type, listType, 0);
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        onChange.run();
      }

      @Override
      public void onUpdate(T before, T after) {
        onChange.run();
      }

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        onChange.run();
      }
    });
    return informer;
  }

  /** Starts the watches and waits until each has listed once. */
  public void start(Duration timeout) throws TimeoutException, InterruptedException {
    factory.startAllRegisteredInformers();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(deployments.hasSynced() && replicaSets.hasSynced() && pods.hasSynced() && states.hasSynced())) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("listing Deployments, ReplicaSets, Pods and ConfigMaps in namespace "
            + namespace + " took more than " + timeout.toSeconds() + " s");
      }
      Thread.sleep(10);
    }
  }

  /**
   * Watches the namespace's StatefulSets and DaemonSets too, from the first rollout of one on:
   * a user rolling out Deployments only needs no permission on them.
   */
  public synchronized void watchWorkloads(Duration timeout) throws TimeoutException, InterruptedException {
    if (statefulSets == null) {
      statefulSets = informer(watchHttp, params -> apps.listNamespacedStatefulSet(namespace)
          .resourceVersion(params.resourceVersion).watch(params.watch).timeoutSeconds(params.timeoutSeconds)
          .buildCall(null), V1StatefulSet.class, V1StatefulSetList.class, onChange);
      daemonSets = informer(watchHttp, params -> apps.listNamespacedDaemonSet(namespace)
          .resourceVersion(params.resourceVersion).watch(params.watch).timeoutSeconds(params.timeoutSeconds)
          .buildCall(null), V1DaemonSet.class, V1DaemonSetList.class, onChange);
      factory.startAllRegisteredInformers(); // starts only the two new ones
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(statefulSets.hasSynced() && daemonSets.hasSynced())) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("listing StatefulSets and DaemonSets in namespace " + namespace + " took more than "
            + timeout.toSeconds() + " s");
      }
      Thread.sleep(10);
    }
  }

  /** StatefulSet {@code name}, once {@link #watchWorkloads} has run. */
  public V1StatefulSet statefulSet(String name) {
    return statefulSets.getIndexer().getByKey(namespace + "/" + name);
  }

  /** DaemonSet {@code name}, once {@link #watchWorkloads} has run. */
  public V1DaemonSet daemonSet(String name) {
    return daemonSets.getIndexer().getByKey(namespace + "/" + name);
  }

  public V1Deployment deployment(String name) {
    return deployments.getIndexer().getByKey(namespace + "/" + name);
  }

  public V1ConfigMap state(String name) {
    return states.getIndexer().getByKey(namespace + "/" + name);
  }

  /** The ReplicaSets the Deployment with {@code uid} controls (by owner, not by labels). */
  public List<V1ReplicaSet> replicaSetsOf(String uid) {
    return replicaSets.getIndexer().byIndex(CONTROLLER, uid);
  }

  /** The pods the ReplicaSet, StatefulSet or DaemonSet with {@code uid} controls, terminating ones excluded. */
  public List<V1Pod> podsOf(String replicaSetUid) {
    return pods.getIndexer().byIndex(CONTROLLER, replicaSetUid).stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  /** The uid of the object's controller (the owner reference with {@code controller: true}), if any. */
  static List<String> controller(KubernetesObject object) {
    List<V1OwnerReference> owners = object.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (V1OwnerReference owner : owners) {
        if (Boolean.TRUE.equals(owner.getController()) && owner.getUid() != null) {
          return List.of(owner.getUid());
        }
      }
    }
    return List.of();
  }

  @Override
  public void close() {
    factory.stopAllRegisteredInformers(false);
  }
}
