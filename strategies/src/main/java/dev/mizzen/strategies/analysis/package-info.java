/**
 * Analysis for rollouts: the {@link dev.mizzen.strategies.analysis.Check} interface with its typed
 * {@link dev.mizzen.strategies.analysis.CheckResult}, and the built-in
 * {@link dev.mizzen.strategies.analysis.PodHealth}.
 */
package dev.mizzen.strategies.analysis;
