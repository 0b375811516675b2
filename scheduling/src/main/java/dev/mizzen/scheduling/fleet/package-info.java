/**
 * The node side of scheduling, for tests and simulations: {@link dev.mizzen.scheduling.fleet.Node}s
 * with labels, taints and resources, rendered to client-java {@code V1Node}s, gathered in a
 * {@link dev.mizzen.scheduling.fleet.Fleet}.
 */
@MizzenStyle
package dev.mizzen.scheduling.fleet;

import dev.mizzen.style.MizzenStyle;
