/** ConfigMaps and Secrets. */
@MizzenStyle
package dev.mizzen.dsl.config;

import dev.mizzen.style.MizzenStyle;
