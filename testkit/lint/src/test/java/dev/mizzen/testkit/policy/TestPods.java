package dev.mizzen.testkit.policy;

import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CronJobSpec;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1JobTemplateSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Pods and workloads for policy tests: clean by default, changed by each test. */
public final class TestPods {
  private TestPods() {}

  /** A container that passes Pod Security "restricted" on its own (the pod sets runAsNonRoot and seccomp). */
  public static V1Container restrictedContainer(String name) {
    return new V1Container().name(name).image("registry.k8s.io/pause:3.10")
        .securityContext(new V1SecurityContext()
            .allowPrivilegeEscalation(false)
            .capabilities(new V1Capabilities().addDropItem("ALL")));
  }

  /** A pod spec that passes "restricted": one container {@code app}, runAsNonRoot and RuntimeDefault seccomp at pod level. */
  public static V1PodSpec restrictedSpec() {
    return new V1PodSpec()
        .securityContext(new V1PodSecurityContext()
            .runAsNonRoot(true)
            .seccompProfile(new V1SeccompProfile().type("RuntimeDefault")))
        .addContainersItem(restrictedContainer("app"));
  }

  /** A pod spec that passes "baseline" but not "restricted": one container {@code app} without security settings. */
  public static V1PodSpec baselineSpec() {
    return new V1PodSpec().addContainersItem(new V1Container().name("app").image("registry.k8s.io/pause:3.10"));
  }

  /** A Pod {@code ns/name} with {@code spec}. */
  public static V1Pod pod(String name, V1PodSpec spec) {
    return new V1Pod().apiVersion("v1").kind("Pod")
        .metadata(new V1ObjectMeta().name(name).namespace("ns").putLabelsItem("app", name))
        .spec(spec);
  }

  /** A restricted Pod {@code ns/name}. */
  public static V1Pod pod(String name) {
    return pod(name, restrictedSpec());
  }

  /** A Deployment {@code ns/name} of {@code replicas}, selecting {@code app=name}, with pod spec {@code spec}. */
  public static V1Deployment deployment(String name, Integer replicas, V1PodSpec spec) {
    return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
        .metadata(new V1ObjectMeta().name(name).namespace("ns"))
        .spec(new V1DeploymentSpec()
            .replicas(replicas)
            .selector(new V1LabelSelector().putMatchLabelsItem("app", name))
            .template(new V1PodTemplateSpec()
                .metadata(new V1ObjectMeta().putLabelsItem("app", name))
                .spec(spec)));
  }

  /** A CronJob {@code ns/name} running pods with {@code spec}. */
  public static V1CronJob cronJob(String name, V1PodSpec spec) {
    return new V1CronJob().apiVersion("batch/v1").kind("CronJob")
        .metadata(new V1ObjectMeta().name(name).namespace("ns"))
        .spec(new V1CronJobSpec().schedule("*/5 * * * *")
            .jobTemplate(new V1JobTemplateSpec().spec(new V1JobSpec()
                .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().putLabelsItem("app", name)).spec(spec)))));
  }

  /** The pod spec's first container. */
  public static V1Container app(V1PodSpec spec) {
    return spec.getContainers().get(0);
  }

  /** The findings of rule {@code ruleId}. */
  public static List<Finding> of(List<Finding> findings, String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).collect(Collectors.toList());
  }

  /** The distinct rule ids of {@code findings}, sorted. */
  public static List<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).distinct().sorted().collect(Collectors.toList());
  }

  /** {@code path: message} of each finding, for compact assertions. */
  public static List<String> pathsAndMessages(List<Finding> findings) {
    List<String> result = new ArrayList<>();
    findings.forEach(f -> result.add(f.path() + ": " + f.message()));
    return result;
  }

  /** Labels {@code k1, v1, k2, v2, ...}. */
  public static Map<String, String> labels(String... keysAndValues) {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      labels.put(keysAndValues[i], Objects.requireNonNull(keysAndValues[i + 1]));
    }
    return labels;
  }
}
