/**
 * Running things against a cluster from the caller's process. So far: server-side apply
 * ({@code apply}); the rollout engines (rolling, recreate, canary, blue/green) are not built yet.
 */
package dev.mizzen.strategies;
