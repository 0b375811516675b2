/**
 * What every object shares: its metadata ({@link dev.mizzen.dsl.meta.ObjectMetadata}), the
 * {@link dev.mizzen.dsl.meta.KubernetesResource} interface (also the extension point for kinds
 * Mizzen has no type for), the {@link dev.mizzen.dsl.meta.RenderContext} objects render in and
 * the {@link dev.mizzen.dsl.meta.RecommendedLabels}.
 */
@MizzenStyle
package dev.mizzen.dsl.meta;

import dev.mizzen.style.MizzenStyle;
