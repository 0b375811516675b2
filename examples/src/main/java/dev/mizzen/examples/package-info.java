/** The reference shop app and the {@code mizzen} command line. */
package dev.mizzen.examples;
