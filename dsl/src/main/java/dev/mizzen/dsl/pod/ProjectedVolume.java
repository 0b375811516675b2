package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Several sources in one directory
 * ({@code Volume.projected("creds", ProjectedSource.secret("api-credentials"), ProjectedSource.serviceAccountToken("token"))}).
 */
@Value.Immutable
public abstract non-sealed class ProjectedVolume extends Volume {

  /** The sources, in order. */
  public abstract List<ProjectedSource> sources();

  /** The mode of the files; the API server's default (0644) when absent. */
  public abstract OptionalInt defaultMode();

  @Override
  public V1Volume toV1Volume() {
    List<V1VolumeProjection> sources = new ArrayList<>();
    sources().forEach(source -> sources.add(source.toV1VolumeProjection()));
    V1ProjectedVolumeSource projected = new V1ProjectedVolumeSource().sources(sources.isEmpty() ? null : sources);
    defaultMode().ifPresent(projected::setDefaultMode);
    return new V1Volume().name(name()).projected(projected);
  }

  /** Builds a {@link ProjectedVolume}. */
  public static final class Builder extends ImmutableProjectedVolume.Builder implements Volume.Buildable {
    Builder() {}
  }
}
