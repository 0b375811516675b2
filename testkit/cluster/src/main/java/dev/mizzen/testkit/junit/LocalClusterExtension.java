package dev.mizzen.testkit.junit;

import dev.mizzen.testkit.cluster.LocalCluster;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link ClusterTest}: one {@link LocalCluster} for the whole test run,
 * shared by every class, stopped when the run ends; a fresh namespace per class (or method).
 * If the cluster cannot start, every class fails with the same explanation (which component,
 * and the tail of its log) instead of trying again.
 */
public final class LocalClusterExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(LocalClusterExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    SharedCluster shared = context.getRoot().getStore(STORE)
        .getOrComputeIfAbsent(SharedCluster.class, key -> SharedCluster.start(), SharedCluster.class);
    shared.cluster(); // throws the start failure, if any
    if (!settings(context).namespacePerMethod()) {
      context.getStore(STORE).put(TestNamespace.class, createNamespace(context));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (settings(context).namespacePerMethod()) {
      context.getStore(STORE).put(TestNamespace.class, createNamespace(context));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (settings(context).namespacePerMethod()) {
      deleteNamespace(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!settings(context).namespacePerMethod()) {
      deleteNamespace(context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalCluster.class || type == ApiClient.class || type == TestNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    LocalCluster cluster = cluster(context);
    if (type == LocalCluster.class) {
      return cluster;
    }
    if (type == ApiClient.class) {
      return cluster.client();
    }
    TestNamespace namespace = context.getStore(STORE).get(TestNamespace.class, TestNamespace.class);
    if (namespace == null) {
      throw new ParameterResolutionException("no test namespace yet: TestNamespace is available in tests and"
          + " @BeforeEach methods (and @BeforeAll unless namespacePerMethod)");
    }
    return namespace;
  }

  /** The shared cluster of this run. */
  static LocalCluster cluster(ExtensionContext context) {
    return context.getRoot().getStore(STORE)
        .getOrComputeIfAbsent(SharedCluster.class, key -> SharedCluster.start(), SharedCluster.class)
        .cluster();
  }

  private static ClusterTest settings(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    ClusterTest settings = type.getAnnotation(ClusterTest.class);
    if (settings == null) {
      settings = Defaults.class.getAnnotation(ClusterTest.class);
    }
    return settings;
  }

  private static TestNamespace createNamespace(ExtensionContext context) {
    String base = context.getTestMethod().map(m -> context.getRequiredTestClass().getSimpleName() + "-" + m.getName())
        .orElse(context.getRequiredTestClass().getSimpleName());
    String name = dnsLabel(base) + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("mizzen.dev/test", "true");
    String level = settings(context).podSecurity();
    if (!level.isEmpty()) {
      labels.put("pod-security.kubernetes.io/enforce", level);
    }
    try {
      new CoreV1Api(cluster(context).client())
          .createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name).labels(labels)))
          .execute();
    } catch (ApiException e) {
      throw new IllegalStateException("cannot create test namespace " + name + ": " + e.getResponseBody(), e);
    }
    return new TestNamespace(name);
  }

  private static void deleteNamespace(ExtensionContext context) {
    TestNamespace namespace = context.getStore(STORE).remove(TestNamespace.class, TestNamespace.class);
    if (namespace == null) {
      return;
    }
    try {
      new CoreV1Api(cluster(context).client()).deleteNamespace(namespace.name()).execute();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw new IllegalStateException("cannot delete test namespace " + namespace + ": " + e.getResponseBody(), e);
      }
    }
  }

  private static String dnsLabel(String text) {
    String label = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
    label = label.length() > 50 ? label.substring(0, 50).replaceAll("-$", "") : label;
    return label.isEmpty() ? "test" : label;
  }

  @ClusterTest
  private static final class Defaults {}

  /** The run's cluster, or why it could not start; closed by JUnit when the run ends. */
  private static final class SharedCluster implements AutoCloseable {
    private final LocalCluster cluster;
    private final RuntimeException failure;

    private SharedCluster(LocalCluster cluster, RuntimeException failure) {
      this.cluster = cluster;
      this.failure = failure;
    }

    static SharedCluster start() {
      try {
        return new SharedCluster(LocalCluster.start(), null);
      } catch (RuntimeException e) {
        return new SharedCluster(null, e);
      }
    }

    LocalCluster cluster() {
      if (failure != null) {
        throw new IllegalStateException("the shared local cluster could not start: " + failure.getMessage(), failure);
      }
      return cluster;
    }

    @Override
    public void close() {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
