/** Services, Ingresses and NetworkPolicies, with the selectors and ports they share. */
@MizzenStyle
package dev.mizzen.dsl.network;

import dev.mizzen.style.MizzenStyle;
