/**
 * Compute resources: typed quantities ({@link dev.mizzen.dsl.resources.Cpu},
 * {@link dev.mizzen.dsl.resources.Memory}, {@link dev.mizzen.dsl.resources.Storage},
 * {@link dev.mizzen.dsl.resources.ExtendedResource}), a container's
 * {@link dev.mizzen.dsl.resources.Resources} and the pod's {@link dev.mizzen.dsl.resources.QosClass}.
 */
@MizzenStyle
package dev.mizzen.dsl.resources;

import dev.mizzen.style.MizzenStyle;
