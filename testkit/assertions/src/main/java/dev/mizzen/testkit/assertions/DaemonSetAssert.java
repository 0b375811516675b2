package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

/** Assertions on a DaemonSet: everything about its pods (one per eligible node). */
public class DaemonSetAssert extends AbstractWorkloadAssert<DaemonSetAssert, V1DaemonSet> {

  /** An assert on {@code actual}. */
  public DaemonSetAssert(V1DaemonSet actual) {
    super(actual, DaemonSetAssert.class);
  }

  @Override
  V1PodTemplateSpec template() {
    return actual.getSpec() == null ? null : actual.getSpec().getTemplate();
  }

  @Override
  String templatePath() {
    return "spec.template";
  }
}
