/** Assertions, policy checks, schema checks, snapshots and the local control plane. Not yet built. */
package dev.mizzen.testkit;
