package dev.mizzen.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the shared {@link dev.mizzen.testkit.cluster.LocalCluster} of the
 * test run, in a fresh namespace that is deleted afterwards. Test methods and lifecycle
 * methods may take {@code LocalCluster}, {@code ApiClient} and {@link TestNamespace} parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(LocalClusterExtension.class)
public @interface ClusterTest {

  /**
   * The Pod Security level enforced in the namespace ({@code pod-security.kubernetes.io/enforce}):
   * {@code restricted}, {@code baseline}, {@code privileged}, or empty for no label.
   */
  String podSecurity() default "restricted";

  /** A fresh namespace for every test method instead of one per class. */
  boolean namespacePerMethod() default false;
}
