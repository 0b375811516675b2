/** PersistentVolumeClaims and the claim spec they share with a StatefulSet's claim templates. */
@MizzenStyle
package dev.mizzen.dsl.storage;

import dev.mizzen.style.MizzenStyle;
