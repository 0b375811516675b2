/**
 * The Pod Security Standards of Kubernetes 1.33 as rules: the checks of the upstream
 * {@code k8s.io/pod-security-admission} policy package at their latest versions, one rule per
 * check, named like the check. The security opt-outs the DSL records on a pod exempt exactly
 * the findings about what each relaxes (see {@code docs/policies.md#security-opt-outs}).
 */
@MizzenStyle
package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.style.MizzenStyle;
