package dev.mizzen.testkit.parity;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressRule;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.network.ServicePort;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.Job;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.scheduling.Placement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The DSL calls of one spec, recorded and replayed in builder order: the builders are strict
 * (each attribute set once), so changes are collected per builder and applied when the object
 * is built. Without changes it builds a valid object of its kind: the base every change starts from.
 */
final class Draft {
  /** The base object's name: a valid name of every kind. */
  static final String BASE_NAME = "web";
  /** The base container's image. */
  static final String BASE_IMAGE = "registry.example/acme/web:1.0";

  private final Kind kind;
  private String name = BASE_NAME;
  private String schedule = "*/5 * * * *";
  private String image = BASE_IMAGE;
  private Consumer<PodDisruptionBudget.Builder> budget = b -> b.maxUnavailable(1);
  private Consumer<HorizontalPodAutoscaler.Builder> replicas = b -> b.minReplicas(1).maxReplicas(5);
  private Consumer<HorizontalPodAutoscaler.Builder> metrics = b -> b.cpuUtilization(80);
  private Consumer<HorizontalPodAutoscaler.Builder> target = b -> b.scaling(ScaleTarget.deployment("web"));
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final List<Consumer<Container.Builder>> app = new ArrayList<>();
  private final List<Consumer<ContainerSecurity.Builder>> appSecurity = new ArrayList<>();
  private Supplier<Resources.Builder> appResources;
  private final List<Consumer<PodTemplate.Builder>> pod = new ArrayList<>();
  private final List<Consumer<PodSecurity.Builder>> podSecurity = new ArrayList<>();
  private final List<Supplier<Placement.Builder>> placement = new ArrayList<>();
  private final List<Consumer<Object>> object = new ArrayList<>();

