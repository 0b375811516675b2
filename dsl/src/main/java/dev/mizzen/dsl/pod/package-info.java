/** Pod templates and their volumes: the part of every workload that describes its pods. */
@MizzenStyle
package dev.mizzen.dsl.pod;

import dev.mizzen.style.MizzenStyle;
