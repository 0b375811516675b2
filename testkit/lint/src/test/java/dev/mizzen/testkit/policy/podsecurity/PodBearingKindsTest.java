package dev.mizzen.testkit.policy.podsecurity;

import static dev.mizzen.testkit.policy.TestPods.app;
import static dev.mizzen.testkit.policy.TestPods.cronJob;
import static dev.mizzen.testkit.policy.TestPods.deployment;
import static dev.mizzen.testkit.policy.TestPods.restrictedSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.Policies;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1DaemonSetSpec;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplate;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import io.kubernetes.client.openapi.models.V1ReplicationController;
import io.kubernetes.client.openapi.models.V1ReplicationControllerSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodBearingKindsTest {

  private static V1PodSpec privileged() {
    V1PodSpec spec = restrictedSpec();
    app(spec).getSecurityContext().allowPrivilegeEscalation(null).privileged(true);
    return spec;
  }

  private static V1PodTemplateSpec template() {
    return new V1PodTemplateSpec().spec(privileged());
  }

  private static V1ObjectMeta meta() {
    return new V1ObjectMeta().name("w").namespace("ns");
  }

  @Test
  void everyPodBearingKindIsCheckedAtItsPodSpecPath() {
    List<KubernetesObject> objects = List.of(
        deployment("w", 2, privileged()),
        new V1StatefulSet().metadata(meta()).spec(new V1StatefulSetSpec().template(template())),
        new V1DaemonSet().metadata(meta()).spec(new V1DaemonSetSpec().template(template())),
        new V1ReplicaSet().metadata(meta()).spec(new V1ReplicaSetSpec().template(template())),
        new V1ReplicationController().metadata(meta()).spec(new V1ReplicationControllerSpec().template(template())),
        new V1Job().metadata(meta()).spec(new V1JobSpec().template(template())),
        cronJob("w", privileged()),
        new V1PodTemplate().metadata(meta()).template(template()),
        new V1Service().metadata(meta()));
    List<Finding> findings = Policies.baseline().check(objects);
    assertThat(findings).extracting(f -> f.object() + " " + f.path()).containsExactly(
        "CronJob/ns/w spec.jobTemplate.spec.template.spec.containers[app].securityContext.privileged",
        "DaemonSet/ns/w spec.template.spec.containers[app].securityContext.privileged",
        "Deployment/ns/w spec.template.spec.containers[app].securityContext.privileged",
        "Job/ns/w spec.template.spec.containers[app].securityContext.privileged",
        "PodTemplate/ns/w template.spec.containers[app].securityContext.privileged",
        "ReplicaSet/ns/w spec.template.spec.containers[app].securityContext.privileged",
        "ReplicationController/ns/w spec.template.spec.containers[app].securityContext.privileged",
        "StatefulSet/ns/w spec.template.spec.containers[app].securityContext.privileged");
  }

  @Test
  void templateAnnotationsAreThePodsAnnotations() {
    var deployment = deployment("w", 2, restrictedSpec());
    deployment.getSpec().getTemplate().getMetadata()
        .putAnnotationsItem("container.apparmor.security.beta.kubernetes.io/app", "unconfined");
    assertThat(Policies.baseline().check(deployment)).extracting(Finding::path).containsExactly(
        "spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]");
  }

  @Test
  void objectsWithoutAPodSpecAreSkipped() {
    assertThat(Policies.restricted().check(new V1Job().metadata(meta()), new V1StatefulSet().metadata(meta()))).isEmpty();
  }
}
