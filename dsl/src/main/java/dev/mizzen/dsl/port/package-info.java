/**
 * Ports as other objects refer to them: {@link dev.mizzen.dsl.port.PortRef} (a port by number or
 * by name, as probes, lifecycle hooks, Services, Ingresses and NetworkPolicies take it) and the
 * transport {@link dev.mizzen.dsl.port.Protocol} of container, Service and NetworkPolicy ports.
 * Depends on nothing else in the DSL, so every package that has ports can use it.
 */
@MizzenStyle
package dev.mizzen.dsl.port;

import dev.mizzen.style.MizzenStyle;
