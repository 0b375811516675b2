/**
 * AssertJ assertions for Mizzen's DSL values and the client-java objects they render to.
 *
 * <p>Start from {@link dev.mizzen.testkit.assertions.MizzenAssertions#assertThat} (or
 * {@link dev.mizzen.testkit.assertions.MizzenSoftAssertions} to collect every failure): DSL values
 * are rendered first, so every assertion runs on the client-java object the API server would see.
 * Failure messages name the object ({@code Deployment/shop/web}) and the field path.
 */
package dev.mizzen.testkit.assertions;
