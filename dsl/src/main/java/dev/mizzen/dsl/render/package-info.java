/** Rendering client-java objects to deterministic YAML and JSON, and reading them back. */
package dev.mizzen.dsl.render;
