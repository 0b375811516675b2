/** Rollout engines (rolling, recreate, canary, blue/green) driven from the caller's process. Not yet built. */
package dev.mizzen.strategies;
