/** A real local Kubernetes control plane (kwokctl, binary runtime) for tests and demos. */
package dev.mizzen.testkit.cluster;
