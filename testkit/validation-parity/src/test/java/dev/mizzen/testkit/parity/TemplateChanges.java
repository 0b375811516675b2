package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.label;
import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.list;
import static dev.mizzen.testkit.parity.RawObject.map;
import static dev.mizzen.testkit.parity.RawObject.of;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.EnvFrom;
import dev.mizzen.dsl.container.Hook;
import dev.mizzen.dsl.pod.DownwardApiFile;
import dev.mizzen.dsl.pod.ProjectedSource;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.pod.VolumeItem;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.storage.ClaimSpec;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.dsl.workload.VolumeClaimTemplate;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.PodAffinityTerm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * More changes to pod templates: lifecycle hooks, environment from ConfigMaps, projected and
 * downward API volumes, pod affinity, probes on init containers and sidecars, and a
 * StatefulSet's claim templates (mounted like volumes).
 */
final class TemplateChanges {
  private static final Set<Kind> WORKLOADS = EnumSet.of(Kind.DEPLOYMENT, Kind.STATEFUL_SET, Kind.DAEMON_SET,
      Kind.JOB, Kind.CRON_JOB);

  private TemplateChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("pod.grace", WORKLOADS, r -> {
      long sleep = pick(r, -1L, 0L, 5L, 30L, 31L);
      Long grace = pick(r, null, 0L, 10L, 60L);
      return Change.of("pod.grace", "preStop sleep " + sleep + "s, grace " + grace + "s",
          d -> {
            d.app(c -> c.preStop(Hook.sleep(Duration.ofSeconds(sleep))));
            if (grace != null) {
              d.pod(p -> p.terminationGracePeriod(Duration.ofSeconds(grace)));
            }
          },
          raw -> {
            map(raw.app(), "lifecycle").put("preStop", of("sleep", of("seconds", sleep)));
            if (grace != null) {
              raw.podSpec().put("terminationGracePeriodSeconds", grace);
            }
          }).stricterWhen(sleep < 0, StricterRule.WHOLE_SECONDS);
    }));
    all.add(new ChangeSource("app.envFrom", WORKLOADS, r -> {
      String name = pick(r, "cfg", "Cfg", "cfg.v1", label(253), label(254), "");
      String prefix = pick(r, null, "", "APP_", "1_", "A B", "a.b", "A=", "-x");
      boolean secret = r.nextBoolean();
      return Change.of("app.envFrom", (secret ? "envFrom secret '" : "envFrom configMap '") + name + "' prefix '" + prefix + "'",
          d -> d.app(c -> {
            EnvFrom from = secret ? Env.allFromSecret(name) : Env.allFromConfigMap(name);
            c.env(prefix == null ? from : from.withPrefix(prefix));
          }),
          raw -> {
            Map<String, Object> from = of();
            if (prefix != null && !prefix.isEmpty()) {
              from.put("prefix", prefix);
            }
            from.put(secret ? "secretRef" : "configMapRef", of("name", name));
            list(raw.app(), "envFrom").add(from);
          }).stricterWhen(prefix != null && (prefix.equals("A B") || prefix.equals("-x") || prefix.equals("1_")),
              StricterRule.ENV_FROM_PREFIX);
    }));
    all.add(new ChangeSource("pod.volumes", WORKLOADS, r -> {
      String path = pick(r, "name", "a/b", "..data", "..a", "a/../b", "/abs", "", ".", "a/..b");
      String fieldPath = pick(r, "metadata.name", "metadata.labels", "metadata.labels['tier']", "spec.nodeName",
          "metadata.annotations['Bad Key']", "status.podIP");
      boolean projected = r.nextBoolean();
      return Change.of("pod.volumes", (projected ? "projected downward API file '" : "downward API file '") + path
              + "' from " + fieldPath,
          d -> {
            DownwardApiFile file = DownwardApiFile.field(path, fieldPath);
            d.pod(p -> p.volume(projected ? Volume.projected("info", ProjectedSource.downwardApi(file))
                : Volume.downwardApi("info", file)));
            d.app(c -> c.mount("info", "/etc/info"));
          },
          raw -> {
            Map<String, Object> item = of("path", path, "fieldRef", of("fieldPath", fieldPath));
            list(raw.podSpec(), "volumes").add(projected
                ? of("name", "info", "projected", of("sources", List.of(of("downwardAPI", of("items", List.of(item))))))
                : of("name", "info", "downwardAPI", of("items", List.of(item))));
            list(raw.app(), "volumeMounts").add(of("name", "info", "mountPath", "/etc/info"));
          });
    }));
    all.add(new ChangeSource("pod.volumes", WORKLOADS, r -> {
      String path = pick(r, "token", "a/token", "..token", "/token", "");
      long expiration = pick(r, 599L, 600L, 3600L, 4294967296L, 4294967297L);
      String other = pick(r, "token", "ca.crt", "other");
      return Change.of("pod.volumes", "projected token '" + path + "' expiring " + expiration + "s and configMap item " + other,
          d -> {
            d.pod(p -> p.volume(Volume.projected("api",
                ProjectedSource.serviceAccountToken(path, "api", Duration.ofSeconds(expiration)),
                ProjectedSource.configMap("ca", VolumeItem.of("ca.crt", other)))));
            d.app(c -> c.mount("api", "/var/run/api"));
          },
          raw -> {
            list(raw.podSpec(), "volumes").add(of("name", "api", "projected", of("sources", List.of(
                of("serviceAccountToken", of("audience", "api", "expirationSeconds", expiration, "path", path)),
                of("configMap", of("name", "ca", "items", List.of(of("key", "ca.crt", "path", other))))))));
            list(raw.app(), "volumeMounts").add(of("name", "api", "mountPath", "/var/run/api"));
          }).stricterWhen(other.equals(path), StricterRule.PROJECTED_TOKEN_PATH);
    }));
    all.add(new ChangeSource("placement.podAffinity", WORKLOADS, r -> {
      String topologyKey = pick(r, "kubernetes.io/hostname", "", "Bad Key", "zone");
      String matchKey = pick(r, null, "pod-template-hash", "app.kubernetes.io/name", "tier", "Bad Key");
      String namespace = pick(r, null, "other", "Other", label(64));
      return Change.of("placement.podAffinity", "required affinity to pods tier=db on '" + topologyKey + "'"
              + (matchKey == null ? "" : " matchLabelKeys " + matchKey) + (namespace == null ? "" : " in " + namespace),
          d -> d.placement(() -> {
            PodAffinityTerm.Builder term = PodAffinityTerm.on(topologyKey).podsLabelled("tier", "db");
            if (matchKey != null) {
              term.matchLabelKey(matchKey);
            }
            if (namespace != null) {
              term.namespace(namespace);
            }
            return Placement.requirePodAffinity(term);
          }),
          raw -> {
            Map<String, Object> term = of("labelSelector", of("matchLabels", of("tier", "db")));
            if (matchKey != null) {
              term.put("matchLabelKeys", List.of(matchKey));
            }
            if (namespace != null) {
              term.put("namespaces", List.of(namespace));
            }
            term.put("topologyKey", topologyKey);
            map(map(raw.podSpec(), "affinity"), "podAffinity")
                .put("requiredDuringSchedulingIgnoredDuringExecution", List.of(term));
          }).stricterWhen("tier".equals(matchKey) && !topologyKey.isEmpty() && !topologyKey.contains(" ")
              && (namespace == null || namespace.equals("other")), StricterRule.MATCH_LABEL_KEYS_IN_SELECTOR);
    }));
    all.add(new ChangeSource("pod.containers", WORKLOADS, r -> {
      boolean sidecar = r.nextBoolean();
      int which = r.nextInt(3);
      return Change.of("pod.containers", (sidecar ? "sidecar" : "init container") + " with a "
              + List.of("readiness probe", "liveness probe", "preStop hook").get(which),
          d -> d.pod(p -> {
            Container.Builder c = Container.named("helper").image("busybox:1.36");
            switch (which) {
              case 0 -> c.readiness(Probe.exec("true"));
              case 1 -> c.liveness(Probe.exec("true"));
              default -> c.preStop(Hook.exec("true"));
            }
            if (sidecar) {
              p.sidecar(c);
            } else {
              p.initContainer(c);
            }
          }),
          raw -> {
            Map<String, Object> c = of("name", "helper", "image", "busybox:1.36");
            switch (which) {
              case 0 -> c.put("readinessProbe", of("exec", of("command", List.of("true"))));
              case 1 -> c.put("livenessProbe", of("exec", of("command", List.of("true"))));
              default -> c.put("lifecycle", of("preStop", of("exec", of("command", List.of("true")))));
            }
            if (sidecar) {
              c.put("restartPolicy", "Always");
            }
            c.put("securityContext", of("allowPrivilegeEscalation", false, "capabilities", of("drop", List.of("ALL"))));
            list(raw.podSpec(), "initContainers").add(c);
          });
    }));
    all.add(new ChangeSource("statefulset.claims", EnumSet.of(Kind.STATEFUL_SET), r -> {
      String name = pick(r, "data", "data", label(63), label(64), "Data", "da.ta");
      String size = pick(r, "1Gi", "1Gi", "0", "1");
      boolean mounted = r.nextInt(4) > 0;
      String storageClass = pick(r, null, "", "fast", "Fast", "fast.ssd");
      boolean block = r.nextInt(5) == 0;
      return Change.of("statefulset.claims", "claim template '" + name + "' of " + size
              + (storageClass == null ? "" : " class '" + storageClass + "'") + (block ? " Block" : "")
              + (mounted ? " mounted" : ""),
          d -> {
            VolumeClaimTemplate.Builder claim = VolumeClaimTemplate.named(name).size(Storage.parse(size));
            if (storageClass != null) {
              claim.storageClass(storageClass);
            }
            if (block) {
              claim.volumeMode(ClaimSpec.VolumeMode.BLOCK);
            }
            d.on(StatefulSet.Builder.class, b -> b.volumeClaimTemplate(claim));
            if (mounted) {
              d.app(c -> c.mount(name, "/data"));
            }
          },
          raw -> {
            Map<String, Object> spec = of("accessModes", List.of("ReadWriteOnce"));
            spec.put("resources", of("requests", of("storage", size)));
            if (storageClass != null) {
              spec.put("storageClassName", storageClass);
            }
            if (block) {
              spec.put("volumeMode", "Block");
            }
            list(raw.spec(), "volumeClaimTemplates").add(of("metadata", of("name", name), "spec", spec));
            if (mounted) {
              list(raw.app(), "volumeMounts").add(of("name", name, "mountPath", "/data"));
            }
          }).stricterWhen(!mounted && !block, StricterRule.CLAIM_TEMPLATE_MOUNTED)
          .stricterWhen(mounted && block, StricterRule.BLOCK_CLAIM_MOUNTED);
    }));
    return all;
  }
}
