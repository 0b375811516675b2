package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Fields of the pod and resources of its containers as files
 * ({@code Volume.downwardApi("podinfo", DownwardApiFile.field("labels", "metadata.labels"))}).
 */
@Value.Immutable
public abstract non-sealed class DownwardApiVolume extends Volume {

  /** The files, in order. */
  public abstract List<DownwardApiFile> files();

  /** The mode of the files; the API server's default (0644) when absent. */
  public abstract OptionalInt defaultMode();

  @Override
  public V1Volume toV1Volume() {
    V1DownwardAPIVolumeSource source = new V1DownwardAPIVolumeSource().items(DownwardApiFile.render(files()));
    defaultMode().ifPresent(source::setDefaultMode);
    return new V1Volume().name(name()).downwardAPI(source);
  }

  /** Builds a {@link DownwardApiVolume}. */
  public static final class Builder extends ImmutableDownwardApiVolume.Builder implements Volume.Buildable {
    Builder() {}
  }
}
