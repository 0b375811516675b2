/**
 * Health probes (liveness, readiness, startup) and the actions they and lifecycle hooks run:
 * HTTP GET, TCP connect, exec and gRPC.
 */
@MizzenStyle
package dev.mizzen.dsl.probe;

import dev.mizzen.style.MizzenStyle;
