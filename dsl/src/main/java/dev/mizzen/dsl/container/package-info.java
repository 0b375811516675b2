/** Containers: image, ports, environment, mounts, resources, probes, hooks and security. */
@MizzenStyle
package dev.mizzen.dsl.container;

import dev.mizzen.style.MizzenStyle;
