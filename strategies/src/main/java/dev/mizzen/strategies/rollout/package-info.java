/**
 * Rollout status of Deployments, StatefulSets and DaemonSets, with the rules and messages of
 * {@code kubectl rollout status}: a pure verdict of one object, and a watch that waits for one.
 */
package dev.mizzen.strategies.rollout;
