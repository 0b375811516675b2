package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.list;
import static dev.mizzen.testkit.parity.RawObject.map;
import static dev.mizzen.testkit.parity.RawObject.of;

import dev.mizzen.dsl.config.Secret;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyPeer;
import dev.mizzen.dsl.network.NetworkPolicyPort;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/**
 * Changes to what the other catalogues leave out: Secret types, Service traffic settings,
 * selector labels, labels of a Job's pods and of a CronJob's jobs, Ingress TLS and classes,
 * NetworkPolicy ports by name.
 */
final class MoreChanges {
  private MoreChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("secret.type", EnumSet.of(Kind.SECRET), r -> {
      String type = pick(r, "kubernetes.io/tls", "kubernetes.io/dockerconfigjson", "kubernetes.io/basic-auth",
          "kubernetes.io/ssh-auth");
      String key = switch (type) {
        case "kubernetes.io/tls" -> pick(r, "tls.crt", "tls.key", null);
        case "kubernetes.io/dockerconfigjson" -> pick(r, ".dockerconfigjson", null);
        case "kubernetes.io/basic-auth" -> pick(r, "username", "password", null);
        default -> pick(r, "ssh-privatekey", null);
      };
      String value = ".dockerconfigjson".equals(key) ? pick(r, "{\"auths\":{}}", "[]", "not json", "{}") : "x";
      boolean both = "tls.crt".equals(key) && r.nextBoolean();
      return Change.of("secret.type", "type " + type + (key == null ? " without entries" : " with " + key + "=" + value)
              + (both ? " and tls.key" : ""),
          d -> d.on(Secret.Builder.class, b -> {
            b.type(Secret.Type.valueOf(switch (type) {
              case "kubernetes.io/tls" -> "TLS";
              case "kubernetes.io/dockerconfigjson" -> "DOCKER_CONFIG_JSON";
              case "kubernetes.io/basic-auth" -> "BASIC_AUTH";
              default -> "SSH_AUTH";
            }));
            if (key != null) {
              b.data(key, value);
            }
            if (both) {
              b.data("tls.key", "x");
            }
          }),
          raw -> {
            raw.tree().put("type", type);
            if (key != null) {
              map(raw.tree(), "data").put(key, base64(value));
            }
            if (both) {
              map(raw.tree(), "data").put("tls.key", base64("x"));
            }
          });
    }));
    all.add(new ChangeSource("service.type", EnumSet.of(Kind.SERVICE), r -> {
      String type = pick(r, "ClusterIP", "NodePort", "LoadBalancer");
      boolean local = r.nextBoolean();
      String range = pick(r, null, "10.0.0.0/8", "10.0.0.1/8", "0.0.0.0/0", "bad", "fd00::/8");
      return Change.of("service.type", type + (local ? " externalTrafficPolicy Local" : "")
              + (range == null ? "" : " loadBalancerSourceRange " + range),
          d -> d.on(Service.Builder.class, b -> {
            b.type(Service.Type.valueOf(type.equals("NodePort") ? "NODE_PORT"
                : type.equals("LoadBalancer") ? "LOAD_BALANCER" : "CLUSTER_IP"));
            if (local) {
              b.externalTrafficPolicy(Service.TrafficPolicy.LOCAL);
            }
            if (range != null) {
              b.loadBalancerSourceRange(range);
            }
          }),
          raw -> {
            raw.spec().put("type", type);
            if (local) {
              raw.spec().put("externalTrafficPolicy", "Local");
            }
            if (range != null) {
              raw.spec().put("loadBalancerSourceRanges", List.of(range));
            }
          }).stricterWhen("10.0.0.1/8".equals(range) && type.equals("LoadBalancer")
              && !(local && type.equals("ClusterIP")), StricterRule.LOAD_BALANCER_SOURCE_RANGE);
    }));
    all.add(new ChangeSource("workload.selector", EnumSet.of(Kind.DEPLOYMENT, Kind.STATEFUL_SET, Kind.DAEMON_SET), r -> {
      String key = pick(r, "track", "example.com/track", "Bad Key", "app.kubernetes.io/name", "app.kubernetes.io/part-of",
          "pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name", Edges.label(64));
      String value = pick(r, "canary", "", Edges.label(63), Edges.label(64), "-x");
      return Change.of("workload.selector", "selector label " + key + "=" + value,
          d -> {
            switch (d.kind()) {
              case DEPLOYMENT -> d.on(Deployment.Builder.class, b -> b.selectorLabel(key, value));
              case STATEFUL_SET -> d.on(StatefulSet.Builder.class, b -> b.selectorLabel(key, value));
              default -> d.on(DaemonSet.Builder.class, b -> b.selectorLabel(key, value));
            }
          },
          raw -> {
            map(map(raw.spec(), "selector"), "matchLabels").put(key, value);
            map(map(raw.podTemplate(), "metadata"), "labels").put(key, value);
          }).stricterWhen(List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "pod-template-hash",
              "controller-revision-hash", "statefulset.kubernetes.io/pod-name").contains(key)
              && !value.equals(Edges.label(64)) && !value.equals("-x"), StricterRule.SELECTOR_LABEL_RESERVED);
    }));
    all.add(new ChangeSource("job.labels", EnumSet.of(Kind.JOB, Kind.CRON_JOB), r -> {
      String key = pick(r, "job-name", "controller-uid", "batch.kubernetes.io/job-name",
          "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/other");
      String value = pick(r, "web", "other");
      return Change.of("job.labels", "template label " + key + "=" + value,
          d -> d.pod(p -> p.label(key, value)),
          raw -> map(map(raw.podTemplate(), "metadata"), "labels").put(key, value))
          .stricterWhen(!key.equals("batch.kubernetes.io/other"), StricterRule.JOB_TEMPLATE_LABELS);
    }));
    all.add(new ChangeSource("cronjob.jobMetadata", EnumSet.of(Kind.CRON_JOB), r -> {
      boolean label = r.nextBoolean();
      String key = Edges.labelKey(r);
      String value = label ? Edges.labelValue(r) : "v";
      return Change.of("cronjob.jobMetadata", "job " + (label ? "label " : "annotation ") + key + "=" + value,
          d -> d.on(CronJob.Builder.class, b -> {
            if (label) {
              b.jobLabel(key, value);
            } else {
              b.jobAnnotation(key, value);
            }
          }),
          raw -> map(map(map(raw.spec(), "jobTemplate"), "metadata"), label ? "labels" : "annotations").put(key, value))
          .stricterWhen(true, StricterRule.JOB_TEMPLATE_METADATA);
    }));
    all.add(new ChangeSource("ingress.tls", EnumSet.of(Kind.INGRESS), r -> {
      String secret = pick(r, "shop-tls", "Shop-tls", "shop_tls", Edges.subdomain(254), "");
      String host = pick(r, "shop.example.com", "*.example.com", "*", "Shop.example.com", "10.0.0.1", "a..b");
      String className = pick(r, null, "nginx", "Nginx", "nginx.v1");
      boolean annotation = r.nextBoolean();
      return Change.of("ingress.tls", "tls " + secret + " for " + host + " class " + className
              + (annotation ? " and annotation kubernetes.io/ingress.class=nginx" : ""),
          d -> {
            d.on(Ingress.Builder.class, b -> {
              b.tls(secret, host);
              if (className != null) {
                b.ingressClassName(className);
              }
            });
            if (annotation) {
              d.annotation("kubernetes.io/ingress.class", "nginx");
            }
          },
          raw -> {
            list(raw.spec(), "tls").add(of("hosts", List.of(host), "secretName", secret));
            if (className != null) {
              raw.spec().put("ingressClassName", className);
            }
            if (annotation) {
              map(raw.metadata(), "annotations").put("kubernetes.io/ingress.class", "nginx");
            }
          }).stricterWhen(annotation && "nginx".equals(className), StricterRule.INGRESS_CLASS_ANNOTATION)
          .stricterWhen(secret.isEmpty(), StricterRule.INGRESS_TLS_SECRET_EMPTY);
    }));
    all.add(new ChangeSource("networkpolicy.rule", EnumSet.of(Kind.NETWORK_POLICY), r -> {
      String name = Edges.portName(r);
      return Change.of("networkpolicy.rule", "ingress from all pods on port named '" + name + "'",
          d -> d.on(NetworkPolicy.Builder.class, b -> b.ingressRule(NetworkPolicyRule.from(NetworkPolicyPeer.allPods())
              .port(NetworkPolicyPort.tcp(name)))),
          raw -> {
            list(raw.spec(), "ingress").add(of("from", List.of(of("podSelector", of())),
                "ports", List.of(of("port", name, "protocol", "TCP"))));
            raw.spec().put("policyTypes", List.of("Ingress"));
          });
    }));
    return all;
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
