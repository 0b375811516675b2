package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.render.Manifests;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to roll out: a Deployment, StatefulSet or DaemonSet as the user wants it applied (its
 * namespace set), how ({@link Strategy}), and by when.
 *
 * <pre>{@code
 * Rollout rollout = Rollout.of(shop, "web")
 *     .strategy(Canary.steps(CanaryStep.setWeight(20), CanaryStep.setWeight(100)))
 *     .deadline(Duration.ofMinutes(30));
 * }</pre>
 *
 * <p>The workload is what the engine applies, with server-side apply under the engine's field
 * manager (the same one as {@code ServerSideApply}, {@code mizzen} by default), so after the
 * rollout the object and its field ownership are exactly what applying it directly gives.
 * Defaults: the workload's own strategy ({@link Strategy#asDeclared()}), a one-hour deadline. A
 * {@link Canary} or {@link BlueGreen} is for Deployments; a StatefulSet or DaemonSet rolls out with
 * its own strategy (a StatefulSet's partition stages it), followed to {@code kubectl rollout
 * status}'s verdict.
 */
public final class Rollout {
  private static final String DEPLOYMENT = "Deployment";

  private final String kind;
  private final String objectJson;
  /** The Services as the user applies them, by name (JSON): what a blue/green pins and releases. */
  private final Map<String, String> services;
  private final String namespace;
  private final String name;
  private final Strategy strategy;
  private final Duration deadline;

  private Rollout(String kind, String objectJson, Map<String, String> services, String namespace, String name,
                  Strategy strategy, Duration deadline) {
    this.kind = kind;
    this.objectJson = objectJson;
    this.services = services;
    this.namespace = namespace;
    this.name = name;
    this.strategy = strategy;
    this.deadline = deadline;
  }

  /**
   * The Deployment, StatefulSet or DaemonSet named {@code workload} of {@code app}, in the app's
   * namespace, with the app's Services.
   */
  public static Rollout of(App app, String workload) {
    checkNotNull(app, "app");
    checkNotNull(workload, "workload");
    List<KubernetesObject> workloads = app.objects().stream().filter(Rollout::isWorkload).toList();
    List<KubernetesObject> found = workloads.stream().filter(o -> workload.equals(o.getMetadata().getName())).toList();
    if (found.size() != 1) {
      throw new IllegalArgumentException("App/" + app.name() + (found.isEmpty()
          ? " has no Deployment, StatefulSet or DaemonSet named \"" + workload + "\"; it has "
              + workloads.stream().map(o -> kindOf(o) + "/" + o.getMetadata().getName()).toList()
          : " has " + found.size() + " workloads named \"" + workload + "\" (" + found.stream().map(Rollout::kindOf)
              .toList() + "); roll one out with Rollout.of(the rendered object)"));
    }
    KubernetesObject chosen = found.get(0);
    Rollout rollout = chosen instanceof V1Deployment deployment ? of(deployment)
        : chosen instanceof V1StatefulSet statefulSet ? of(statefulSet) : of((V1DaemonSet) chosen);
    for (KubernetesObject other : app.objects()) {
      if (other instanceof V1Service service) {
        rollout = rollout.services(service);
      }
    }
    return rollout;
  }

  /** {@code deployment} as rendered (a copy is kept: later changes to it do not count). */
  public static Rollout of(V1Deployment deployment) {
    checkNotNull(deployment, "deployment");
    V1Deployment copy = JSON.deserialize(Manifests.json(deployment), V1Deployment.class);
    copy.apiVersion("apps/v1").kind(DEPLOYMENT);
    return ofCopy(copy);
  }

  /**
   * {@code statefulSet} as rendered, rolled out with its own strategy (RollingUpdate, its
   * partition respected), done when {@code kubectl rollout status} would say so.
   */
  public static Rollout of(V1StatefulSet statefulSet) {
    checkNotNull(statefulSet, "statefulSet");
    V1StatefulSet copy = JSON.deserialize(Manifests.json(statefulSet), V1StatefulSet.class);
    copy.apiVersion("apps/v1").kind("StatefulSet");
    return ofCopy(copy);
  }

  /** {@code daemonSet} as rendered, rolled out with its own RollingUpdate strategy. */
  public static Rollout of(V1DaemonSet daemonSet) {
    checkNotNull(daemonSet, "daemonSet");
    V1DaemonSet copy = JSON.deserialize(Manifests.json(daemonSet), V1DaemonSet.class);
    copy.apiVersion("apps/v1").kind("DaemonSet");
    return ofCopy(copy);
  }

  /** A rollout of {@code copy}, a copy of the user's object with its apiVersion and kind set. */
  private static Rollout ofCopy(KubernetesObject copy) {
    String kind = copy.getKind();
    checkArgument(copy.getMetadata() != null && copy.getMetadata().getName() != null, "the %s needs metadata.name",
        kind);
    String namespace = copy.getMetadata().getNamespace();
    checkArgument(namespace != null && !namespace.isEmpty(),
        "%s/%s: metadata.namespace must be set: a rollout happens in one namespace", kind, copy.getMetadata().getName());
    return new Rollout(kind, Manifests.json(copy), ImmutableMap.of(), namespace, copy.getMetadata().getName(),
        Strategy.asDeclared(), Duration.ofHours(1));
  }

