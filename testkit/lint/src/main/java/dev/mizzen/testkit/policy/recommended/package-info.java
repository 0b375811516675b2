/**
 * The {@code recommended} rules: best practices that kube-score, kube-linter and Polaris agree
 * on, several of them looking across objects (Services, PDBs, HPAs, NetworkPolicies, Ingresses).
 */
@MizzenStyle
package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.style.MizzenStyle;
