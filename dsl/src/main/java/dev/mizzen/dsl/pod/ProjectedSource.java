package dev.mizzen.dsl.pod;

import io.kubernetes.client.openapi.models.V1ConfigMapProjection;
import io.kubernetes.client.openapi.models.V1DownwardAPIProjection;
import io.kubernetes.client.openapi.models.V1SecretProjection;
import io.kubernetes.client.openapi.models.V1ServiceAccountTokenProjection;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One source of a projected volume: exactly one of a ConfigMap, a Secret, downward API files or
 * a service account token, by construction.
 *
 * <pre>{@code
 * ProjectedSource.configMap("web-config", VolumeItem.of("app.yaml", "app.yaml"))
 * ProjectedSource.secret("api-credentials")
 * ProjectedSource.downwardApi(DownwardApiFile.field("labels", "metadata.labels"))
 * ProjectedSource.serviceAccountToken("token", "vault", Duration.ofHours(1))
 * }</pre>
 */
@Value.Immutable(builder = false)
public abstract class ProjectedSource {

  /** Which kind of source this is. */
  public enum Kind {
    /** Entries of a ConfigMap. */
    CONFIG_MAP,
    /** Entries of a Secret. */
    SECRET,
    /** Fields of the pod and resources of its containers. */
    DOWNWARD_API,
    /** A token of the pod's service account, rotated by the kubelet. */
    SERVICE_ACCOUNT_TOKEN
  }

  /** Which kind of source this is. */
  @Value.Parameter
  public abstract Kind kind();

  /** The ConfigMap or Secret, for those kinds. */
  @Value.Parameter
  public abstract Optional<String> sourceName();

  /** The ConfigMap or Secret keys to project; every key when empty. */
  @Value.Parameter
  public abstract List<VolumeItem> items();

  /** The downward API files. */
  @Value.Parameter
  public abstract List<DownwardApiFile> files();

  /** The token's file path, for service account tokens. */
  @Value.Parameter
  public abstract Optional<String> tokenPath();

  /** The token's audience; the API server's when absent. */
  @Value.Parameter
  public abstract Optional<String> audience();

  /** The token's requested lifetime; one hour (the API server's default) when absent. */
  @Value.Parameter
  public abstract Optional<Duration> expiration();

  /** Entries of ConfigMap {@code name}: {@code items}, or every key when none are given. */
  public static ProjectedSource configMap(String name, VolumeItem... items) {
    return ImmutableProjectedSource.of(Kind.CONFIG_MAP, Optional.of(name), List.of(items), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Entries of Secret {@code name}: {@code items}, or every key when none are given. */
  public static ProjectedSource secret(String name, VolumeItem... items) {
    return ImmutableProjectedSource.of(Kind.SECRET, Optional.of(name), List.of(items), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Downward API {@code files}. */
  public static ProjectedSource downwardApi(DownwardApiFile... files) {
    return ImmutableProjectedSource.of(Kind.DOWNWARD_API, Optional.empty(), List.of(), List.of(files),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A service account token at {@code path}, for the API server's audience, valid one hour. */
  public static ProjectedSource serviceAccountToken(String path) {
    return ImmutableProjectedSource.of(Kind.SERVICE_ACCOUNT_TOKEN, Optional.empty(), List.of(), List.of(),
        Optional.of(path), Optional.empty(), Optional.empty());
  }

  /** A service account token at {@code path} for {@code audience}, valid {@code expiration} (at least 10 minutes). */
  public static ProjectedSource serviceAccountToken(String path, String audience, Duration expiration) {
    return ImmutableProjectedSource.of(Kind.SERVICE_ACCOUNT_TOKEN, Optional.empty(), List.of(), List.of(),
        Optional.of(path), Optional.of(audience), Optional.of(expiration));
  }

  /** The client-java model. A fresh object each call. */
  public V1VolumeProjection toV1VolumeProjection() {
    V1VolumeProjection rendered = new V1VolumeProjection();
    switch (kind()) {
      case CONFIG_MAP -> rendered.setConfigMap(new V1ConfigMapProjection()
          .name(sourceName().orElseThrow()).items(VolumeItem.render(items())));
      case SECRET -> rendered.setSecret(new V1SecretProjection()
          .name(sourceName().orElseThrow()).items(VolumeItem.render(items())));
      case DOWNWARD_API -> rendered.setDownwardAPI(new V1DownwardAPIProjection()
          .items(DownwardApiFile.render(files())));
      case SERVICE_ACCOUNT_TOKEN -> {
        V1ServiceAccountTokenProjection token = new V1ServiceAccountTokenProjection().path(tokenPath().orElseThrow());
        audience().ifPresent(token::setAudience);
        expiration().ifPresent(d -> token.setExpirationSeconds(d.getSeconds()));
        rendered.setServiceAccountToken(token);
      }
    }
    return rendered;
  }
}
