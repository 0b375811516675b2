package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Job;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Job: pods that run to completion.
 *
 * <pre>{@code
 * Job migrate = Job.named("migrate")
 *     .backoffLimit(2)
 *     .ttlAfterFinished(Duration.ofHours(1))
 *     .pod(PodTemplate.container(Container.named("migrate").image("ghcr.io/acme/migrate:3.1.0")))
 *     .build();
 * }</pre>
 *
 * <p>The Job's selector is left to the API server, which generates a unique one.
 */
@Value.Immutable
public abstract class Job implements JobSettings {

  /**
   * Starts a Job named {@code name}: a DNS-1123 label (at most 63 lowercase letters, digits and
   * '-'), since it names the pods and is the value of their {@code job-name} label.
   */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1Job>> customizers();

  @Override
  public final String apiVersion() {
    return "batch/v1";
  }

  @Override
  public final String kind() {
    return "Job";
  }

  /** This Job with the image of container {@code container} replaced. */
  public Job withImage(String container, String image) {
    return ((ImmutableJob) this).withPod(pod().withImage(container, image));
  }

  @Value.Check
  protected void check() {
    Validation v = Workloads.validate(this, Metadata.NameRule.DNS1123_LABEL, "spec.template",
        Workloads.RUN_TO_COMPLETION, Set.of());
    JobSpecs.validateIndexedHostnames(this, v);
    JobSpecs.validate(this, v.field("spec"), true);
    v.throwIfInvalid();
  }

  @Override
  public V1Job render(RenderContext context) {
    V1Job rendered = new V1Job()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Workloads.metadata(this, context))
        .spec(JobSpecs.render(this, context));
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  @Override
  public V1Job render() {
    return render(RenderContext.standalone());
  }

  /** Builds a {@link Job}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableJob.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** The pod template; its restart policy must be left out (Never) or OnFailure. */
    public Builder pod(PodTemplate.Builder pod) {
      return pod(pod.build());
    }
  }
}
