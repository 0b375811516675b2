package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.List;
import java.util.Objects;

/** Assertions on a StatefulSet: replicas, governing Service and claim templates, plus its pods. */
public class StatefulSetAssert extends AbstractWorkloadAssert<StatefulSetAssert, V1StatefulSet> {

  /** An assert on {@code actual}. */
  public StatefulSetAssert(V1StatefulSet actual) {
    super(actual, StatefulSetAssert.class);
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
  public StatefulSetAssert hasReplicas(int replicas) {
    requireActual();
    Integer found = actual.getSpec() == null ? null : actual.getSpec().getReplicas();
    if (replicas != (found == null ? 1 : found)) {
      failAt(location().field("spec.replicas"), "expected " + replicas + ", but was "
          + (found == null ? "unset (the API server's default is 1)" : found));
    }
    return myself;
  }

  /** Asserts the governing (headless) Service's name. */
  public StatefulSetAssert hasServiceName(String serviceName) {
    requireActual();
    String found = actual.getSpec() == null ? null : actual.getSpec().getServiceName();
    if (!Objects.equals(serviceName, found)) {
      failAt(location().field("spec.serviceName"), "expected " + quote(serviceName) + ", but was " + quote(found));
    }
    return myself;
  }

  /** Asserts a volume claim template named {@code name}. */
  public StatefulSetAssert hasVolumeClaimTemplate(String name) {
    requireActual();
    List<V1PersistentVolumeClaim> claims =
        actual.getSpec() == null || actual.getSpec().getVolumeClaimTemplates() == null
            ? List.of() : actual.getSpec().getVolumeClaimTemplates();
    List<String> names = claims.stream().map(ObjectFields::name).toList();
    if (!names.contains(name)) {
      failAt(location().field("spec.volumeClaimTemplates"), "expected a claim template named " + quote(name)
          + ", but found " + names);
    }
    return myself;
  }
}
