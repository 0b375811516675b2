package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.ConfigMapVolume;
import dev.mizzen.dsl.pod.DownwardApiFile;
import dev.mizzen.dsl.pod.DownwardApiVolume;
import dev.mizzen.dsl.pod.EmptyDirVolume;
import dev.mizzen.dsl.pod.HostPathVolume;
import dev.mizzen.dsl.pod.PersistentVolumeClaimVolume;
import dev.mizzen.dsl.pod.ProjectedSource;
import dev.mizzen.dsl.pod.ProjectedVolume;
import dev.mizzen.dsl.pod.SecretVolume;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.pod.VolumeItem;
import dev.mizzen.dsl.storage.ClaimSpec;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks of a pod's {@link Volume}s and what they project, run by the pod template. Each method
 * adds its problems to {@code v}, positioned at the value; {@code containerNames} are the pod's
 * containers (for downward API resource files).
 */
public final class Volumes {
  /** The field paths the API server accepts in a downward API volume. */
  private static final List<String> DOWNWARD_FIELD_PATHS =
      List.of("metadata.name", "metadata.namespace", "metadata.uid", "metadata.labels", "metadata.annotations");
  private static final Pattern SUBSCRIPT = Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]");
  private static final long MIN_EXPIRATION = 600;
  private static final long MAX_EXPIRATION = 1L << 32;

  private Volumes() {}

  /** Checks the source; {@code v} is positioned at the volume ({@code spec.volumes[tmp]}). */
  public static void validate(Validation v, Volume volume, Set<String> containerNames) {
    if (volume instanceof ConfigMapVolume configMap) {
      validateConfigMap(v, configMap);
    } else if (volume instanceof SecretVolume secret) {
      validateSecret(v, secret);
    } else if (volume instanceof EmptyDirVolume emptyDir) {
      emptyDir.sizeLimit().ifPresent(limit -> v.field("emptyDir").field("sizeLimit")
          .check(!limit.isNegative(), "must not be negative, was %s", limit));
    } else if (volume instanceof HostPathVolume hostPath) {
      Validation path = v.field("hostPath").field("path");
      if (path.check(hostPath.path().startsWith("/"), "must be an absolute path on the node, was '%s'",
          hostPath.path())) {
        path.check(!List.of(hostPath.path().split("/")).contains(".."), "must not contain '..', was '%s'",
            hostPath.path());
      }
    } else if (volume instanceof PersistentVolumeClaimVolume claim) {
      Names.checkDns1123Subdomain(v.field("persistentVolumeClaim").field("claimName"), claim.claim());
    } else if (volume instanceof DownwardApiVolume downwardApi) {
      validateDownwardApi(v, downwardApi, containerNames);
    } else if (volume instanceof ProjectedVolume projected) {
      validateProjected(v, projected, containerNames);
    } else {
      throw new AssertionError("a Volume the sealed class does not permit: " + volume);
    }
  }

  /**
   * For a volume made from a claim of volume mode Block: reports, at {@code v} (the volume), the
   * containers that mount it, since a raw device is attached with {@code volumeDevices} and the
   * kubelet refuses to mount it.
   */
  public static void validateBlockClaimNotMounted(Validation v, Volume volume, List<Container> containers) {
    if (!(volume instanceof PersistentVolumeClaimVolume claimVolume) || claimVolume.declaredClaim()
        .flatMap(ClaimSpec::volumeMode).filter(ClaimSpec.VolumeMode.BLOCK::equals).isEmpty()) {
      return;
    }
    List<String> mounting = containers.stream()
        .filter(c -> c.volumeMounts().stream().anyMatch(m -> m.volume().equals(volume.name())))
        .map(Container::name).toList();
    v.field("persistentVolumeClaim.claimName").check(mounting.isEmpty(), "is %s, of volume mode Block: a raw"
        + " device is attached with volumeDevices, which the kubelet requires instead of a mount, but %s mounts it"
        + " (add volumeDevices with customize(...))", claimVolume.declaredClaim().get().objectRef(),
        mounting.stream().map(c -> "container '" + c + "'").collect(Collectors.joining(", ")));
  }

  private static void validateConfigMap(Validation v, ConfigMapVolume volume) {
    Validation source = v.field("configMap");
    Names.checkDns1123Subdomain(source.field("name"), volume.configMap());
    for (int i = 0; i < volume.items().size(); i++) {
      validate(source.field("items").index(i), volume.items().get(i));
    }
    volume.defaultMode().ifPresent(mode -> checkMode(source.field("defaultMode"), mode));
  }

  private static void validateSecret(Validation v, SecretVolume volume) {
    Validation source = v.field("secret");
    Names.checkDns1123Subdomain(source.field("secretName"), volume.secret());
    for (int i = 0; i < volume.items().size(); i++) {
      validate(source.field("items").index(i), volume.items().get(i));
    }
    volume.defaultMode().ifPresent(mode -> checkMode(source.field("defaultMode"), mode));
  }

  private static void validateDownwardApi(Validation v, DownwardApiVolume volume, Set<String> containerNames) {
    Validation source = v.field("downwardAPI");
    for (int i = 0; i < volume.files().size(); i++) {
      validate(source.field("items").index(i), volume.files().get(i), containerNames);
    }
    volume.defaultMode().ifPresent(mode -> checkMode(source.field("defaultMode"), mode));
  }

  private static void validateProjected(Validation v, ProjectedVolume volume, Set<String> containerNames) {
    Validation projected = v.field("projected");
    projected.field("sources").check(!volume.sources().isEmpty(), "must have at least one source");
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < volume.sources().size(); i++) {
      Validation at = projected.field("sources").index(i);
      ProjectedSource source = volume.sources().get(i);
      validate(at, source, containerNames);
      for (String path : paths(source)) {
        at.check(paths.add(path), "projects '%s' again: file paths must be unique across the sources", path);
      }
    }
    volume.defaultMode().ifPresent(mode -> checkMode(projected.field("defaultMode"), mode));
  }

  /** The file paths {@code source} projects (for the duplicate check across sources). */
  private static List<String> paths(ProjectedSource source) {
    List<String> paths = new ArrayList<>();
    source.items().forEach(item -> paths.add(item.path()));
    source.files().forEach(file -> paths.add(file.path()));
    source.tokenPath().ifPresent(paths::add);
    return paths;
  }

  /** Checks key, path and mode; {@code v} is positioned at the item ({@code items[0]}). */
  public static void validate(Validation v, VolumeItem item) {
    Names.checkConfigKey(v.field("key"), item.key());
    checkPath(v.field("path"), item.path());
    item.mode().ifPresent(mode -> checkMode(v.field("mode"), mode));
  }

  /** Checks path, field or resource and mode; {@code v} is positioned at the item ({@code downwardAPI.items[0]}). */
  public static void validate(Validation v, DownwardApiFile file, Set<String> containerNames) {
    checkPath(v.field("path"), file.path());
    file.fieldPath().ifPresent(path -> {
      Validation field = v.field("fieldRef").field("fieldPath");
      Matcher subscript = SUBSCRIPT.matcher(path);
      if (subscript.matches()) {
        Names.checkQualifiedName(field, subscript.group(2));
      } else {
        field.check(DOWNWARD_FIELD_PATHS.contains(path), "must be one of %s, metadata.labels['<key>'] or"
            + " metadata.annotations['<key>'], was '%s'", String.join(", ", DOWNWARD_FIELD_PATHS), path);
      }
    });
    file.resource().ifPresent(resource -> {
      Validation ref = v.field("resourceFieldRef");
      Containers.checkResourceField(ref.field("resource"), resource);
      String container = file.container().orElseThrow();
      ref.field("containerName").check(containerNames.contains(container),
          "must name a container of the pod (%s), was '%s'",
          String.join(", ", new TreeSet<>(containerNames)), container);
    });
    file.mode().ifPresent(mode -> checkMode(v.field("mode"), mode));
  }

  /** Checks the source; {@code v} is positioned at it ({@code projected.sources[0]}). */
  public static void validate(Validation v, ProjectedSource source, Set<String> containerNames) {
    switch (source.kind()) {
      case CONFIG_MAP -> validateItems(v.field("configMap"), source);
      case SECRET -> validateItems(v.field("secret"), source);
      case DOWNWARD_API -> {
        for (int i = 0; i < source.files().size(); i++) {
          validate(v.field("downwardAPI").field("items").index(i), source.files().get(i), containerNames);
        }
      }
      case SERVICE_ACCOUNT_TOKEN -> {
        Validation token = v.field("serviceAccountToken");
        checkPath(token.field("path"), source.tokenPath().orElseThrow());
        source.expiration().ifPresent(d ->
            Seconds.check(token.field("expirationSeconds"), d, MIN_EXPIRATION, MAX_EXPIRATION));
      }
    }
  }

  private static void validateItems(Validation at, ProjectedSource source) {
    Names.checkDns1123Subdomain(at.field("name"), source.sourceName().orElseThrow());
    for (int i = 0; i < source.items().size(); i++) {
      validate(at.field("items").index(i), source.items().get(i));
    }
  }

  /**
   * A projected file's path: non-empty, relative, no '..' component, not starting with '..'
   * (the kubelet keeps its own files there, such as {@code ..data}).
   */
  private static void checkPath(Validation v, String path) {
    if (!v.check(!path.isEmpty(), "must not be empty")) {
      return;
    }
    v.check(!path.startsWith("/"), "must be a relative path, was '%s'", path);
    if (v.check(!List.of(path.split("/")).contains(".."), "must not contain '..', was '%s'", path)) {
      v.check(!path.startsWith(".."), "must not start with '..' (the kubelet's own files, such as ..data),"
          + " was '%s'", path);
    }
  }

  /** A file mode: 0..0777, shown in octal. */
  private static void checkMode(Validation v, int mode) {
    v.check(mode >= 0 && mode <= 0777, "must be 0..0777 (octal), was %s",
        mode < 0 ? Integer.toString(mode) : "0" + Integer.toOctalString(mode));
  }
}
