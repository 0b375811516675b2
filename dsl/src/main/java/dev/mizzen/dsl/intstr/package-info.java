/** Values that Kubernetes writes as an int or a string: counts and percentages ({@code 2}, {@code 25%}). */
@MizzenStyle
package dev.mizzen.dsl.intstr;

import dev.mizzen.style.MizzenStyle;
