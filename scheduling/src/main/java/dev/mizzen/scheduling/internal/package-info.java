/**
 * Not API (docs/modules.md): the checks of the placement vocabulary, which the DSL runs when a
 * workload is built and a fleet runs when a node is built.
 */
package dev.mizzen.scheduling.internal;