  Draft(Kind kind) {
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  Draft name(String name) {
    this.name = name;
    return this;
  }

  /** A CronJob's schedule (the base has one, as the DSL requires). */
  Draft schedule(String schedule) {
    this.schedule = schedule;
    return this;
  }

  /** The app container's image (the base has one). */
  Draft image(String image) {
    this.image = image;
    return this;
  }

  /** A PodDisruptionBudget's amounts, instead of the base's {@code maxUnavailable: 1}. */
  Draft budget(Consumer<PodDisruptionBudget.Builder> amounts) {
    this.budget = amounts;
    return this;
  }

  /** A HorizontalPodAutoscaler's replicas, instead of the base's 1..5. */
  Draft replicas(Consumer<HorizontalPodAutoscaler.Builder> replicas) {
    this.replicas = replicas;
    return this;
  }

  /** A HorizontalPodAutoscaler's metrics, instead of the base's 80% CPU. */
  Draft metrics(Consumer<HorizontalPodAutoscaler.Builder> metrics) {
    this.metrics = metrics;
    return this;
  }

  /** A HorizontalPodAutoscaler's scale target, instead of the base's Deployment {@code web}. */
  Draft scaleTarget(Consumer<HorizontalPodAutoscaler.Builder> target) {
    this.target = target;
    return this;
  }

  Draft label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  Draft annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /** A change to the app container {@code web}. */
  Draft app(Consumer<Container.Builder> change) {
    app.add(change);
    return this;
  }

  /** A change to the app container's security, starting from {@code ContainerSecurity.restricted()}. */
  Draft appSecurity(Consumer<ContainerSecurity.Builder> change) {
    appSecurity.add(change);
    return this;
  }

  /** The app container's resources (one change per slot sets them), made when the pod template is. */
  Draft appResources(Supplier<Resources.Builder> resources) {
    appResources = resources;
    return this;
  }

  Draft pod(Consumer<PodTemplate.Builder> change) {
    pod.add(change);
    return this;
  }

  /** A change to the pod's security, starting from {@code PodSecurity.restricted()}. */
  Draft podSecurity(Consumer<PodSecurity.Builder> change) {
    podSecurity.add(change);
    return this;
  }

  /** A part of the pod's placement, made when the pod template is and merged with the other parts. */
  Draft placement(Supplier<Placement.Builder> part) {
    placement.add(part);
    return this;
  }

  /**
   * A change to the builder of the object itself ({@code Deployment.Builder}, ...), which must be
   * of {@code type}; a change for another kind is a mistake of the catalogue.
   */
  <B> Draft on(Class<B> type, Consumer<B> change) {
    object.add(builder -> {
      if (!type.isInstance(builder)) {
        throw new IllegalStateException("a change for " + type.getSimpleName() + " applied to " + kind);
      }
      change.accept(type.cast(builder));
    });
    return this;
  }

  /** Builds the object through the DSL: throws what {@code build()} throws. */
  KubernetesResource build() {
    return switch (kind) {
      case DEPLOYMENT -> apply(Deployment.named(name).labels(labels).annotations(annotations)
          .pod(podTemplate())).build();
      case STATEFUL_SET -> apply(StatefulSet.named(name).labels(labels).annotations(annotations)
          .pod(podTemplate())).build();
      case DAEMON_SET -> apply(DaemonSet.named(name).labels(labels).annotations(annotations)
          .pod(podTemplate())).build();
      case JOB -> apply(Job.named(name).labels(labels).annotations(annotations)
          .pod(podTemplate())).build();
      case CRON_JOB -> apply(CronJob.named(name).schedule(schedule).labels(labels)
          .annotations(annotations).pod(podTemplate())).build();
      case SERVICE -> apply(Service.named(name).labels(labels).annotations(annotations)
          .selecting("web").port(ServicePort.tcp(80).name("http"))).build();
      case CONFIG_MAP -> apply(ConfigMap.named(name).labels(labels).annotations(annotations)
          .data("base", "value")).build();
      case SECRET -> apply(Secret.named(name).labels(labels).annotations(annotations)
          .data("base", "value")).build();
      case POD_DISRUPTION_BUDGET -> {
        PodDisruptionBudget.Builder b = PodDisruptionBudget.named(name).labels(labels)
            .annotations(annotations).selecting("web");
        budget.accept(b);
        yield apply(b).build();
      }
      case NETWORK_POLICY -> apply(NetworkPolicy.named(name).labels(labels).annotations(annotations)
          .selecting("web")).build();
      case HORIZONTAL_POD_AUTOSCALER -> {
        HorizontalPodAutoscaler.Builder b = HorizontalPodAutoscaler.named(name).labels(labels)
            .annotations(annotations);
        replicas.accept(b);
        metrics.accept(b);
        target.accept(b);
        yield apply(b).build();
      }
      case INGRESS -> apply(Ingress.named(name).labels(labels).annotations(annotations)
          .rule(IngressRule.host("shop.example.com").prefix("/", "web", 80))).build();
    };
  }

  /**
   * The annotations in which the DSL records the pod's security opt-outs and their reasons
   * (on the pod template and on the workload), empty if the pod template cannot be built.
   */
  Map<String, String> optOutAnnotations() {
    if (!kind.hasPods()) {
      return Map.of();
    }
    try {
      return podTemplate().build().optOutAnnotations();
    } catch (RuntimeException notBuildable) {
      return Map.of();
    }
  }

  private <B> B apply(B builder) {
    object.forEach(change -> change.accept(builder));
    return builder;
  }

  private PodTemplate.Builder podTemplate() {
    Container.Builder web = Container.named("web").image(image);
    app.forEach(change -> change.accept(web));
    if (!appSecurity.isEmpty()) {
      ContainerSecurity.Builder security = ContainerSecurity.restricted();
      appSecurity.forEach(change -> change.accept(security));
      web.security(security);
    }
    if (appResources != null) {
      web.resources(appResources.get());
    }
    PodTemplate.Builder template = PodTemplate.container(web);
    pod.forEach(change -> change.accept(template));
    if (!podSecurity.isEmpty()) {
      PodSecurity.Builder security = PodSecurity.restricted();
      podSecurity.forEach(change -> change.accept(security));
      template.security(security);
    }
    if (!placement.isEmpty()) {
      Placement.Builder merged = placement.get(0).get();
      placement.subList(1, placement.size()).forEach(part -> merged.merge(part.get().build()));
      template.placement(merged);
    }
    return template;
  }
}
