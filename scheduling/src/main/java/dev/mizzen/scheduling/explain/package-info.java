/**
 * The placement explainer: where kube-scheduler 1.33, with its default profile, can and would
 * put a pod on a given set of nodes, and why it cannot put it elsewhere. Pure computation over
 * client-java models; no cluster. Start at {@link dev.mizzen.scheduling.explain.PlacementExplainer}.
 */
package dev.mizzen.scheduling.explain;
