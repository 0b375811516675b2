/** Applications: ordered sets of objects sharing a namespace and a part-of label. */
@MizzenStyle
package dev.mizzen.dsl.app;

import dev.mizzen.style.MizzenStyle;
