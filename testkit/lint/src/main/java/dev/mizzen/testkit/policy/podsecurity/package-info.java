/**
 * The Pod Security Standards of Kubernetes 1.33 as rules: the checks of the upstream
 * {@code k8s.io/pod-security-admission} policy package at their latest versions, one rule per
 * check, named like the check.
 */
@MizzenStyle
package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.style.MizzenStyle;
