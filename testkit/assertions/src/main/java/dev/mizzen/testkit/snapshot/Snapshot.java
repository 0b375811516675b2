package dev.mizzen.testkit.snapshot;

import io.kubernetes.client.common.KubernetesObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.TestInfo;

/**
 * Golden-file assertions on rendered manifests. The first run writes the normalised YAML of the
 * objects next to the test (in update mode); later runs compare against it and fail with the
 * differences by field path:
 *
 * <pre>{@code
 * @Test
 * void rendersTheShop() {
 *   Snapshot.assertMatches(App.of(namespace, web, service).objects());
 * }
 * }</pre>
 *
 * <pre>
 * Snapshot src/test/resources/com/acme/__snapshots__/ShopTest/rendersTheShop.yaml does not match (2 differences):
 *   Deployment/shop/web: spec.replicas: expected 3, was 2
 *   Service/shop/web: added (not in the snapshot)
 * </pre>
 *
 * <p>The file is {@code src/test/resources/<test package>/__snapshots__/<TestClass>/<test method>.yaml}
 * in the module of the calling test class; {@link #named(String)} chooses another name (for
 * several snapshots in one test, or parameterised tests), {@link #at(Path)} any file. The system
 * property {@value #DIRECTORY_PROPERTY} replaces {@code src/test/resources} as the root.
 *
 * <p>Update mode, with the system property {@value #UPDATE_PROPERTY}{@code =true} or the
 * environment variable {@value #UPDATE_ENVIRONMENT}{@code =1}, writes the files instead of
 * failing. Without it a missing snapshot fails with how to create it.
 */
public final class Snapshot {
  /** The system property that turns update mode on ({@code true} or {@code 1}). */
  public static final String UPDATE_PROPERTY = "mizzen.snapshots.update";
  /** The environment variable that turns update mode on ({@code 1} or {@code true}). */
  public static final String UPDATE_ENVIRONMENT = "MIZZEN_UPDATE_SNAPSHOTS";
  /** The system property naming the root directory of snapshots instead of {@code src/test/resources}. */
  public static final String DIRECTORY_PROPERTY = "mizzen.snapshots.dir";

  private Snapshot() {}

  /**
   * Asserts that the YAML of {@code objects} (as {@code Manifests.yaml} writes it) matches the
   * snapshot of the calling test method.
   */
  public static void assertMatches(List<? extends KubernetesObject> objects) {
    new SnapshotFile(SnapshotLocation.ofCaller(null), isUpdateMode()).assertMatches(objects);
  }

  /** Asserts that the YAML of {@code object} matches the snapshot of the calling test method. */
  public static void assertMatches(KubernetesObject object) {
    new SnapshotFile(SnapshotLocation.ofCaller(null), isUpdateMode()).assertMatches(object);
  }

  /**
   * Asserts that the manifests in {@code yaml} match the snapshot of the calling test method,
   * after normalising them as {@link SnapshotFile#assertMatches(String)} describes.
   */
  public static void assertMatches(String yaml) {
    new SnapshotFile(SnapshotLocation.ofCaller(null), isUpdateMode()).assertMatches(yaml);
  }

  /**
   * The snapshot {@code __snapshots__/<TestClass>/<name>.yaml} of the calling test class;
   * {@code name} is letters, digits, {@code .}, {@code _} and {@code -}.
   */
  public static SnapshotFile named(String name) {
    return new SnapshotFile(SnapshotLocation.ofCaller(name), isUpdateMode());
  }

  /** The snapshot of the test that {@code testInfo} describes (its class and method). */
  public static SnapshotFile of(TestInfo testInfo) {
    Class<?> testClass = testInfo.getTestClass()
        .orElseThrow(() -> new IllegalArgumentException("testInfo has no test class: " + testInfo));
    String method = testInfo.getTestMethod()
        .orElseThrow(() -> new IllegalArgumentException("testInfo has no test method: " + testInfo))
        .getName();
    return of(testClass, method);
  }

  /** The snapshot {@code __snapshots__/<TestClass>/<name>.yaml} of {@code testClass}. */
  public static SnapshotFile of(Class<?> testClass, String name) {
    return new SnapshotFile(SnapshotLocation.of(testClass, name), isUpdateMode());
  }

  /** The snapshot in {@code file}, relative to the working directory unless absolute. */
  public static SnapshotFile at(Path file) {
    return new SnapshotFile(file, isUpdateMode());
  }

  /**
   * Whether snapshots are written rather than compared: system property
   * {@value #UPDATE_PROPERTY} or environment variable {@value #UPDATE_ENVIRONMENT} set to
   * {@code true} or {@code 1}.
   */
  public static boolean isUpdateMode() {
    return isOn(System.getProperty(UPDATE_PROPERTY)) || isOn(System.getenv(UPDATE_ENVIRONMENT));
  }

  private static boolean isOn(String value) {
    return value != null && (value.equals("1") || value.trim().toLowerCase(Locale.ROOT).equals("true"));
  }
}
