/**
 * Where pods may run: node selectors, node and pod (anti-)affinity, tolerations and topology
 * spread constraints, gathered in a {@link dev.mizzen.scheduling.Placement}, validated like the
 * API server and rendered onto a client-java {@code V1PodSpec}.
 */
@MizzenStyle
package dev.mizzen.scheduling;

import dev.mizzen.style.MizzenStyle;
