package dev.mizzen.strategies.rollout;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.render.Manifests;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Service;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * What to roll out: a Deployment as the user wants it applied (its namespace set), how
 * ({@link Strategy}), and by when.
 *
 * <pre>{@code
 * Rollout rollout = Rollout.of(shop, "web")
 *     .strategy(Canary.steps(CanaryStep.setWeight(20), CanaryStep.setWeight(100)))
 *     .deadline(Duration.ofMinutes(30));
 * }</pre>
 *
 * <p>The Deployment is what the engine applies, with server-side apply under the engine's field
 * manager (the same one as {@code ServerSideApply}, {@code mizzen} by default), so after the
 * rollout the Deployment and its field ownership are exactly what applying it directly gives.
 * Defaults: the Deployment's own strategy ({@link Strategy#asDeclared()}), a one-hour deadline.
 */
public final class Rollout {
  private final String deploymentJson;
  /** The Services as the user applies them, by name (JSON): what a blue/green pins and releases. */
  private final Map<String, String> services;
  private final String namespace;
  private final String name;
  private final Strategy strategy;
  private final Duration deadline;

  private Rollout(String deploymentJson, Map<String, String> services, String namespace, String name,
                  Strategy strategy, Duration deadline) {
    this.deploymentJson = deploymentJson;
    this.services = services;
    this.namespace = namespace;
    this.name = name;
    this.strategy = strategy;
    this.deadline = deadline;
  }

  /** Deployment {@code deployment} of {@code app}, in the app's namespace, with the app's Services. */
  public static Rollout of(App app, String deployment) {
    checkNotNull(app, "app");
    checkNotNull(deployment, "deployment");
    for (KubernetesObject object : app.objects()) {
      if (object instanceof V1Deployment found && deployment.equals(found.getMetadata().getName())) {
        Rollout rollout = of(found);
        for (KubernetesObject other : app.objects()) {
          if (other instanceof V1Service service) {
            rollout = rollout.services(service);
          }
        }
        return rollout;
      }
    }
    throw new IllegalArgumentException("App/" + app.name() + " has no Deployment named \"" + deployment
        + "\"; it has " + app.objects().stream().filter(V1Deployment.class::isInstance)
            .map(o -> o.getMetadata().getName()).toList());
  }

  /** {@code deployment} as rendered (a copy is kept: later changes to it do not count). */
  public static Rollout of(V1Deployment deployment) {
    checkNotNull(deployment, "deployment");
    checkArgument(deployment.getMetadata() != null && deployment.getMetadata().getName() != null,
        "the Deployment needs metadata.name");
    String namespace = deployment.getMetadata().getNamespace();
    checkArgument(namespace != null && !namespace.isEmpty(),
        "Deployment/%s: metadata.namespace must be set: a rollout happens in one namespace",
        deployment.getMetadata().getName());
    V1Deployment copy = JSON.deserialize(Manifests.json(deployment), V1Deployment.class);
    copy.setApiVersion("apps/v1");
    copy.setKind("Deployment");
    return new Rollout(Manifests.json(copy), ImmutableMap.of(), namespace, copy.getMetadata().getName(),
        Strategy.asDeclared(), Duration.ofHours(1));
  }

  /**
   * The same rollout knowing {@code services} as the user applies them (in the Deployment's
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
          "Service/%s is in namespace %s, the Deployment in %s", service.getMetadata().getName(), serviceNamespace,
          namespace);
      V1Service copy = JSON.deserialize(Manifests.json(service), V1Service.class);
      copy.setApiVersion("v1");
      copy.setKind("Service");
      copy.getMetadata().setNamespace(namespace);
      all.put(copy.getMetadata().getName(), Manifests.json(copy));
    }
    return new Rollout(deploymentJson, ImmutableMap.copyOf(all), namespace, name, strategy, deadline);
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
    checkArgument(other.namespace.equals(namespace) && other.name.equals(name),
        "withDeployment takes another version of Deployment/%s/%s, was Deployment/%s/%s", namespace, name,
        other.namespace, other.name);
    return new Rollout(other.deploymentJson, services, namespace, name, strategy, deadline);
  }

  /** The same rollout with {@code strategy}. */
  public Rollout strategy(Strategy strategy) {
    return new Rollout(deploymentJson, services, namespace, name, checkNotNull(strategy, "strategy"), deadline);
  }

  /**
   * The same rollout ending with {@link RolloutOutcome.DeadlineExceeded} (the stable revision
   * restored) if it is not promoted within {@code deadline} of its start. Pauses count.
   */
  public Rollout deadline(Duration deadline) {
    checkNotNull(deadline, "deadline");
    checkArgument(deadline.toMillis() > 0, "deadline must be positive, was %s", deadline);
    return new Rollout(deploymentJson, services, namespace, name, strategy, deadline);
  }

  /** A fresh copy of the Deployment to apply. */
  public V1Deployment deployment() {
    return JSON.deserialize(deploymentJson, V1Deployment.class);
  }

  /** The Deployment as JSON, exactly as the engine applies it at the end. */
  public String deploymentJson() {
    return deploymentJson;
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
    return o instanceof Rollout other && deploymentJson.equals(other.deploymentJson)
        && services.equals(other.services) && strategy.equals(other.strategy) && deadline.equals(other.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(deploymentJson, services, strategy, deadline);
  }

  @Override
  public String toString() {
    return "Rollout[Deployment/" + namespace + "/" + name + ", " + strategy.getClass().getSimpleName() + "]";
  }
}
