package dev.mizzen.testkit.assertions;

import dev.mizzen.scheduling.Taint;
import dev.mizzen.scheduling.TaintEffect;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

/**
 * Assertions every pod-bearing object shares (Deployment, StatefulSet, DaemonSet, Job, CronJob):
 * navigation to its pod template and containers, and pod-wide shortcuts that delegate to
 * {@link PodAssert} with the template's field path ({@code spec.template.spec...}).
 *
 * @param <SELF> the assert's own type
 * @param <ACTUAL> the client-java model
 */
public abstract class AbstractWorkloadAssert<SELF extends AbstractWorkloadAssert<SELF, ACTUAL>,
        ACTUAL extends KubernetesObject>
    extends AbstractKubernetesObjectAssert<SELF, ACTUAL> {

  /** An assert on {@code actual}. */
  protected AbstractWorkloadAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** The pod template of {@code actual} (which is not null), or null when it has none. */
  abstract V1PodTemplateSpec template();

  /** Where the pod template sits: {@code spec.template}, or {@code spec.jobTemplate.spec.template}. */
  abstract String templatePath();

  /** Navigates to the pod template; fails when there is none. */
  public PodAssert pod() {
    return navigate(PodAssert.class, V1PodTemplateSpec.class, PodAssert::new, actual == null ? null : template(),
        V1PodTemplateSpec::new, location().field(templatePath()),
        () -> "expected a pod template, but there is none");
  }

  /** Navigates to the app container named {@code name}; fails when there is none. */
  public ContainerAssert container(String name) {
    return pod().container(name);
  }

  /** Navigates to the init container (or native sidecar) named {@code name}; fails when there is none. */
  public ContainerAssert initContainer(String name) {
    return pod().initContainer(name);
  }

  /** The pod template's checks, reported as this assert's own failures. */
  private PodAssert podChecks() {
    requireActual();
    V1PodTemplateSpec template = template();
    if (template == null) {
      failAt(location().field(templatePath()), "expected a pod template, but there is none");
      template = new V1PodTemplateSpec();
    }
    return delegate(PodAssert::new, template, location().field(templatePath()));
  }

  /** Asserts every container runs as non-root; see {@link PodAssert#runsAsNonRoot()}. */
  public SELF runsAsNonRoot() {
    podChecks().runsAsNonRoot();
    return myself;
  }

  /** Asserts every container has CPU and memory requests and a memory limit; see {@link PodAssert#hasResources()}. */
  public SELF hasResources() {
    podChecks().hasResources();
    return myself;
  }

  /** Asserts every app container has readiness and liveness probes; see {@link PodAssert#hasProbes()}. */
  public SELF hasProbes() {
    podChecks().hasProbes();
    return myself;
  }

  /** Asserts every container's image is pinned; see {@link PodAssert#hasPinnedImages()}. */
  public SELF hasPinnedImages() {
    podChecks().hasPinnedImages();
    return myself;
  }

  /** Asserts the pods spread over {@code topologyKey}; see {@link PodAssert#isSpreadOver(String)}. */
  public SELF isSpreadOver(String topologyKey) {
    podChecks().isSpreadOver(topologyKey);
    return myself;
  }

  /**
   * Asserts the pods tolerate the taint {@code key=value:effect}; see {@link
   * PodAssert#toleratesTaint(String, String, String)}.
   */
  public SELF toleratesTaint(String key, String value, String effect) {
    podChecks().toleratesTaint(key, value, effect);
    return myself;
  }

  /** Asserts the pods tolerate the taint {@code key=value:effect}. */
  public SELF toleratesTaint(String key, String value, TaintEffect effect) {
    podChecks().toleratesTaint(key, value, effect);
    return myself;
  }

  /** Asserts the pods tolerate {@code taint}. */
  public SELF toleratesTaint(Taint taint) {
    podChecks().toleratesTaint(taint);
    return myself;
  }

  /** Asserts the pods tolerate every taint; see {@link PodAssert#toleratesEveryTaint()}. */
  public SELF toleratesEveryTaint() {
    podChecks().toleratesEveryTaint();
    return myself;
  }

  /** Asserts the pods run as service account {@code name}. */
  public SELF hasServiceAccount(String name) {
    podChecks().hasServiceAccount(name);
    return myself;
  }
}
