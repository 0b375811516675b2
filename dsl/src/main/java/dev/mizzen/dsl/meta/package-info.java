/** Metadata shared by every object: names, namespaces, recommended labels, render context. */
@MizzenStyle
package dev.mizzen.dsl.meta;

import dev.mizzen.style.MizzenStyle;
