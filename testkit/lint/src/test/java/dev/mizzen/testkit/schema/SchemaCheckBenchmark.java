package dev.mizzen.testkit.schema;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A rough throughput measurement of reading and schema-checking a generated corpus (not a unit
 * test; run its {@code main} with the test classpath, optionally with the number of objects).
 * Prints objects per second for reading, checking and converting to typed objects, per round,
 * by the CPU time of the measuring thread (wall time on a shared machine says more about the
 * neighbours), and the wall-clock rate for comparison.
 */
public final class SchemaCheckBenchmark {
  private SchemaCheckBenchmark() {}

  public static void main(String[] args) {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String text = corpus(objects / 3);
    System.out.printf("corpus: %d objects, %.1f MB%n", objects / 3 * 3, text.length() / 1e6);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      long wall = System.nanoTime();
      long start = threads.getCurrentThreadCpuTime();
      ManifestFile file = ManifestFile.parse(text, "bench.yaml");
      long read = threads.getCurrentThreadCpuTime();
      List<SchemaFinding> findings = SchemaCheck.check(file);
      long checked = threads.getCurrentThreadCpuTime();
      long typed = file.objects().stream().filter(object -> object.object().isPresent()).count();
      long bound = threads.getCurrentThreadCpuTime();
      double count = file.objects().size();
      System.out.printf("round %2d (CPU time of one thread): read %6.0f obj/s, check %7.0f obj/s,"
              + " read+check %6.0f obj/s, typed %6.0f obj/s; wall read+check %6.0f obj/s"
              + " (%d findings, %d typed)%n",
          round, count / seconds(read - start), count / seconds(checked - read),
          count / seconds(checked - start), count / seconds(bound - checked),
          count / seconds(System.nanoTime() - wall), findings.size(), typed);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** {@code n} times a Deployment, a Service and a ConfigMap, in one multi-document stream. */
  static String corpus(int n) {
    StringBuilder out = new StringBuilder(n * 1800);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append("---\n");
      }
      out.append(TEMPLATE.replace("NAME", "web-" + i));
    }
    return out.toString();
  }

  private static final String TEMPLATE = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: NAME
        namespace: shop
        labels:
          app.kubernetes.io/name: NAME
          app.kubernetes.io/part-of: shop
        annotations:
          mizzen.dev/reason: "benchmark"
      spec:
        replicas: 3
        selector:
          matchLabels:
            app.kubernetes.io/name: NAME
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
        template:
          metadata:
            labels:
              app.kubernetes.io/name: NAME
          spec:
            securityContext:
              runAsNonRoot: true
              seccompProfile: {type: RuntimeDefault}
            containers:
            - name: web
              image: ghcr.io/acme/web:1.4.2
              ports:
              - name: http
                containerPort: 8080
              env:
              - name: LOG_LEVEL
                value: info
              - name: POD_NAME
                valueFrom:
                  fieldRef: {fieldPath: metadata.name}
              resources:
                requests: {cpu: 250m, memory: 256Mi}
                limits: {cpu: 500m, memory: 512Mi}
              readinessProbe:
                httpGet: {path: /ready, port: http}
                periodSeconds: 5
              livenessProbe:
                httpGet: {path: /live, port: 8080}
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities: {drop: [ALL]}
            volumes:
            - name: tmp
              emptyDir: {}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: NAME
        namespace: shop
      spec:
        selector:
          app.kubernetes.io/name: NAME
        ports:
        - name: http
          port: 80
          targetPort: http
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: NAME
        namespace: shop
      data:
        LOG_FORMAT: json
        app.properties: |
          a=1
          b=2
      """;
}
