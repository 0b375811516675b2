package dev.mizzen.scheduling.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.scheduling.Taint;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.Problem;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Taint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTest {

  private static Map<String, Quantity> quantities(String... resourceAndQuantity) {
    ImmutableMap.Builder<String, Quantity> map = ImmutableMap.builder();
    for (int i = 0; i < resourceAndQuantity.length; i += 2) {
      map.put(resourceAndQuantity[i], Quantity.fromString(resourceAndQuantity[i + 1]));
    }
    return map.build();
  }

  @Test
  void rendersMetadataTaintsAndResources() {
    Node node = Node.named("general-zone-a-1")
        .zone("zone-a")
        .pool("general")
        .capacity("cpu", "4")
        .capacity("memory", "16Gi")
        .capacity("pods", "110")
        .allocatable("cpu", "3800m")
        .allocatable("memory", "15Gi")
        .allocatable("pods", "110")
        .taint("dedicated", "web", TaintEffect.NO_SCHEDULE)
        .taint(Taint.of("example.com/maintenance", TaintEffect.PREFER_NO_SCHEDULE))
        .build();

    assertThat(node.toV1Node()).isEqualTo(new V1Node()
        .apiVersion("v1")
        .kind("Node")
        .metadata(new V1ObjectMeta()
            .name("general-zone-a-1")
            .labels(ImmutableMap.of(
                "kubernetes.io/hostname", "general-zone-a-1",
                "topology.kubernetes.io/zone", "zone-a",
                "node-pool", "general"))
            .annotations(null)
            .finalizers(null)
            .managedFields(null)
            .ownerReferences(null))
        .spec(new V1NodeSpec()
            .taints(List.of(
                new V1Taint().key("dedicated").value("web").effect("NoSchedule"),
                new V1Taint().key("example.com/maintenance").effect("PreferNoSchedule")))
            .podCIDRs(null))
        .status(new V1NodeStatus()
            .capacity(quantities("cpu", "4", "memory", "16Gi", "pods", "110"))
            .allocatable(quantities("cpu", "3800m", "memory", "15Gi", "pods", "110"))
            .addresses(null)
            .conditions(null)
            .images(null)
            .runtimeHandlers(null)
            .volumesAttached(null)
            .volumesInUse(null)));
  }

  @Test
  void allocatableDefaultsToCapacity() {
    Node node = Node.named("n1").capacity("cpu", "4").capacity("nvidia.com/gpu", "2").build();
    assertThat(node.effectiveAllocatable()).isEqualTo(node.capacity());
    assertThat(node.toV1Node().getStatus().getAllocatable()).isEqualTo(quantities("cpu", "4", "nvidia.com/gpu", "2"));
  }

  @Test
  void aBareNodeRendersMinimalJson() {
    assertThat(JSON.serialize(Node.named("n1").capacity("cpu", "4").build().toV1Node())).isEqualTo(
        "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"labels\":{\"kubernetes.io/hostname\":\"n1\"},"
            + "\"name\":\"n1\"},\"status\":{\"allocatable\":{\"cpu\":\"4\"},\"capacity\":{\"cpu\":\"4\"}}}");
  }

  @Test
  void annotationsAndCordoningRender() {
    V1Node node = Node.named("kwok-1").annotation("kwok.x-k8s.io/node", "fake").unschedulable(true).build().toV1Node();
    assertThat(node.getMetadata().getAnnotations()).isEqualTo(Map.of("kwok.x-k8s.io/node", "fake"));
    assertThat(node.getSpec()).isEqualTo(new V1NodeSpec().unschedulable(true).taints(null).podCIDRs(null));
    assertThat(node.getStatus()).isNull();
  }

  @Test
  void hostnameLabelIsTheNameUnlessGiven() {
    assertThat(Node.named("n1").build().effectiveLabels()).isEqualTo(Map.of(Topology.HOSTNAME, "n1"));
    assertThat(Node.named("n1.example.com").label(Topology.HOSTNAME, "n1").build().effectiveLabels())
        .isEqualTo(Map.of(Topology.HOSTNAME, "n1"));
    assertThat(Node.named("n1").build().objectRef()).hasToString("Node/n1");
  }

  @Test
  void buildThrowsEveryProblemAtOnceWithItsPath() {
    InvalidSpecException thrown = catchThrowableOfType(InvalidSpecException.class, () -> Node.named("Bad_Name")
        .label("ok", "bad value!")
        .annotation("bad key", "x")
        .taint("", "v", TaintEffect.NO_SCHEDULE)
        .taint("dedicated", "a", TaintEffect.NO_SCHEDULE)
        .taint("dedicated", "b", TaintEffect.NO_SCHEDULE)
        .taint("dedicated", "c", TaintEffect.NO_EXECUTE)
        .capacity("cpu", "lots")
        .capacity("memory", "-1Gi")
        .capacity("pods", "1.5")
        .capacity("nvidia.com/gpu", "0.5")
        .capacity("ephemeral-storage", "1.5Gi")
        .allocatable("bad name!", "1")
        .build());

    assertThat(thrown.problems()).extracting(Problem::toString).containsExactly(
        "Node/Bad_Name: metadata.name: must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-' and '.',"
            + " starting and ending with a letter or digit), was 'Bad_Name'",
        "Node/Bad_Name: metadata.labels[ok]: label value 'bad value!' must be at most 63 alphanumerics, '-', '_' or '.',"
            + " starting and ending with an alphanumeric",
        "Node/Bad_Name: metadata.annotations[bad key]: key 'bad key' must have a name part of at most 63 alphanumerics,"
            + " '-', '_' or '.', starting and ending with an alphanumeric",
        "Node/Bad_Name: spec.taints[0].key: key must not be empty",
        "Node/Bad_Name: spec.taints[2]: duplicate taint dedicated=b:NoSchedule: taints must be unique by key and effect",
        "Node/Bad_Name: status.capacity[cpu]: must be a quantity such as 4, 500m or 16Gi, was 'lots'",
        "Node/Bad_Name: status.capacity[memory]: must be 0 or more, was -1Gi",
        "Node/Bad_Name: status.capacity[pods]: must be a whole number for pods, was 1.5",
        "Node/Bad_Name: status.capacity[nvidia.com/gpu]: must be a whole number for nvidia.com/gpu, was 0.5",
        "Node/Bad_Name: status.allocatable[bad name!]: key 'bad name!' must have a name part of at most 63"
            + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
    assertThat(thrown).hasMessageStartingWith("10 problems\n  Node/Bad_Name: metadata.name: ");
  }

  @Test
  void aValidNodeBuilds() {
    assertThat(Node.named("gpu-1").capacity("nvidia.com/gpu", "8").capacity("hugepages-2Mi", "1Gi")
        .taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE).build().taints()).hasSize(1);
  }

  @Test
  void integerResourcesArePodsAndExtendedResources() {
    assertThat(NodeResources.isInteger("pods")).isTrue();
    assertThat(NodeResources.isInteger("nvidia.com/gpu")).isTrue();
    assertThat(NodeResources.isInteger("cpu")).isFalse();
    assertThat(NodeResources.isInteger("hugepages-2Mi")).isFalse();
    assertThat(NodeResources.isInteger("kubernetes.io/something")).isFalse();
    assertThat(NodeResources.isInteger("example.kubernetes.io/something")).isFalse();
    assertThat(NodeResources.isInteger("requests.nvidia.com/gpu")).isFalse();
  }

  @Test
  void duplicateLabelsFailFast() {
    assertThatThrownBy(() -> Node.named("n1").zone("a").zone("b").build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
