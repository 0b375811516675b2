package dev.mizzen.dsl.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.internal.PodTemplates;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.QosClass;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.util.Yaml;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pods of the shop's web Deployment (docs/reference shop-app #6), without placement and rollout settings. */
class ShopWebPodTest {

  static PodTemplate webPods() {
    return PodTemplate.container(Container.named("web")
            .image("ghcr.io/acme/web:1.4.2")
            .port(Port.http(8080))
            .env(Env.literal("LOG_LEVEL", "info"), Env.allFromConfigMap("web-config"))
            .resources(Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
                .limits(Cpu.millis(500), Memory.mebibytes(512)))
            .readiness(Probe.httpGet("/ready", "http").every(Duration.ofSeconds(5)))
            .liveness(Probe.httpGet("/live", "http").after(Duration.ofSeconds(10)))
            .startup(Probe.httpGet("/live", "http").every(Duration.ofSeconds(2)).failsAfter(30))
            .security(ContainerSecurity.restricted().runAsUser(10001).readOnlyRootFilesystem(true))
            .mount("tmp", "/tmp"))
        .volume(Volume.emptyDir("tmp"))
        .serviceAccountName("web")
        .build();
  }

  @Test
  void rendersTheShopsWebPods() {
    RenderContext shop = RenderContext.of("shop", "shop");

    String yaml = Yaml.dump(PodTemplates.render(webPods(), RecommendedLabels.of("web", shop), shop));

    assertThat(yaml).isEqualTo("""
        metadata:
          labels:
            app.kubernetes.io/name: web
            app.kubernetes.io/part-of: shop
            app.kubernetes.io/managed-by: mizzen
        spec:
          automountServiceAccountToken: false
          containers:
          - env:
            - name: LOG_LEVEL
              value: info
            envFrom:
            - configMapRef:
                name: web-config
            image: ghcr.io/acme/web:1.4.2
            livenessProbe:
              httpGet:
                path: /live
                port: http
              initialDelaySeconds: 10
            name: web
            ports:
            - containerPort: 8080
              name: http
            readinessProbe:
              httpGet:
                path: /ready
                port: http
              periodSeconds: 5
            resources:
              limits:
                cpu: 500m
                memory: 512Mi
              requests:
                cpu: 250m
                memory: 256Mi
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                - ALL
              readOnlyRootFilesystem: true
              runAsUser: 10001
            startupProbe:
              failureThreshold: 30
              httpGet:
                path: /live
                port: http
              periodSeconds: 2
            volumeMounts:
            - mountPath: /tmp
              name: tmp
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          serviceAccountName: web
          volumes:
          - emptyDir: {}
            name: tmp
        """);
  }

  @Test
  void isValidBurstableAndPinnedToARelease() {
    PodTemplate pods = webPods();
    Validation v = Validation.of("Deployment/web");
    PodTemplates.validate(v.field("spec.template"), pods);

    assertThat(v.problems()).isEmpty();
    assertThat(pods.qosClass()).isEqualTo(QosClass.BURSTABLE);
    Container web = pods.container("web").orElseThrow();
    assertThat(web.image().orElseThrow().isMutableTag()).isFalse();
    assertThat(pods.port("http").map(Port::containerPort)).contains(8080);
    assertThat(pods.optOutAnnotations()).isEmpty();
  }
}
