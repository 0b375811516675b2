/** Server-side apply of rendered objects with a field manager. */
package dev.mizzen.strategies.apply;
