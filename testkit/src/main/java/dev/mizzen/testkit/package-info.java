/**
 * Testing Kubernetes specs: AssertJ assertions ({@code assertions}), policy checks
 * ({@code policy}), strict schema checks ({@code schema}), snapshots ({@code snapshot}), lint
 * ({@code lint}), and the local control plane with its JUnit 5 extension ({@code cluster},
 * {@code junit}).
 */
package dev.mizzen.testkit;
