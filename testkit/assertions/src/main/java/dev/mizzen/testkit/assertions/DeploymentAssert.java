package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.Objects;

/** Assertions on a Deployment: replicas and strategy, plus everything about its pods. */
public class DeploymentAssert extends AbstractWorkloadAssert<DeploymentAssert, V1Deployment> {

  /** An assert on {@code actual}. */
  public DeploymentAssert(V1Deployment actual) {
    super(actual, DeploymentAssert.class);
  }

  @Override
  V1PodTemplateSpec template() {
    return actual.getSpec() == null ? null : actual.getSpec().getTemplate();
  }

  @Override
  String templatePath() {
    return "spec.template";
  }

  /** Asserts {@code spec.replicas} (1, the API server's default, when unset). */
  public DeploymentAssert hasReplicas(int replicas) {
    requireActual();
    Integer found = actual.getSpec() == null ? null : actual.getSpec().getReplicas();
    if (replicas != (found == null ? 1 : found)) {
      failAt(location().field("spec.replicas"), "expected " + replicas + ", but was "
          + (found == null ? "unset (the API server's default is 1)" : found));
    }
    return myself;
  }

  /** Asserts the strategy type: {@code RollingUpdate} (the API server's default when unset) or {@code Recreate}. */
  public DeploymentAssert hasStrategy(String type) {
    requireActual();
    V1DeploymentStrategy strategy = actual.getSpec() == null ? null : actual.getSpec().getStrategy();
    String found = strategy == null ? null : strategy.getType();
    if (!Objects.equals(type, found == null ? "RollingUpdate" : found)) {
      failAt(location().field("spec.strategy.type"), "expected " + quote(type) + ", but was "
          + (found == null ? "unset (the API server's default is \"RollingUpdate\")" : quote(found)));
    }
    return myself;
  }
}
