/** The Immutables style shared by every Mizzen value type. */
package dev.mizzen.style;
