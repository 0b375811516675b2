package dev.mizzen.dsl.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.internal.ResourceRequirements;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  private static List<String> problems(Resources resources) {
    Validation v = Validation.of("Deployment/web");
    ResourceRequirements.validate(v.field("spec.template.spec.containers[web].resources"), resources);
    return v.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void rendersRequestsAndLimitsInAFixedOrder() {
    Resources resources = Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
        .limits(Cpu.millis(500), Memory.mebibytes(512))
        .requests(Storage.gibibytes(1)).limits(Storage.gibibytes(2))
        .limit(ExtendedResource.of("nvidia.com/gpu", 1))
        .build();

    V1ResourceRequirements rendered = resources.toV1ResourceRequirements();

    assertThat(JSON.serialize(rendered)).isEqualTo("{"
        + "\"limits\":{\"cpu\":\"500m\",\"memory\":\"512Mi\",\"ephemeral-storage\":\"2Gi\",\"nvidia.com/gpu\":\"1\"},"
        + "\"requests\":{\"cpu\":\"250m\",\"memory\":\"256Mi\",\"ephemeral-storage\":\"1Gi\"}}");
    assertThat(rendered.getRequests()).containsOnlyKeys("cpu", "memory", "ephemeral-storage");
    assertThat(problems(resources)).isEmpty();
  }

  @Test
  void rendersNothingThatIsNotSet() {
    assertThat(Resources.none().isEmpty()).isTrue();
    assertThat(JSON.serialize(Resources.none().toV1ResourceRequirements())).isEqualTo("{}");
    V1ResourceRequirements memoryLimitOnly = Resources.limits(Memory.mebibytes(256)).build()
        .toV1ResourceRequirements();
    assertThat(memoryLimitOnly.getRequests()).isNull();
    assertThat(JSON.serialize(memoryLimitOnly)).isEqualTo("{\"limits\":{\"memory\":\"256Mi\"}}");
  }

  @Test
  void factories() {
    assertThat(Resources.requests(Cpu.millis(100)).build().cpuRequest()).contains(Cpu.millis(100));
    assertThat(Resources.requests(Memory.mebibytes(64)).build().memoryRequest()).contains(Memory.mebibytes(64));
    Resources limits = Resources.limits(Cpu.cores(1), Memory.gibibytes(1)).build();
    assertThat(limits.cpuLimit()).contains(Cpu.cores(1));
    assertThat(limits.memoryLimit()).contains(Memory.gibibytes(1));
    assertThat(limits.isEmpty()).isFalse();
  }

  @Test
  void requestsMustNotExceedLimits() {
    Resources resources = Resources.requests(Cpu.cores(1), Memory.gibibytes(1))
        .limits(Cpu.millis(500), Memory.mebibytes(1024))
        .requests(Storage.gibibytes(3)).limits(Storage.gibibytes(2))
        .build();

    assertThat(problems(resources)).containsExactly(
        "Deployment/web: spec.template.spec.containers[web].resources.requests[cpu]:"
            + " must be at most the cpu limit (500m), was 1",
        "Deployment/web: spec.template.spec.containers[web].resources.requests[ephemeral-storage]:"
            + " must be at most the ephemeral-storage limit (2Gi), was 3Gi");
  }

  @Test
  void amountsMustNotBeNegative() {
    Resources resources = Resources.requests(Cpu.millis(100).minus(Cpu.millis(200)), Memory.parse("-1Mi"))
        .limits(Cpu.parse("-1"))
        .build();

    assertThat(problems(resources)).containsExactly(
        "Deployment/web: spec.template.spec.containers[web].resources.limits[cpu]: must not be negative, was -1",
        "Deployment/web: spec.template.spec.containers[web].resources.requests[cpu]: must not be negative, was -100m",
        "Deployment/web: spec.template.spec.containers[web].resources.requests[memory]: must not be negative, was -1Mi");
  }

  @Test
  void extendedResourcesCannotBeOvercommitted() {
    Resources resources = Resources.request(ExtendedResource.of("nvidia.com/gpu", 1))
        .limit(ExtendedResource.of("nvidia.com/gpu", 2))
        .request(ExtendedResource.of("example.com/fpga", 1))
        .build();

    assertThat(problems(resources)).containsExactly(
        "Deployment/web: spec.template.spec.containers[web].resources.requests[nvidia.com/gpu]:"
            + " must equal the nvidia.com/gpu limit (2), because extended resources cannot be overcommitted; was 1",
        "Deployment/web: spec.template.spec.containers[web].resources.limits[example.com/fpga]:"
            + " must be set, equal to the request (1), because extended resources cannot be overcommitted"
            + " (setting only the limit is enough: the API server copies it to the request)");
  }

  @Test
  void extendedResourcesEqualRequestAndLimitAreValid() {
    Resources resources = Resources.request(ExtendedResource.parse("nvidia.com/gpu", "2"))
        .limit(ExtendedResource.of("nvidia.com/gpu", 2))
        .build();
    assertThat(problems(resources)).isEmpty();
    assertThat(JSON.serialize(resources.toV1ResourceRequirements()))
        .isEqualTo("{\"limits\":{\"nvidia.com/gpu\":\"2\"},\"requests\":{\"nvidia.com/gpu\":\"2\"}}");
  }

  @Test
  void extendedResourcesMustBeWholeNamedAndUnique() {
    Resources resources = Resources.limit(ExtendedResource.parse("nvidia.com/gpu", "1500m"))
        .limit(ExtendedResource.of("gpu", 1))
        .limit(ExtendedResource.of("kubernetes.io/gpu", 1))
        .limit(ExtendedResource.of("requests.example.com/x", 1))
        .limit(ExtendedResource.of("Example_.com/x", 1))
        .limit(ExtendedResource.of("example.com/x", 1))
        .limit(ExtendedResource.of("example.com/x", 1))
        .limit(ExtendedResource.of("example.com/y", -1))
        .build();

    String at = "Deployment/web: spec.template.spec.containers[web].resources.limits";
    assertThat(problems(resources)).containsExactly(
        at + "[nvidia.com/gpu]: must be a whole number (extended resources are counted in units), was 1500m",
        at + "[gpu]: must be a fully qualified extended resource name such as example.com/device"
            + " (cpu, memory and ephemeral-storage have their own types), was 'gpu'",
        at + "[kubernetes.io/gpu]: must not be in the kubernetes.io domain, which is reserved for native"
            + " resources, was 'kubernetes.io/gpu'",
        at + "[requests.example.com/x]: must not start with 'requests.', was 'requests.example.com/x'",
        at + "[Example_.com/x]: key 'Example_.com/x' must have a lowercase DNS subdomain prefix"
            + " (at most 253 characters) before '/'",
        at + "[example.com/x]: is set more than once",
        at + "[example.com/y]: must not be negative, was -1");
  }

  /** Requests and limits are symmetric, static and on the builder, one spelling each (docs/dsl-shape.md). */
  @Test
  void requestsAndLimitsAreSymmetric() {
    java.util.function.Function<Class<?>, java.util.List<String>> phrases = type -> java.util.Arrays
        .stream(type.getMethods())
        .filter(m -> m.getDeclaringClass() == type && m.getReturnType() == Resources.Builder.class)
        .map(m -> m.getName() + java.util.Arrays.toString(m.getParameterTypes()))
        .sorted()
        .toList();
    assertThat(phrases.apply(Resources.class)).isEqualTo(phrases.apply(Resources.Builder.class));
    assertThat(phrases.apply(Resources.Builder.class)).hasSize(10)
        .allMatch(p -> p.startsWith("requests") || p.startsWith("limits")
            || p.startsWith("request[") || p.startsWith("limit["));
  }
}