  private static boolean isWorkload(KubernetesObject object) {
    return object instanceof V1Deployment || object instanceof V1StatefulSet || object instanceof V1DaemonSet;
  }

  private static String kindOf(KubernetesObject object) {
    return object instanceof V1Deployment ? DEPLOYMENT : object instanceof V1StatefulSet ? "StatefulSet" : "DaemonSet";
  }

  /**
   * The same rollout knowing {@code services} as the user applies them (in the workload's
   * namespace). A {@link BlueGreen} needs its Services so: it pins them by applying them with
   * {@code pod-template-hash} added to the selector, as the user would, and releases them by
   * applying them unchanged. {@link #of(App, String)} takes the App's Services.
   */
  public Rollout services(V1Service... services) {
    Map<String, String> all = new LinkedHashMap<>(this.services);
    for (V1Service service : services) {
      checkArgument(service.getMetadata() != null && service.getMetadata().getName() != null,
          "a Service needs metadata.name");
      String serviceNamespace = service.getMetadata().getNamespace();
      checkArgument(serviceNamespace == null || serviceNamespace.equals(namespace),
          "Service/%s is in namespace %s, the %s in %s", service.getMetadata().getName(), serviceNamespace, kind,
          namespace);
      V1Service copy = JSON.deserialize(Manifests.json(service), V1Service.class);
      copy.setApiVersion("v1");
      copy.setKind("Service");
      copy.getMetadata().setNamespace(namespace);
      all.put(copy.getMetadata().getName(), Manifests.json(copy));
    }
    return new Rollout(kind, objectJson, ImmutableMap.copyOf(all), namespace, name, strategy, deadline);
  }

  /** Service {@code name} as the user applies it, if this rollout was given it. */
  public Optional<V1Service> service(String name) {
    String json = services.get(name);
    return json == null ? Optional.empty() : Optional.of(JSON.deserialize(json, V1Service.class));
  }

  /**
   * The same rollout (strategy, Services, deadline) of {@code next}, another version of the same
   * Deployment: say, the next release rolled out the way this one was.
   */
  public Rollout withDeployment(V1Deployment next) {
    Rollout other = of(next);
    checkArgument(kind.equals(DEPLOYMENT) && other.namespace.equals(namespace) && other.name.equals(name),
        "withDeployment takes another version of %s, was %s", ref(), other.ref());
    return new Rollout(kind, other.objectJson, services, namespace, name, strategy, deadline);
  }

  /**
   * The same rollout with {@code strategy}. A {@link Canary} or {@link BlueGreen} is for a
   * Deployment only.
   */
  public Rollout strategy(Strategy strategy) {
    checkNotNull(strategy, "strategy");
    if (!(strategy instanceof Strategy.AsDeclared) && !kind.equals(DEPLOYMENT)) {
      throw new IllegalArgumentException(ref() + ": a " + strategy.getClass().getSimpleName() + " is for Deployments;"
          + " a " + kind + " rolls out with its own strategy (Strategy.asDeclared()" + (kind.equals("StatefulSet")
              ? "; stage it with spec.updateStrategy.rollingUpdate.partition)" : ")"));
    }
    return new Rollout(kind, objectJson, services, namespace, name, strategy, deadline);
  }

  /**
   * The same rollout ending with {@link RolloutOutcome.DeadlineExceeded} (the stable revision
   * restored) if it is not promoted within {@code deadline} of its start. Pauses count.
   */
  public Rollout deadline(Duration deadline) {
    checkNotNull(deadline, "deadline");
    checkArgument(deadline.toMillis() > 0, "deadline must be positive, was %s", deadline);
    return new Rollout(kind, objectJson, services, namespace, name, strategy, deadline);
  }

  /** The workload's kind: {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}. */
  public String kind() {
    return kind;
  }

  /** A fresh copy of the Deployment to apply; for the rollout of a Deployment only. */
  public V1Deployment deployment() {
    checkArgument(kind.equals(DEPLOYMENT), "%s is not a Deployment", ref());
    return JSON.deserialize(objectJson, V1Deployment.class);
  }

  /** The workload as JSON, exactly as the engine applies it at the end. */
  public String objectJson() {
    return objectJson;
  }

  /** {@code Kind/namespace/name}. */
  public String ref() {
    return kind + "/" + namespace + "/" + name;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public Strategy strategy() {
    return strategy;
  }

  public Duration deadline() {
    return deadline;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rollout other && objectJson.equals(other.objectJson)
        && services.equals(other.services) && strategy.equals(other.strategy) && deadline.equals(other.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(objectJson, services, strategy, deadline);
  }

  @Override
  public String toString() {
    return "Rollout[" + ref() + ", " + strategy.getClass().getSimpleName() + "]";
  }
}
