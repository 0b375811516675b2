/**
 * Pod and container security contexts that pass Pod Security "restricted" by default, and the
 * typed, reasoned opt-outs that relax them.
 */
@MizzenStyle
package dev.mizzen.dsl.security;

import dev.mizzen.style.MizzenStyle;
