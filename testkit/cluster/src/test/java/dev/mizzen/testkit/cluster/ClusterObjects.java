package dev.mizzen.testkit.cluster;

import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plain client-java objects for the cluster tests (the testkit does not depend on the DSL's output). */
final class ClusterObjects {
  private ClusterObjects() {}

  /** A Deployment whose pods pass Pod Security "restricted", with {@code behaviour} on its template. */
  static V1Deployment deployment(String name, int replicas, PodBehaviour behaviour, int progressDeadlineSeconds) {
    Map<String, String> selector = Map.of("app", name);
    Map<String, String> podLabels = new HashMap<>(selector);
    podLabels.putAll(behaviour.labels());
    return new V1Deployment()
        .apiVersion("apps/v1")
        .kind("Deployment")
        .metadata(new V1ObjectMeta().name(name))
        .spec(new V1DeploymentSpec()
            .replicas(replicas)
            .progressDeadlineSeconds(progressDeadlineSeconds)
            .selector(new V1LabelSelector().matchLabels(selector))
            .template(new V1PodTemplateSpec()
                .metadata(new V1ObjectMeta().labels(podLabels).annotations(behaviour.annotations()))
                .spec(restrictedPod(name))));
  }

  static V1PodSpec restrictedPod(String name) {
    return new V1PodSpec()
        .securityContext(new V1PodSecurityContext()
            .runAsNonRoot(true)
            .seccompProfile(new V1SeccompProfile().type("RuntimeDefault")))
        .containers(List.of(new V1Container()
            .name(name)
            .image("registry.example/" + name + ":1.0.0")
            .securityContext(new V1SecurityContext()
                .allowPrivilegeEscalation(false)
                .capabilities(new V1Capabilities().drop(List.of("ALL"))))));
  }
}
