/**
 * Strict schema checks of YAML and JSON manifests without a cluster: unknown fields, wrong types,
 * missing required fields, unknown kinds and removed or deprecated API versions, each reported
 * with its field path and source line. The schema is derived from client-java's model classes.
 */
@MizzenStyle
package dev.mizzen.testkit.schema;

import dev.mizzen.style.MizzenStyle;
