/**
 * Presets: tested answers to recurring deployment questions, made of the DSL's own builders. Start
 * at {@link dev.mizzen.dsl.preset.Presets}. Each preset returns builders (or values) that go where
 * the DSL takes one, so it composes with whatever else is set; what it sets, it sets once (the
 * builders are strict), so a preset's choices are not set again. Everything a preset makes passes
 * the objects' validation at {@code build()} and Pod Security "restricted".
 */
@MizzenStyle
package dev.mizzen.dsl.preset;

import dev.mizzen.style.MizzenStyle;
