package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.label;
import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.list;
import static dev.mizzen.testkit.parity.RawObject.map;
import static dev.mizzen.testkit.parity.RawObject.of;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.container.VolumeMount;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.ExtendedResource;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.Toleration;
import dev.mizzen.scheduling.TopologySpreadConstraint;
import dev.mizzen.scheduling.WhenUnsatisfiable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Changes to the pod template of a workload: containers, volumes, security, placement. */
final class PodChanges {
  private static final Set<Kind> WORKLOADS = EnumSet.of(Kind.DEPLOYMENT, Kind.STATEFUL_SET, Kind.DAEMON_SET,
      Kind.JOB, Kind.CRON_JOB);
  private static final String REASON = "parity fuzzer";

  private PodChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(source("app.ports", r -> {
      int port = Edges.port(r);
      String name = r.nextBoolean() ? null : Edges.portName(r);
      return change("app.ports", "container port " + port + (name == null ? "" : " named '" + name + "'"),
          d -> d.app(c -> c.port(name == null ? Port.number(port) : Port.named(name, port))),
          raw -> {
            Map<String, Object> p = of("containerPort", port);
            if (name != null && !name.isEmpty()) {
              p.put("name", name);
            }
            list(raw.app(), "ports").add(p);
          });
    }));
    all.add(source("app.ports", r -> {
      int a = pick(r, 80, 8080);
      int b = pick(r, 80, 8080);
      String na = pick(r, "http", "web");
      String nb = pick(r, "http", "admin");
      return change("app.ports", "two ports " + na + ":" + a + " and " + nb + ":" + b,
          d -> d.app(c -> c.port(Port.named(na, a)).port(Port.named(nb, b))),
          raw -> {
            list(raw.app(), "ports").add(of("name", na, "containerPort", a));
            list(raw.app(), "ports").add(of("name", nb, "containerPort", b));
          }).stricterWhen(a == b && !na.equals(nb), StricterRule.CONTAINER_PORT_UNIQUE);
    }));
    all.add(source("app.ports", r -> {
      int host = pick(r, -1, 0, 1, 8080, 65535, 65536);
      boolean optOut = r.nextInt(4) > 0;
      return change("app.ports", "port 8080 with hostPort " + host + (optOut ? " (opted out)" : ""),
          d -> {
            d.app(c -> c.port(Port.number(8080).hostPort(host)));
            if (optOut) {
              d.appSecurity(s -> s.optOut(ContainerOptOut.hostPorts(REASON)));
            }
          },
          raw -> {
            Map<String, Object> p = of("containerPort", 8080);
            if (host != 0) {
              p.put("hostPort", host);
            }
            list(raw.app(), "ports").add(p);
          }).stricterWhen(!optOut && host >= 1 && host <= 65535, StricterRule.POD_SECURITY_OPT_OUT);
    }));
    all.add(source("app.env", r -> {
      String name = pick(r, "A", "a_1", "_x", "1A", "a.b", "a-b", "", "A B", "A=B", "-a", ".a", label(300));
      return change("app.env", "env '" + name + "'",
          d -> d.app(c -> c.env(Env.literal(name, "v"))),
          raw -> list(raw.app(), "env").add(of("name", name, "value", "v")))
          .stricterWhen(name.equals("A B") || name.equals("-a") || name.equals("1A"), StricterRule.ENV_NAME_PORTABLE);
    }));
    all.add(source("app.env", r -> change("app.env", "env A given twice",
        d -> d.app(c -> c.env(Env.literal("A", "1")).env(Env.literal("A", "2"))),
        raw -> {
          list(raw.app(), "env").add(of("name", "A", "value", "1"));
          list(raw.app(), "env").add(of("name", "A", "value", "2"));
        }).stricterWhen(true, StricterRule.ENV_NAME_UNIQUE)));
    all.add(source("app.env", r -> {
      String key = pick(r, "key", "..data", ".", "..", "a..b", ".a", label(253), label(254), "a b", "a/b", "");
      boolean secret = r.nextBoolean();
      return change("app.env", (secret ? "secretKeyRef" : "configMapKeyRef") + " key '" + key + "'",
          d -> d.app(c -> c.env(secret ? Env.fromSecret("X", "cfg", key) : Env.fromConfigMap("X", "cfg", key))),
          raw -> list(raw.app(), "env").add(of("name", "X", "valueFrom",
              of(secret ? "secretKeyRef" : "configMapKeyRef", of("name", "cfg", "key", key)))));
    }));
    all.add(source("app.env", r -> {
      String path = pick(r, "metadata.name", "metadata.labels['tier']", "metadata.labels['Bad Key']",
          "spec.nodeName", "status.podIP", "status.hostIPs", "metadata.uid", "spec.containers", "metadata.labels");
      return change("app.env", "fieldRef '" + path + "'",
          d -> d.app(c -> c.env(Env.fieldRef("X", path))),
          raw -> list(raw.app(), "env").add(of("name", "X", "valueFrom",
              of("fieldRef", of("fieldPath", path)))));
    }));
    all.add(source("app.env", r -> {
      String resource = pick(r, "limits.cpu", "requests.memory", "limits.ephemeral-storage",
          "requests.hugepages-2Mi", "limits.hugepages-", "limits.nvidia.com/gpu", "cpu", "");
      String container = pick(r, "web", "web", "other");
      return change("app.env", "resourceFieldRef " + container + "/" + resource,
          d -> d.app(c -> c.env(Env.resourceField("X", container, resource))),
          raw -> list(raw.app(), "env").add(of("name", "X", "valueFrom",
              of("resourceFieldRef", of("containerName", container, "resource", resource)))))
          .stricterWhen(container.equals("other"), StricterRule.RESOURCE_FIELD_CONTAINER);
    }));
    all.add(source("app.image", r -> {
      String image = pick(r, "registry.example/acme/web:1.0", "nginx", "nginx:1.27", " nginx", "nginx ",
          "Nginx", "nginx@sha256:" + "a".repeat(64), "nginx:" + label(129), "nginx:" + label(128),
          "localhost:5000/a/b:c", "a/" + label(260), "nginx:a:b", "");
      return change("app.image", "image '" + image + "'",
          d -> d.image(image),
          raw -> raw.app().put("image", image))
          .stricterWhen(!image.isEmpty() && !image.isBlank() && image.strip().equals(image), StricterRule.IMAGE_REFERENCE)
          .stricterWhen(!image.isBlank() && !image.strip().equals(image), StricterRule.IMAGE_WHITESPACE);
    }));
    all.add(source("pod.containers", r -> {
      String name = pick(r, "init", "web", label(63), label(64), "Init", "in_it", "");
      boolean sidecar = r.nextBoolean();
      return change("pod.containers", (sidecar ? "sidecar '" : "init container '") + name + "'",
          d -> d.pod(p -> {
            Container.Builder c = Container.named(name).image("busybox:1.36");
            if (sidecar) {
              p.sidecar(c);
            } else {
              p.initContainer(c);
            }
          }),
          raw -> {
            Map<String, Object> c = of("name", name, "image", "busybox:1.36");
            if (sidecar) {
              c.put("restartPolicy", "Always");
            }
            c.put("securityContext", of("allowPrivilegeEscalation", false, "capabilities", of("drop", List.of("ALL"))));
            list(raw.podSpec(), "initContainers").add(c);
          });
    }));
    all.add(source("pod.volumes", r -> {
      String volume = pick(r, "data", "data", label(63), label(64), "Data", "da.ta", "");
      String mountPath = pick(r, "/data", "/data", "data", "/", "/a/../b");
      String subPath = pick(r, null, null, "sub", "a/../b", "..", "/abs", "a/..b");
      return change("pod.volumes", "emptyDir '" + volume + "' mounted at '" + mountPath + "'"
              + (subPath == null ? "" : " subPath '" + subPath + "'"),
          d -> {
            d.pod(p -> p.volume(Volume.emptyDir(volume)));
            VolumeMount.Builder m = VolumeMount.of(volume, mountPath);
            if (subPath != null) {
              m.subPath(subPath);
            }
            d.app(c -> c.mount(m));
          },
          raw -> {
            list(raw.podSpec(), "volumes").add(of("name", volume, "emptyDir", of()));
            Map<String, Object> m = of("name", volume, "mountPath", mountPath);
            if (subPath != null) {
              m.put("subPath", subPath);
            }
            list(raw.app(), "volumeMounts").add(m);
          }).stricterWhen(!mountPath.startsWith("/") && !volume.isEmpty() && volume.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")
              && (subPath == null || (!subPath.startsWith("/") && !List.of(subPath.split("/")).contains(".."))),
              StricterRule.MOUNT_PATH_ABSOLUTE);
    }));
    all.add(source("pod.volumes", r -> {
      String key = pick(r, "app.conf", "..data", ".", "a..b", label(253), label(254), "a b", "");
      String path = pick(r, "app.conf", "a/b", "/abs", "..", "a/../b", "..a", "");
      int mode = pick(r, -1, 0, 0644, 0777, 01000);
      return change("pod.volumes", "configMap volume item " + key + " -> " + path + " mode " + Integer.toOctalString(mode),
          d -> {
            d.pod(p -> p.volume(Volume.configMap("cfg", "cfg").item(key, path).defaultMode(mode)));
            d.app(c -> c.mount("cfg", "/etc/cfg"));
          },
          raw -> {
            list(raw.podSpec(), "volumes").add(of("name", "cfg", "configMap", of("name", "cfg",
                "items", List.of(of("key", key, "path", path)), "defaultMode", mode)));
            list(raw.app(), "volumeMounts").add(of("name", "cfg", "mountPath", "/etc/cfg"));
          }).stricterWhen(!key.isEmpty() && (!key.matches("[-._a-zA-Z0-9]{1,253}") || key.equals(".") || key.startsWith("..")),
              StricterRule.VOLUME_ITEM_KEY);
    }));
    all.add(source("app.resources", r -> {
      String cpuRequest = pick(r, "100m", "1", "0", "2", "1n", "0.5", " 250m ");
      String cpuLimit = pick(r, "100m", "1", "0", "500m");
      return change("app.resources", "cpu request " + cpuRequest + " limit " + cpuLimit,
          d -> d.appResources(() -> Resources.requests(Cpu.parse(cpuRequest)).limits(Cpu.parse(cpuLimit))),
          raw -> raw.app().put("resources", of("limits", of("cpu", cpuLimit.strip()),
              "requests", of("cpu", cpuRequest.strip()))));
    }));
    all.add(source("app.resources", r -> {
      String memory = pick(r, "128Mi", "1Gi", "0", "1", "1.5", "0.5Mi", "1e3", "1E", "-1Mi", "Mi", ".");
      return change("app.resources", "memory limit '" + memory + "'",
          d -> d.appResources(() -> Resources.limits(Memory.parse(memory))),
          raw -> raw.app().put("resources", of("limits", of("memory", memory))))
          .stricterWhen(List.of("1.5", "0.5Mi", "Mi", ".").contains(memory), StricterRule.QUANTITY_SYNTAX);
    }));
    all.add(source("app.resources", r -> {
      String name = pick(r, "example.com/gpu", "nvidia.com/gpu", "kubernetes.io/gpu", "example.kubernetes.io/gpu",
          "gpu", "requests.example.com/gpu", "Example.com/gpu");
      long request = pick(r, 0L, 1L, 2L);
      long limit = pick(r, 0L, 1L, 2L);
      boolean withLimit = r.nextInt(3) > 0;
      return change("app.resources", "extended " + name + " request " + request + (withLimit ? " limit " + limit : ""),
          d -> d.appResources(() -> {
            Resources.Builder resources = Resources.request(ExtendedResource.of(name, request));
            if (withLimit) {
              resources.limit(ExtendedResource.of(name, limit));
            }
            return resources;
          }),
          raw -> {
            Map<String, Object> res = of("requests", of(name, String.valueOf(request)));
            if (withLimit) {
              res.put("limits", of(name, String.valueOf(limit)));
            }
            raw.app().put("resources", res);
          }).stricterWhen(name.contains("kubernetes.io/"), StricterRule.EXTENDED_RESOURCE_KUBERNETES_IO);
    }));
    all.add(source("app.probes", r -> {
      int periodSeconds = pick(r, -1, 0, 1, 10);
      int failure = pick(r, -1, 0, 1, 3);
      int success = pick(r, 0, 1, 2);
      boolean liveness = r.nextBoolean();
      String path = pick(r, "/healthz", "/", "");
      return change("app.probes", (liveness ? "liveness" : "readiness") + " httpGet '" + path + "' :8080 period "
              + periodSeconds + "s failure " + failure + " success " + success,
          d -> d.app(c -> {
            c.port(Port.number(9090));
            Probe.Builder probe = Probe.httpGet(path, 9090).every(Duration.ofSeconds(periodSeconds))
                .failsAfter(failure).succeedsAfter(success);
            if (liveness) {
              c.liveness(probe);
            } else {
              c.readiness(probe);
            }
          }),
          raw -> {
            list(raw.app(), "ports").add(of("containerPort", 9090));
            raw.app().put(liveness ? "livenessProbe" : "readinessProbe", of("httpGet", of("path", path, "port", 9090),
                "periodSeconds", periodSeconds, "failureThreshold", failure, "successThreshold", success));
          }).stricterWhen((periodSeconds == 0 || failure == 0 || success == 0 || path.isEmpty())
              && periodSeconds >= 0 && failure >= 0 && success >= 0 && (liveness ? success <= 1 : true),
              StricterRule.PROBE_ZERO_DEFAULTED);
    }));
    all.add(source("app.probes", r -> {
      String port = pick(r, "health", "metrics", "HEALTH", label(16));
      return change("app.probes", "readiness tcp on port name '" + port + "' (container declares health)",
          d -> d.app(c -> c.port(Port.named("health", 9091)).readiness(Probe.tcp(port))),
          raw -> {
            list(raw.app(), "ports").add(of("name", "health", "containerPort", 9091));
            raw.app().put("readinessProbe", of("tcpSocket", of("port", port)));
          }).stricterWhen(port.equals("metrics"), StricterRule.PROBE_PORT_DECLARED);
    }));
    all.add(source("pod.security.user", r -> {
      long user = pick(r, -1L, 0L, 1000L, 2147483647L, 2147483648L);
      boolean root = user == 0 && r.nextBoolean();
      return change("pod.security.user", "pod runAsUser " + user + (root ? " (opted out of non-root)" : ""),
          d -> d.podSecurity(s -> {
            s.runAsUser(user);
            if (root) {
              s.optOut(PodOptOut.runAsRoot(REASON));
            }
          }),
          raw -> {
            Map<String, Object> sc = map(raw.podSpec(), "securityContext");
            sc.put("runAsUser", user);
            if (user == 0) {
              sc.remove("runAsNonRoot");
            }
          }).stricterWhen(user == 0 && !root, StricterRule.POD_SECURITY_OPT_OUT);
    }));
    all.add(source("pod.security.groups", r -> {
      long group = pick(r, -1L, 0L, 1000L, 2147483647L, 2147483648L);
      return change("pod.security.groups", "pod fsGroup and supplementalGroups " + group,
          d -> d.podSecurity(s -> s.fsGroup(group).supplementalGroup(group)),
          raw -> {
            Map<String, Object> sc = map(raw.podSpec(), "securityContext");
            sc.put("fsGroup", group);
            sc.put("supplementalGroups", List.of(group));
          });
    }));
    all.add(source("pod.security.sysctls", r -> {
      String name = pick(r, "net.ipv4.ip_local_port_range", "net.core.somaxconn", "kernel.shm_rmid_forced",
          "kernel.msgmax", "fs.mqueue.msg_max", "net/ipv4/ip_unprivileged_port_start", "kernel.domainname",
          "net.ipv4.ping_group_range", "a", "Net.core.x", "net..core", label(254), "kernel.sem");
      boolean unsafe = r.nextBoolean();
      return change("pod.security.sysctls", "sysctl " + name + (unsafe ? " (unsafe opt-out)" : ""),
          d -> d.podSecurity(s -> {
            s.sysctl(name, "1");
            if (unsafe) {
              s.optOut(PodOptOut.unsafeSysctls(REASON));
            }
          }),
          raw -> list(map(raw.podSpec(), "securityContext"), "sysctls").add(of("name", name, "value", "1")))
          .stricterWhen(!unsafe, StricterRule.POD_SECURITY_OPT_OUT);
    }));
    all.add(source("pod.security.sysctls", r -> {
      boolean network = r.nextBoolean();
      boolean ipc = !network || r.nextBoolean();
      String sysctl = pick(r, null, "net.core.somaxconn", "kernel.shm_rmid_forced", "kernel.msgmax",
          "fs.mqueue.msg_max", "net/ipv4/ip_local_port_range", "kernel.sem");
      return change("pod.security.host", (network ? "hostNetwork " : "") + (ipc ? "hostIPC " : "")
              + (sysctl == null ? "" : "sysctl " + sysctl),
          d -> d.podSecurity(s -> {
            if (network) {
              s.optOut(PodOptOut.hostNetwork(REASON));
            }
            if (ipc) {
              s.optOut(PodOptOut.hostIpc(REASON));
            }
            if (sysctl != null) {
              s.sysctl(sysctl, "1").optOut(PodOptOut.unsafeSysctls(REASON));
            }
          }),
          raw -> {
            if (network) {
              raw.podSpec().put("hostNetwork", true);
            }
            if (ipc) {
              raw.podSpec().put("hostIPC", true);
            }
            if (sysctl != null) {
              list(map(raw.podSpec(), "securityContext"), "sysctls").add(of("name", sysctl, "value", "1"));
            }
          });
    }));
    all.add(source("pod.security.profiles", r -> {
      String seccomp = pick(r, null, "profiles/audit.json", "", "/abs.json", "../x.json", "a/../b.json");
      String apparmor = pick(r, null, "k8s-apparmor-example", "", " x", "/usr/sbin/ntpd", "a/../b", "a".repeat(4096));
      return change("pod.security.profiles", "seccomp localhost '" + seccomp + "', apparmor localhost '"
              + (apparmor == null || apparmor.length() < 100 ? apparmor : "a x " + apparmor.length()) + "'",
          d -> d.podSecurity(s -> {
            if (seccomp != null) {
              s.seccompLocalhostProfile(seccomp);
            }
            if (apparmor != null) {
              s.appArmorLocalhostProfile(apparmor);
            }
          }),
          raw -> {
            Map<String, Object> sc = map(raw.podSpec(), "securityContext");
            if (seccomp != null) {
              sc.put("seccompProfile", of("type", "Localhost", "localhostProfile", seccomp));
            }
            if (apparmor != null) {
              sc.put("appArmorProfile", of("type", "Localhost", "localhostProfile", apparmor));
            }
          }).stricterWhen("".equals(seccomp) && (apparmor == null || (!apparmor.isEmpty()
              && apparmor.strip().equals(apparmor) && apparmor.length() <= 4095)), StricterRule.SECCOMP_EMPTY_PROFILE);
    }));
    all.add(source("app.security.capabilities", r -> {
      String capability = pick(r, "NET_BIND_SERVICE", "NET_ADMIN", "CAP_NET_ADMIN", "SYS_TIME", "net_admin");
      boolean optOut = r.nextBoolean();
      return change("app.security.capabilities", "add capability " + capability + (optOut ? " (opted out)" : ""),
          d -> {
            if (optOut) {
              d.appSecurity(s -> s.optOut(ContainerOptOut.capabilities(REASON, capability)));
            } else {
              d.appSecurity(s -> s.capability(capability));
            }
          },
          raw -> map(map(raw.app(), "securityContext"), "capabilities").put("add", List.of(capability)))
          .stricterWhen(!optOut && !capability.equals("NET_BIND_SERVICE"), StricterRule.POD_SECURITY_OPT_OUT)
          .stricterWhen(capability.startsWith("CAP_") || capability.equals("net_admin"), StricterRule.CAPABILITY_NAME);
    }));
    all.add(source("pod.grace", r -> {
      Duration grace = pick(r, Duration.ofSeconds(-1), Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(1500));
      return change("pod.grace", "terminationGracePeriod " + grace,
          d -> d.pod(p -> p.terminationGracePeriod(grace)),
          raw -> raw.podSpec().put("terminationGracePeriodSeconds", grace.getSeconds()))
          .stricterWhen(grace.isNegative() || grace.getNano() != 0, StricterRule.WHOLE_SECONDS);
    }));
    all.add(source("pod.names", r -> {
      String name = Edges.name(r);
      int which = r.nextInt(4);
      String field = List.of("hostname", "subdomain", "serviceAccountName", "priorityClassName").get(which);
      return change("pod.names", field + " '" + name + "'",
          d -> d.pod(p -> {
            switch (which) {
              case 0 -> p.hostname(name);
              case 1 -> p.subdomain(name);
              case 2 -> p.serviceAccountName(name);
              default -> p.priorityClassName(name);
            }
          }),
          raw -> raw.podSpec().put(field, name))
          .stricterWhen(name.isEmpty(), StricterRule.POD_NAMES_EMPTY);
    }));
    all.add(source("pod.metadata", r -> {
      boolean label = r.nextBoolean();
      String key = Edges.labelKey(r);
      String value = label ? Edges.labelValue(r) : "v";
      return change("pod.metadata", "template " + (label ? "label " : "annotation ") + key + "=" + value,
          d -> d.pod(p -> {
            if (label) {
              p.label(key, value);
            } else {
              p.annotation(key, value);
            }
          }),
          raw -> map(map(raw.podTemplate(), "metadata"), label ? "labels" : "annotations").put(key, value));
    }));
    all.add(source("pod.metadata", r -> {
      int bytes = pick(r, 262144 - 1, 262144, 262145);
      boolean multiByte = r.nextBoolean();
      String value = annotationValue(bytes - 1, multiByte);
      return change("pod.metadata", "template annotation of " + bytes + " bytes (UTF-8)" + (multiByte ? ", multi-byte" : ""),
          d -> d.pod(p -> p.annotation("a", value)),
          raw -> map(map(raw.podTemplate(), "metadata"), "annotations").put("a", value));
    }));
    all.add(source("placement.nodeSelector", r -> {
      String key = Edges.labelKey(r);
      String value = Edges.labelValue(r);
      return change("placement.nodeSelector", "nodeSelector " + key + "=" + value,
          d -> d.placement(() -> Placement.nodeSelector(key, value)),
          raw -> map(raw.podSpec(), "nodeSelector").put(key, value));
    }));
    all.add(source("placement.tolerations", r -> {
      String key = pick(r, "dedicated", "", "example.com/" + label(64), "Bad Key");
      String value = pick(r, "", "gpu", label(64));
      long seconds = pick(r, -1L, 0L, 300L);
      boolean exists = key.isEmpty() || r.nextBoolean();
      return change("placement.tolerations", "toleration " + key + (exists ? " Exists" : " = " + value)
              + " NoExecute for " + seconds + "s",
          d -> d.placement(() -> Placement.tolerate((exists ? Toleration.exists(key, dev.mizzen.scheduling.TaintEffect.NO_EXECUTE)
              : Toleration.of(key, value, dev.mizzen.scheduling.TaintEffect.NO_EXECUTE))
              .tolerationSeconds(seconds))),
          raw -> {
            Map<String, Object> t = of();
            if (!key.isEmpty()) {
              t.put("key", key);
            }
            t.put("operator", exists ? "Exists" : "Equal");
            if (!exists) {
              t.put("value", value);
            }
            t.put("effect", "NoExecute");
            t.put("tolerationSeconds", seconds);
            list(raw.podSpec(), "tolerations").add(t);
          }).stricterWhen(seconds < 0, StricterRule.TOLERATION_SECONDS);
    }));
    all.add(source("placement.spread", r -> {
      int maxSkew = pick(r, -1, 0, 1, 2);
      String key = pick(r, "topology.kubernetes.io/zone", "", "Bad Key", "zone");
      Integer minDomains = pick(r, null, null, -1, 0, 1, 3);
      boolean doNotSchedule = r.nextBoolean();
      String matchKey = pick(r, null, null, "pod-template-hash", "app.kubernetes.io/name", "Bad Key");
      return change("placement.spread", "spread over '" + key + "' maxSkew " + maxSkew + " minDomains " + minDomains
              + (doNotSchedule ? " DoNotSchedule" : " ScheduleAnyway") + (matchKey == null ? "" : " matchLabelKeys " + matchKey),
          d -> d.placement(() -> {
            TopologySpreadConstraint.Builder c = TopologySpreadConstraint.over(key).maxSkew(maxSkew)
                .whenUnsatisfiable(doNotSchedule ? WhenUnsatisfiable.DO_NOT_SCHEDULE : WhenUnsatisfiable.SCHEDULE_ANYWAY);
            if (minDomains != null) {
              c.minDomains(minDomains);
            }
            if (matchKey != null) {
              c.matchLabelKey(matchKey);
            }
            return Placement.spread(c);
          }),
          raw -> {
            Map<String, Object> c = of("maxSkew", maxSkew, "topologyKey", key,
                "whenUnsatisfiable", doNotSchedule ? "DoNotSchedule" : "ScheduleAnyway",
                "labelSelector", of("matchLabels", raw.spec().get("selector") instanceof Map<?, ?> selector
                    ? RawObject.copy(selector.get("matchLabels"))
                    : of("app.kubernetes.io/name", map(map(raw.podTemplate(), "metadata"), "labels")
                        .get("app.kubernetes.io/name"))));
            if (minDomains != null) {
              c.put("minDomains", minDomains);
            }
            if (matchKey != null) {
              c.put("matchLabelKeys", List.of(matchKey));
            }
            list(raw.podSpec(), "topologySpreadConstraints").add(c);
          }).stricterWhen(key.equals("Bad Key") && maxSkew > 0, StricterRule.TOPOLOGY_KEY_QUALIFIED);
    }));
    return all;
  }

  /** An annotation value making keys and values {@code bytes} long in UTF-8 with the one-letter key. */
  private static String annotationValue(int bytes, boolean multiByte) {
    if (!multiByte) {
      return "x".repeat(bytes);
    }
    // 'é' is two bytes in UTF-8 and one char in UTF-16.
    return "\u00e9".repeat(bytes / 2) + "x".repeat(bytes % 2);
  }

  private static ChangeSource source(String slot, Function<Random, Change> draw) {
    return new ChangeSource(slot, WORKLOADS, draw);
  }

  private static Change change(String slot, String id, Consumer<Draft> dsl, Consumer<RawObject> raw) {
    return Change.of(slot, id, dsl, raw);
  }
}
