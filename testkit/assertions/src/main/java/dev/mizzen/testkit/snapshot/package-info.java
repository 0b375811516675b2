/**
 * Golden-file (snapshot) assertions on rendered manifests: normalised YAML files next to the
 * tests, a diff by field path on mismatch, and an explicit update mode.
 */
package dev.mizzen.testkit.snapshot;
