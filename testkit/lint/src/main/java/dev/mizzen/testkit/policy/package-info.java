/**
 * Policy checks on client-java objects: {@link dev.mizzen.testkit.policy.Rule rules} with an id,
 * a severity, a rationale and a fix, grouped in {@link dev.mizzen.testkit.policy.Policy policies}
 * ({@link dev.mizzen.testkit.policy.Policies#baseline() baseline},
 * {@link dev.mizzen.testkit.policy.Policies#restricted() restricted},
 * {@link dev.mizzen.testkit.policy.Policies#recommended() recommended}), that report
 * {@link dev.mizzen.testkit.policy.Finding findings} by object and field path.
 */
@MizzenStyle
package dev.mizzen.testkit.policy;

import dev.mizzen.style.MizzenStyle;
