/**
 * Kubernetes resource quantities ({@code 250m}, {@code 1Gi}, {@code 1e3}) as
 * k8s.io/apimachinery/pkg/api/resource reads and writes them: one parser for every Mizzen module
 * (the DSL's typed amounts, the scheduling fleet, the schema check, lint models and assertions).
 */
package dev.mizzen.quantity;
