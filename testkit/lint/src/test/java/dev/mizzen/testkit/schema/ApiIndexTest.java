package dev.mizzen.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

class ApiIndexTest {

  @Test
  void mapsApiVersionAndKindToModelClasses() {
    assertThat(ApiIndex.modelClass("apps/v1", "Deployment")).contains(V1Deployment.class);
    assertThat(ApiIndex.modelClass("v1", "Pod")).contains(V1Pod.class);
    assertThat(ApiIndex.modelClass("v1", "Event")).contains(CoreV1Event.class);
    assertThat(ApiIndex.modelClass("events.k8s.io/v1", "Event")).contains(EventsV1Event.class);
    assertThat(ApiIndex.modelClass("autoscaling/v2", "HorizontalPodAutoscaler"))
        .contains(V2HorizontalPodAutoscaler.class);
  }

  @Test
  void respectsTheGroupUnlikeModelMapper() {
    assertThat(ApiIndex.modelClass("networking.k8s.io/v1", "Deployment")).isEmpty();
    assertThat(ApiIndex.modelClass("apps/v1", "Pod")).isEmpty();
    assertThat(ApiIndex.modelClass("extensions/v1beta1", "Ingress")).isEmpty();
  }

  @Test
  void answersQuestionsAboutVersionsGroupsAndKinds() {
    assertThat(ApiIndex.isKnownApiVersion("apps/v1")).isTrue();
    assertThat(ApiIndex.isKnownApiVersion("apps/v2")).isFalse();
    assertThat(ApiIndex.isBuiltInGroup("")).isTrue();
    assertThat(ApiIndex.isBuiltInGroup("networking.k8s.io")).isTrue();
    assertThat(ApiIndex.isBuiltInGroup("extensions")).isTrue();
    assertThat(ApiIndex.isBuiltInGroup("monitoring.coreos.com")).isFalse();
    assertThat(ApiIndex.kinds("batch/v1")).containsExactly("CronJob", "Job");
    assertThat(ApiIndex.apiVersions("autoscaling")).containsExactly("autoscaling/v1", "autoscaling/v2");
    assertThat(ApiIndex.apiVersionsOf("HorizontalPodAutoscaler")).containsExactly("autoscaling/v1", "autoscaling/v2");
    assertThat(ApiIndex.group("v1")).isEmpty();
    assertThat(ApiIndex.group("apps/v1")).isEqualTo("apps");
    assertThat(ApiIndex.version("apps/v1")).isEqualTo("v1");
    assertThat(ApiIndex.isNamed("Deployment")).isTrue();
    assertThat(ApiIndex.isNamed("SelfSubjectAccessReview")).isFalse();
  }

  /** Every top-level model of client-java is in the index, and nothing else. */
  @Test
  void coversEveryKindClientJavaHasAModelOf() throws Exception {
    Path jar = Path.of(V1Pod.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> models = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        String name = entry.getName();
        if (name.startsWith("io/kubernetes/client/openapi/models/") && name.endsWith(".class") && !name.contains("$")) {
          Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
              getClass().getClassLoader());
          if (KubernetesObject.class.isAssignableFrom(type) && !KubernetesListObject.class.isAssignableFrom(type)) {
            models.add(type.getName());
          }
        }
      }
    }

    assertThat(new TreeSet<>(ApiIndex.classNames())).isEqualTo(models);
    for (String apiVersion : ApiIndex.apiVersions()) {
      for (String kind : ApiIndex.kinds(apiVersion)) {
        assertThat(ApiIndex.modelClass(apiVersion, kind)).as(apiVersion + " " + kind).isPresent();
      }
    }
  }
}
